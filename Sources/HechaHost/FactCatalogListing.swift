import HechaCore
import HechaRules

/// What an admin needs to write a rule without reading Swift: every record a rule can see — the
/// household, its members, their fact collections — with each field's type, the export column it
/// comes from, whether it may be unknown, and what it means. Printed by `hecha rules`.
public enum FactCatalogListing {
    /// The listing for `catalog`, household and member first, then each fact type by collection.
    public static func text(_ catalog: FactCatalog) -> String {
        var out = "Records and fields a rule can use (type; export column; ? = may be unknown):\n"
        out += record("household", catalog.householdView, catalog: catalog)
        out += record("member", catalog.memberView, catalog: catalog)
        out += record("member.memberships[]", RosterSchema.membership, catalog: catalog)
        func order(_ f: FactSchema) -> (Int, String) { (f.key == .household ? 0 : 1, f.collection) }
        for (connector, fact) in catalog.facts.sorted(by: { order($0.schema) < order($1.schema) }) {
            let owner = fact.key == .household ? "household" : "member"
            out += record("\(owner).\(fact.collection)[] — \(connector)", fact.record, catalog: catalog)
        }
        return out
    }

    /// A type as the rule language writes it.
    static func typeName(_ t: ValueType) -> String {
        switch t {
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "text"
        case .date: return "date"
        case .month: return "month"
        case .list(let inner): return "list of " + typeName(inner)
        case .map(let inner): return "map of " + typeName(inner)
        case .record(let name): return name
        case .any: return "any"
        }
    }

    static func record(_ heading: String, _ schema: RecordSchema, catalog: FactCatalog) -> String {
        var out = "\n\(heading) (\(schema.title))\n"
        let width = schema.fields.map { $0.name.count }.max() ?? 0
        for f in schema.fields {
            var line = "  " + f.name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
            line += typeName(f.type) + (f.optional ? "?" : "")
            if let c = f.column { line += "; \(c)" }
            if !f.doc.isEmpty { line += "; \(f.doc)" }
            if f.personal { line += " (personal data: masked in lists)" }
            out += line + "\n"
        }
        return out
    }
}
