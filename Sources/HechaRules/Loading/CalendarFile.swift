import HechaCore
import Yams

/// Reads a workday calendar file (`rulesets/calendars/<name>.yaml`):
///
/// ```yaml
/// name: china
/// years: {from: 2023, to: 2026}
/// holidays:
///   - {name: 春节, off: 2024-02-10 .. 2024-02-17, work: [2024-02-04, 2024-02-18]}
/// ```
/// `off` is a date, a range `A .. B`, or a list of those; `work` lists weekend days that are workdays.
public enum CalendarFile {
    /// Loads the calendar file at `path` (shown as `displayPath`) under the name `name`; throws the problems found, each naming its place in the file.
    public static func load(path: String, displayPath: String, name: String) throws(DiagnosticList) -> WorkdayCalendar {
        let file = try YAMLFile.load(path: path, displayPath: displayPath)
        var c = DiagnosticCollector()
        let r = ValueReader(file: file)
        let root = file.root
        guard root.mapping != nil else {
            throw DiagnosticList([r.fail("a calendar file is a mapping with years: and holidays:", root)])
        }
        for p in root.pairs where !["name", "title", "years", "holidays"].contains(p.key) {
            c.add(r.fail("unknown key '\(p.key)' in calendar\(NameSuggestion.didYouMean(p.key, in: ["name", "title", "years", "holidays"]))", p.keyNode))
        }
        var first = 0, last = -1
        if let years = root[key: "years"], let f = years[key: "from"], let t = years[key: "to"],
            let fy = Int(f.scalar?.string ?? ""), let ty = Int(t.scalar?.string ?? ""), fy <= ty {
            first = fy; last = ty
        } else {
            c.add(.error("calendar must say which years it covers: years: {from: 2023, to: 2026}", at: file.location(root[key: "years"] ?? root)))
        }
        var off = Set<Day>(), work = Set<Day>()
        func days(_ node: Yams.Node, what: String) throws(Diagnostic) -> [Day] {
            if let seq = node.sequence {
                var out: [Day] = []
                for item in seq { out += try days(item, what: what) }
                return out
            }
            let s = try r.string(node, what: what)
            let parts = s.components(separatedBy: "..").map { $0.trimmed }
            if parts.count == 2 {
                guard let a = Day(iso: parts[0]), let b = Day(iso: parts[1]), a <= b else {
                    throw r.fail("'\(s)' is not a date range", node, hint: "write a range as 2024-02-10 .. 2024-02-17")
                }
                var out: [Day] = []
                var d = a
                while d <= b { out.append(d); d = d.adding(days: 1) }
                return out
            }
            return [try r.day(node, what: what)]
        }
        for h in root[key: "holidays"]?.sequence ?? [] {
            do throws(Diagnostic) {
                for p in h.pairs where !["name", "off", "work"].contains(p.key) {
                    throw r.fail("unknown key '\(p.key)' in a holiday entry", p.keyNode, hint: "a holiday is {name: …, off: …, work: […]}")
                }
                let offNode = h[key: "off"], workNode = h[key: "work"]
                let offDays = offNode == nil ? [] : try days(offNode!, what: "off")
                let workDays = workNode == nil ? [] : try days(workNode!, what: "work")
                for d in offDays {
                    if first <= last, !(first...last).contains(d.year) {
                        throw r.fail("day off \(d) is outside the calendar's years \(first)–\(last)", h)
                    }
                    off.insert(d)
                }
                for d in workDays {
                    if d.isoWeekday < 6 {
                        throw r.fail("make-up workday \(d) is not a Saturday or Sunday", h, hint: "'work' lists weekend days that are workdays (调休)")
                    }
                    work.insert(d)
                }
            } catch {
                c.add(error)
            }
        }
        try c.check()
        return WorkdayCalendar(name: name, firstYear: first, lastYear: last, daysOff: off, makeUpWorkdays: work)
    }
}

extension String {
    func components(separatedBy sep: String) -> [String] {
        var out: [String] = []
        var rest = Substring(self)
        while let r = rest.range(of: sep) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }
}
