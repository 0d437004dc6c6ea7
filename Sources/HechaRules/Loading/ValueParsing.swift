import HechaCore
import Yams

/// Reads typed values (parameters, dates, months) from YAML nodes, with positioned errors.
struct ValueReader {
    let file: YAMLFile

    func fail(_ message: String, _ node: Yams.Node, hint: String? = nil) -> Diagnostic {
        .error(message, at: file.location(node), hint: hint)
    }

    func string(_ node: Yams.Node, what: String) throws(Diagnostic) -> String {
        guard let s = node.scalar?.string else { throw fail("\(what) must be a single value, not \(node.kindName)", node) }
        return s
    }

    func day(_ node: Yams.Node, what: String) throws(Diagnostic) -> Day {
        let s = try string(node, what: what)
        guard let d = Day(iso: s.trimmed) else {
            if let why = Day.whyImpossible(s.trimmed) {
                throw fail("\(what) '\(s)' is not a date: \(why)", node, hint: "correct the day; dates are written YYYY-MM-DD")
            }
            throw fail("\(what) '\(s)' is not a date", node, hint: "write dates as YYYY-MM-DD, e.g. 2024-12-31")
        }
        return d
    }

    func month(_ node: Yams.Node, what: String) throws(Diagnostic) -> Month {
        let s = try string(node, what: what)
        guard let m = Month(iso: s.trimmed) else {
            throw fail("\(what) '\(s)' is not a month", node, hint: "write months as YYYY-MM, e.g. 2024-01")
        }
        return m
    }

    /// A value of a declared parameter type.
    func value(_ node: Yams.Node, _ type: ValueType, what: String) throws(Diagnostic) -> ParameterData {
        switch type {
        case .map(let inner):
            guard node.mapping != nil else {
                throw fail("\(what) must be a mapping of key: value, not \(node.kindName)", node, hint: "e.g. {A: 1, B: 3, C: 6}")
            }
            var out: [String: Value] = [:]
            for p in node.pairs {
                guard case .value(let v) = try value(p.value, inner, what: "\(what).\(p.key)") else { continue }
                out[p.key] = v
            }
            return .map(out)
        default:
            return .value(try plain(node, type, what: what))
        }
    }

    func plain(_ node: Yams.Node, _ type: ValueType, what: String) throws(Diagnostic) -> Value {
        switch type {
        case .list(let inner):
            guard let seq = node.sequence else {
                throw fail("\(what) must be a list, not \(node.kindName)", node, hint: "write a list as [a, b] or one '- item' per line")
            }
            var out: [Value] = []
            for item in seq { out.append(try plain(item, inner, what: what)) }
            return .list(out)
        case .number:
            let s = try string(node, what: what).trimmed
            guard let n = Exact(decimal: s) else { throw fail("\(what) must be a number, not '\(s)'", node) }
            return .number(n)
        case .string:
            return .string(try string(node, what: what))
        case .bool:
            let s = try string(node, what: what)
            switch s {
            case "true", "yes", "是": return .bool(true)
            case "false", "no", "否": return .bool(false)
            default: throw fail("\(what) must be true or false, not '\(s)'", node)
            }
        case .date: return .date(try day(node, what: what))
        case .month: return .month(try month(node, what: what))
        case .map, .record, .any:
            throw fail("\(what) has a type that cannot be written as a value", node)
        }
    }

    /// A parameter setting: a single value, or dated values `[{from: 2024-07-01, value: 1370}, …]`.
    func setting(_ node: Yams.Node, _ type: ValueType, name: String) throws(Diagnostic) -> ParameterSetting {
        let at = file.location(node)
        if let seq = node.sequence, !seq.isEmpty, seq.allSatisfy({ $0.mapping != nil && $0[key: "from"] != nil }) {
            var entries: [ParameterSetting.Entry] = []
            var last: Day?
            for item in seq {
                for p in item.pairs where p.key != "from" && p.key != "value" {
                    throw fail("unknown key '\(p.key)' in a dated value of '\(name)'", p.keyNode, hint: "a dated value is {from: YYYY-MM-DD, value: …}")
                }
                let from = try day(item[key: "from"]!, what: "'from' of \(name)")
                guard let v = item[key: "value"] else {
                    throw fail("dated value of '\(name)' has no 'value'", item, hint: "write {from: \(from), value: …}")
                }
                if let last, from <= last {
                    throw fail("dated values of '\(name)' must be in increasing 'from' order (\(from) is not after \(last))", item)
                }
                last = from
                entries.append(.init(from: from, data: try value(v, type, what: name), at: file.location(item)))
            }
            return ParameterSetting(entries: entries, definedAt: at)
        }
        return ParameterSetting(entries: [.init(from: nil, data: try value(node, type, what: name), at: at)], definedAt: at)
    }
}

extension String {
    /// The text without leading and trailing white space.
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
