import Foundation
import HechaCore
@testable import HechaRules
import Testing

/// A `command:` source: the loader reads the program and its timeout, asks the spec provider for
/// its fact types before checking rules, and refuses a spec whose names another source has.
struct ExternalSourceLoadingTests {
    static let disability = RecordSchema(name: "disability", title: "残疾人证", fields: [
        FieldSchema("person_id", .string), FieldSchema("grade", .number),
    ])

    static let text = Fixtures.header + """
        sources:
          disability: {command: [python3, disability.py], path: ., timeout_seconds: 20}
        rules:
          - id: r
            when: count(filter(household.members, m -> count(filter(m.disabilities, d -> d.grade == 1)) > 0)) > 0

        """

    func loader(_ spec: ExternalSourceSpec) -> RegionLoader {
        var loader = RegionLoader(rulesetsDirectory: Fixtures.rulesets, catalog: Fixtures.catalog)
        loader.externalSpecs = { _ throws(Diagnostic) in spec }
        return loader
    }

    @Test func theProgramsFactsAreKnownToTheRules() throws {
        let spec = ExternalSourceSpec(id: "d", title: "残联", factSchemas: [FactSchema(record: Self.disability, key: .person, collection: "disabilities")],
                                      keyFields: ["disability": "person_id"])
        let region = try loader(spec).load(regionPath: Fixtures.file("region.yaml", Self.text))
        let source = try #require(region.sources.first)
        #expect(source.command == ["python3", "disability.py"])
        #expect(source.timeoutSeconds == 20)
        #expect(source.title == "残联" && source.keyFields == ["disability": "person_id"])
        #expect(region.catalog.collectionSources["member.disabilities"] == "disability")
        #expect(region.rules.map(\.id) == ["r"])
    }

    @Test func withoutTheSpecTheRuleDoesNotTypeCheck() {
        #expect(Fixtures.errors(Self.text).contains { $0.contains("disabilities") })
    }

    @Test func aSpecReusingACollectionIsRefused() {
        let spec = ExternalSourceSpec(id: "d", title: "残联", factSchemas: [FactSchema(record: Self.disability, key: .person, collection: "vehicles")],
                                      keyFields: ["disability": "person_id"])
        do {
            _ = try loader(spec).load(regionPath: Fixtures.file("region.yaml", Self.text))
            Issue.record("a collection used twice must be refused")
        } catch {
            #expect(error.diagnostics.contains {
                $0.message == "the spec of source 'disability' cannot be used: collection 'vehicles' of the person facts is already used by another source"
            })
        }
    }

    @Test func aTimeoutMustBeAWholeNumberOfSeconds() {
        let text = Self.text.replacingOccurrences(of: "timeout_seconds: 20", with: "timeout_seconds: soon")
        #expect(Fixtures.errors(text).contains { $0.contains("timeout_seconds: of source 'disability' must be a whole number of seconds from 1 to 86400") })
    }
}
