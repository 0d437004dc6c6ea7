import HechaCore
@testable import HechaRules
import Testing

/// The evaluator names no agency's values: which household status is active and which records
/// are applications come from the ruleset's `data:`, in the data's own words.
struct DataVocabularyTests {
    /// Another agency's applications: `claims`, each named by its `claim_no`.
    static let claim = RecordSchema(name: "claim", title: "申领记录", fields: [
        FieldSchema("claim_no", .string), FieldSchema("household", .string), FieldSchema("amount", .number),
    ])
    static let catalog = FactCatalog(facts: [("claims-office", FactSchema(record: claim, key: .household, collection: "claims"))])

    func load(_ text: String, catalog: FactCatalog = Fixtures.catalog) throws(DiagnosticList) -> LoadedRegion {
        try RegionLoader(rulesetsDirectory: Fixtures.rulesets, catalog: catalog).load(regionPath: Fixtures.file("region.yaml", text))
    }

    func errors(_ text: String, catalog: FactCatalog = Fixtures.catalog) -> [String] {
        let path = Fixtures.file("region.yaml", text)
        do {
            _ = try RegionLoader(rulesetsDirectory: Fixtures.rulesets, catalog: catalog).load(regionPath: path)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: path, with: "region.yaml") }
        }
    }

    @Test func applicationRulesRunOverTheCollectionTheRulesetNames() throws {
        let region = try load(Fixtures.header + """
            data: {applications: claims, application_id: claim_no}
            rules:
              - id: large-claim
                applies_to: application
                when: application.amount > 100
            """, catalog: Self.catalog)
        let facts = FactStore()
        for (no, amount) in [("C1", 50), ("C2", 500)] {
            facts.add(Record(schema: Self.claim, fields: [.string(no), .string("H1"), .number(Exact(amount))], source: nil),
                      collection: "claims", key: "H1")
        }
        let result = Evaluator(region: region).evaluate(roster: Fixtures.oneHouseholdRoster(), facts: facts, configuredSources: ["claims-office"])
        #expect(result.failures.isEmpty)
        #expect(result.findings.map(\.application) == ["C2"])
    }

    @Test func membershipsAreActiveByTheStatusTheRulesetNames() throws {
        func fires(activeStatus: String) throws -> Bool {
            let region = try load(Fixtures.header + """
                data: {active_status: \(activeStatus)}
                rules:
                  - id: listed-while-active
                    applies_to: member
                    when: any(member.memberships, x -> x.active)
                """)
            return !EvaluationFixture.evaluate(region).findings.isEmpty
        }
        // the fixture's household is 在保
        #expect(try fires(activeStatus: "在保"))
        #expect(try !fires(activeStatus: "停保"))
    }

    @Test func aMisspeltKeyOrValueUnderDataIsAnErrorAtItsPlace() {
        #expect(errors(Fixtures.header + "data: {active_stauts: 在保}\n").first
                == "region.yaml:9:8: error: unknown key 'active_stauts' under data:; did you mean 'active_status'?\n  hint: the keys of data: are: active_status, applications, application_id")
        #expect(errors(Fixtures.header + "data:\n  active_status: 在报\n").first
                == "region.yaml:10:18: error: data.active_status '在报' is not a value of household.status; did you mean '在保'?\n  hint: its values are: 在保, 停保")
        let id = errors(Fixtures.header + "data: {applications: claims, application_id: claim_number}\n", catalog: Self.catalog)
        #expect(id.first == "region.yaml:9:46: error: data.application_id 'claim_number' is not a text field of 'claim'\n  hint: its text fields are: claim_no, household")
    }

    @Test func aRuleCannotReadWhatTheRulesetDoesNotDeclare() {
        let active = errors(Fixtures.header + """
            rules:
              - id: r
                applies_to: member
                when: any(member.memberships, x -> x.active)
            """)
        #expect(active.first?.hasPrefix("region.yaml:10:9: error: rule 'r' reads membership.active, but no file of the chain says which household status is active") == true, "\(active)")
        let application = errors(Fixtures.header + """
            rules:
              - id: r
                applies_to: application
                when: application.amount > 100
            """, catalog: Self.catalog)
        #expect(application.first?.hasPrefix("region.yaml:12:11: error: 'application' needs the ruleset to say which records are applications") == true, "\(application)")
    }
}
