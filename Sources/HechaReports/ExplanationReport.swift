import HechaCore
import HechaRules

/// How a finding came about, for people (`hecha explain`, masked ids, Chinese or English) and for
/// tools (`--format json`, full ids): the rule as written, the parameters used with the date each
/// value was in force, every step of the evaluation, and the records it rests on.
public enum ExplanationReport {
    /// What the text version needs besides the explanation.
    public struct Context: Sendable {
        /// The finding's stable id (``FindingID``), shown in the heading.
        public var findingID: String
        /// The household's 镇街, when known; with it the heading also names the household head.
        public var town: String?
        /// The household head's name, unmasked (the text masks it).
        public var headName: String?
        /// Notes printed first, e.g. that an input file changed since the run.
        public var warnings: [String]
        /// The context of one explanation.
        public init(findingID: String, town: String?, headName: String?, warnings: [String]) {
            self.findingID = findingID
            self.town = town
            self.headName = headName
            self.warnings = warnings
        }
    }

    /// The explanation for people, in `language`, with ids and names masked.
    public static func text(_ e: Explanation, _ c: Context, language: ReportLanguage) -> String {
        let zh = language == .chinese
        func l(_ chinese: String, _ english: String) -> String { zh ? chinese : english }
        var out = ""
        for w in c.warnings { out += l("注意：", "warning: ") + w + "\n" }
        out += l("线索", "Finding") + " \(c.findingID) — \(e.rule.id) \(e.rule.title)\n"
        var subject = l("户编号 ", "household ") + e.household
        if let town = c.town { subject += l("（\(town)", " (\(town)") + (c.headName.map { l("，户主 ", ", head ") + PrivacyMask.name($0) } ?? "") + l("）", ")") }
        out += subject + "\n"
        if let p = e.person { out += l("人员 ", "person ") + PrivacyMask.id(p) + "\n" }
        if let a = e.application { out += l("申请编号 ", "application ") + a + "\n" }
        out += "\n" + l("规则", "Rule") + " (\(e.rule.definedAt))\n"
        out += "  when: " + indent(e.rule.whenText) + "\n"
        if let a = e.rule.amountText { out += "  amount: " + indent(a) + "\n" }

        let parameters = e.steps.filter { $0.kind == .parameter }
        if !parameters.isEmpty {
            out += "\n" + l("参数（取值及其生效日期）", "Parameters (value, and since when it is in force)") + "\n"
            var seen = Set<String>()
            for p in parameters {
                let date = p.arguments.first.map(show) ?? ""
                let line = "  \(p.name) @ \(date) = \(show(p.value))" + (p.inForceFrom.map { l("（自 \($0) 起生效）", " (in force since \($0))") } ?? "")
                    + (p.definedAt.map { l("，设于 \($0)", ", set at \($0)") } ?? "")
                if seen.insert(line).inserted { out += line + "\n" }
            }
        }
        let steps = e.steps.filter { $0.kind != .parameter }
        if !steps.isEmpty {
            out += "\n" + l("计算过程（先算出的在前）", "Steps (each value after the ones it needs)") + "\n"
            var seen = Set<String>()
            for s in steps {
                let call = s.kind == .function ? "\(s.name)(\(s.arguments.map(show).joined(separator: ", ")))" : s.name
                let line = String(repeating: "  ", count: min(s.depth, 4) + 1) + "\(call) = \(show(s.value))"
                if seen.insert(line).inserted { out += line + "\n" }
            }
        }
        if let verify = e.rule.verify { out += "\n" + l("核查要点", "What to verify") + "\n  " + verify + "\n" }
        if !e.details.isEmpty {
            out += "\n" + l("关键数据", "Decisive values") + "\n"
            for d in e.details { out += "  \(d.label)：\(d.personal ? PrivacyMask.personal(d.text) : PrivacyMask.idsInText(d.text))\n" }
        }
        if !e.lets.isEmpty {
            out += "\n" + l("规则中的命名值（let:）", "The rule's named values (let:)") + "\n"
            for v in e.lets { out += "  \(v.name) = \(show(v.value))\n" }
        }
        out += "\n" + l("依据（文件:行）", "Evidence (file:line)") + "\n"
        for r in e.evidence { out += "  \(r.source)  \(r.file):\(r.line)\n" }
        out += "\n"
        if let err = e.error {
            out += l("结果：无法计算 — ", "Result: could not be evaluated — ") + PrivacyMask.idsInText(err.description) + "\n"
        } else if e.fired {
            out += l("结果：触发", "Result: fires") + (e.amount.map { l("，金额 ", ", amount ") + $0.decimalString(places: 2) + l(" 元", " yuan") } ?? "") + "\n"
        } else {
            out += l("结果：按当前数据与配置不再触发", "Result: does not fire with the current data and configuration") + "\n"
        }
        return out
    }

    /// The machine-readable form: full ids, exact numbers as text.
    public static func json(_ e: Explanation, _ c: Context) -> String {
        func value(_ v: Value) -> String {
            switch v {
            case .unknown: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .number(let n): return JSONText.string(n.description)
            case .string(let s): return JSONText.string(s)
            case .date(let d): return JSONText.string(d.description)
            case .month(let m): return JSONText.string(m.description)
            case .list(let l): return "[" + l.map(value).joined(separator: ", ") + "]"
            case .record(let r):
                var pairs: [(String, String)] = [("type", JSONText.string(r.schema.name))]
                if let s = r.source { pairs.append(("source", JSONText.string("\(s.source)/\(s.file):\(s.line)"))) }
                for (f, x) in zip(r.schema.fields, r.fields) where !f.type.isCollection { pairs.append((f.name, value(x))) }
                return JSONText.object(pairs)
            }
        }
        let steps = e.steps.map { s -> String in
            var pairs: [(String, String)] = [("kind", JSONText.string(s.kind.rawValue)), ("name", JSONText.string(s.name)),
                                             ("arguments", "[" + s.arguments.map(value).joined(separator: ", ") + "]"),
                                             ("value", value(s.value)), ("depth", String(s.depth))]
            if let f = s.inForceFrom { pairs.append(("in_force_from", JSONText.string(f.description))) }
            if let d = s.definedAt { pairs.append(("defined_at", JSONText.string(d.description))) }
            return JSONText.object(pairs)
        }
        let evidence = e.evidence.map {
            JSONText.object([("source", JSONText.string($0.source)), ("file", JSONText.string($0.file)), ("line", String($0.line))])
        }
        return JSONText.object([
            ("id", JSONText.string(c.findingID)),
            ("rule", JSONText.string(e.rule.id)),
            ("title", JSONText.string(e.rule.title)),
            ("defined_at", JSONText.string(e.rule.definedAt.description)),
            ("when", JSONText.string(e.rule.whenText)),
            ("amount_expression", JSONText.optionalString(e.rule.amountText)),
            ("household", JSONText.string(e.household)),
            ("person", JSONText.optionalString(e.person)),
            ("application", JSONText.optionalString(e.application)),
            ("fires", e.fired ? "true" : "false"),
            ("amount", e.amount.map { JSONText.string($0.decimalString(places: 2)) } ?? "null"),
            ("exact_amount", e.amount.map { JSONText.string($0.description) } ?? "null"),
            ("error", JSONText.optionalString(e.error?.description)),
            ("warnings", "[" + c.warnings.map(JSONText.string).joined(separator: ", ") + "]"),
            ("verify", JSONText.optionalString(e.rule.verify)),
            ("details", "[" + e.details.map { d in
                JSONText.object([("label", JSONText.string(d.label)), ("value", JSONText.string(d.text))])
            }.joined(separator: ", ") + "]"),
            ("lets", JSONText.object(e.lets.map { ($0.name, value($0.value)) })),
            ("steps", "[" + steps.joined(separator: ", ") + "]"),
            ("evidence", "[" + evidence.joined(separator: ", ") + "]"),
        ]) + "\n"
    }

    /// A value for people: records as their title and place, long lists shortened, ids masked.
    static func show(_ v: Value) -> String {
        switch v {
        case .unknown: return "unknown"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            if n.isInteger || n.rounded(places: 2) == n { return n.description }
            return "\(n.description) (≈\(n.decimalString(places: 2)))"
        case .string(let s): return "\"" + PrivacyMask.idsInText(s) + "\""
        case .date(let d): return d.description
        case .month(let m): return m.description
        case .record(let r):
            guard let s = r.source else { return r.schema.title }
            return "\(r.schema.title)@\(s.file):\(s.line)"
        case .list(let items):
            if items.isEmpty { return "[]" }
            if case .record = items[0] {
                let shown = items.prefix(6).map(show).joined(separator: ", ")
                return "\(items.count) × [" + shown + (items.count > 6 ? ", …" : "") + "]"
            }
            let shown = items.prefix(12).map(show).joined(separator: ", ")
            return "[" + shown + (items.count > 12 ? ", … (\(items.count))" : "") + "]"
        }
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.isEmpty }.joined(separator: "\n        ")
    }
}
