import HechaCore
@testable import HechaRules

/// Runs a loaded region's rules through the real ``Evaluator`` (on worker threads, as a run does)
/// over hand-made households that are all alike but for their ids.
enum EvaluationFixture {
    static func evaluate(_ region: LoadedRegion, households count: Int = 1, income: Exact = Exact(300)) -> EvaluationResult {
        var households: [RosterHousehold] = []
        for i in 1...count {
            var fields = RosterSchema.household.fields.map { f -> Value in
                switch f.type {
                case .number: return .number(income)
                case .date: return .date(Day(iso: "2024-03-15")!)
                default: return .string(f.name == "status" ? "在保" : "A")
                }
            }
            fields[RosterSchema.household.index(of: "village")!] = .unknown
            let record = Record(schema: RosterSchema.household, fields: fields, source: nil)
            let member = Record(schema: RosterSchema.member, fields: RosterSchema.member.fields.map { f in
                f.type == .bool ? .bool(true) : (f.optional ? .unknown : .string("P\(i)"))
            }, source: nil)
            households.append(RosterHousehold(id: "H\(i)", record: record, members: [RosterMember(personID: "P\(i)", record: member)]))
        }
        return Evaluator(region: region).evaluate(roster: Roster(households: households), facts: FactStore(),
                                                  configuredSources: Set(region.rules.flatMap(\.sources)))
    }
}
