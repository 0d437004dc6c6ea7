import HechaCore

/// The record types rules can see: the roster's households and members, extended with the fact
/// collections of every known connector (`member.vehicles`, `household.payments`, …).
///
/// Rules are checked against every known connector's schemas, so a misspelt field is an error even
/// when the region has not configured that source; a rule that needs an unconfigured source is
/// skipped at run time instead.
public struct FactCatalog: Sendable {
    /// The household record as rules see it: roster fields, `members`, household collections.
    public let householdView: RecordSchema
    /// The member record as rules see it: roster fields, `memberships`, person collections.
    public let memberView: RecordSchema
    /// Every record schema by name (views, facts, membership).
    public let schemas: [String: RecordSchema]
    /// "member.vehicles" → "vehicle-registry": which source provides a collection.
    public let collectionSources: [String: String]
    /// The fact schemas as declared, with their connector id.
    public let facts: [(connector: String, schema: FactSchema)]

    /// - Parameter facts: every known connector's id with the fact types it yields.
    public init(facts: [(connector: String, schema: FactSchema)]) {
        var hh = RosterSchema.household.fields
        hh.append(FieldSchema("members", .list(.record("member")), doc: "家庭成员, in file order"))
        var mm = RosterSchema.member.fields
        mm.append(FieldSchema("memberships", .list(.record("membership")), doc: "every household of the roster where this person is listed"))
        var sources: [String: String] = [:]
        var schemas: [String: RecordSchema] = ["membership": RosterSchema.membership]
        for (connector, f) in facts {
            let field = FieldSchema(f.collection, .list(.record(f.record.name)), doc: f.record.title)
            switch f.key {
            case .household:
                hh.append(field)
                sources["household.\(f.collection)"] = connector
            case .person:
                mm.append(field)
                sources["member.\(f.collection)"] = connector
            }
            schemas[f.record.name] = f.record
        }
        householdView = RecordSchema(name: "household", title: RosterSchema.household.title, fields: hh)
        memberView = RecordSchema(name: "member", title: RosterSchema.member.title, fields: mm)
        schemas["household"] = householdView
        schemas["member"] = memberView
        self.schemas = schemas
        collectionSources = sources
        self.facts = facts
    }
}
