import HechaCore
import Yams

/// A rule's `show:` entry as written: a label and the expression whose value a case worker needs
/// to see (the car, the death date, the balances and the limit).
///
/// ```yaml
/// show:
///   车辆: cars                                   # records: one value per field of each car
///   限额: param("deposits.limit_per_person") * size
///   联系人: {value: first(cars).owner_name, personal: true}
/// ```
struct ShowDefinition {
    var label: String
    var source: ExpressionSource
    /// Masked in human-facing files (fields of records say so themselves, ``FieldSchema/personal``).
    var personal: Bool
}

/// A `show:` entry checked against the fact schemas.
public struct CompiledShow: Sendable {
    /// The label, as the ruleset writes it.
    public var label: String
    /// The expression as written (for `explain`).
    public var text: String
    var term: Term
    var personal: Bool
}

extension Checker {
    /// Checks a `show:` expression. A record (or list of records) is shown whole, so every field
    /// of its type is marked as read and decoded for evaluation.
    mutating func checkShow(_ show: ShowDefinition, rule: String) throws(Diagnostic) -> CompiledShow {
        let (term, type) = try check(show.source, expecting: nil, what: "show: '\(show.label)' of rule '\(rule)'")
        var element = type
        while case .list(let inner) = element { element = inner }
        if case .map = element {
            throw Diagnostic.error("show: '\(show.label)' of rule '\(rule)' is a map; show one of its entries, e.g. param(\"name\")[key]",
                                   at: show.source.location(at: 0))
        }
        if case .record(let name) = element, let schema = catalog.schemas[name] {
            for f in schema.fields where !f.type.isCollection { usedFields.insert("\(name).\(f.name)") }
        }
        return CompiledShow(label: show.label, text: show.source.string, term: term, personal: show.personal)
    }
}

/// Turns the values of a rule's `show:` into a finding's decisive values, for people: numbers
/// rounded to the fen, 是/否, records as one value per field (labelled `车辆·号牌号码`, or
/// `车辆1·号牌号码` when there are several), lists of plain values joined with 、.
enum DetailRendering {
    /// At most this many records of one list are shown; a last value says how many more there are.
    static let recordsShown = 10

    static func details(label: String, value: Value, personal: Bool) -> [FindingDetail] {
        switch value {
        case .record(let r):
            return fields(of: r, label: label)
        case .list(let items) where items.contains(where: { if case .record = $0 { return true } else { return false } }):
            var out: [FindingDetail] = []
            for (i, item) in items.prefix(recordsShown).enumerated() {
                guard case .record(let r) = item else { continue }
                out += fields(of: r, label: items.count > 1 ? "\(label)\(i + 1)" : label)
            }
            if items.count > recordsShown {
                out.append(FindingDetail(label: label, text: "另有 \(items.count - recordsShown) 条 (\(items.count - recordsShown) more)"))
            }
            return out
        default:
            return [FindingDetail(label: label, text: text(value), personal: personal)]
        }
    }

    static func fields(of r: Record, label: String) -> [FindingDetail] {
        zip(r.schema.fields, r.fields).compactMap { f, v in
            f.type.isCollection ? nil : FindingDetail(label: "\(label)·\(f.column ?? f.name)", text: text(v), personal: f.personal)
        }
    }

    /// Three or more consecutive months as `2023-12 至 2024-11（12个月）`.
    static func monthRange(_ items: [Value]) -> String? {
        guard items.count >= 3 else { return nil }
        var months: [Month] = []
        for v in items {
            guard case .month(let m) = v else { return nil }
            if let last = months.last, m != last.adding(1) { return nil }
            months.append(m)
        }
        return "\(months[0]) 至 \(months[months.count - 1])（\(months.count)个月）"
    }

    /// A plain value as people read it.
    static func text(_ v: Value) -> String {
        switch v {
        case .unknown: return "—"
        case .bool(let b): return b ? "是" : "否"
        case .number(let n): return n.isInteger ? n.description : n.decimalString(places: 2)
        case .string(let s): return s
        case .date(let d): return d.description
        case .month(let m): return m.description
        case .record(let r): return r.schema.title
        case .list(let items):
            if items.isEmpty { return "—" }
            if let range = monthRange(items) { return range }
            return items.map(text).joined(separator: "、")
        }
    }
}

extension RegionLoader {
    /// Reads a rule's `verify:` (text), `show:` (label → expression, or label → {value:, personal:})
    /// and `concerned:` (an expression giving a member's id).
    func readShow(_ node: Yams.Node, into def: inout RuleDefinition, file: YAMLFile) throws(Diagnostic) {
        let r = ValueReader(file: file)
        if let v = node[key: "verify"] { def.verify = try r.string(v, what: "verify") }
        if let c = node[key: "concerned"] {
            guard c.scalar != nil else { throw r.fail("concerned: is an expression giving a member's id number", c) }
            def.concerned = file.sourceMap(for: c)
        }
        guard let show = node[key: "show"] else { return }
        guard show.mapping != nil else { throw r.fail("show: is a mapping of label: expression", show) }
        for p in show.pairs {
            var valueNode = p.value
            var personal = false
            if p.value.mapping != nil {
                for q in p.value.pairs where q.key != "value" && q.key != "personal" {
                    throw r.fail("unknown key '\(q.key)' in show: '\(p.key)'", q.keyNode, hint: "an entry is label: expression, or label: {value: expression, personal: true}")
                }
                guard let v = p.value[key: "value"] else { throw r.fail("show: '\(p.key)' needs value: expression", p.value) }
                valueNode = v
                personal = p.value[key: "personal"]?.scalar?.string == "true"
            }
            guard valueNode.scalar != nil else { throw r.fail("show: '\(p.key)' must be an expression (text)", valueNode) }
            def.shows.append(ShowDefinition(label: p.key, source: file.sourceMap(for: valueNode), personal: personal))
        }
    }
}
