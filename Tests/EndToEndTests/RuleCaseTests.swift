import HechaHost
import HechaRules
import Testing

/// The YAML rule tests under rulesets/tests, run as part of `swift test`.
struct RuleCaseTests {
    @Test func everyYAMLRuleCasePasses() throws {
        let files = try RuleTestSuite.files([Repository.path("rulesets/tests")])
        #expect(files.count >= 9)
        let results = RuleTestSuite(registry: .known).run(files: files, rulesetsDirectory: Repository.path("rulesets"))
        #expect(results.count >= 50)
        for r in results where !r.passed {
            Issue.record(Comment(rawValue: r.message))
        }
    }

    @Test func everyNationalRuleHasCases() throws {
        let files = try RuleTestSuite.files([Repository.path("rulesets/tests")])
        let results = RuleTestSuite(registry: .known).run(files: files, rulesetsDirectory: Repository.path("rulesets"))
        let region = try RegionRun(registry: .known).validate(regionFile: Repository.path("rulesets/regions/demo.yaml"))
        #expect(RuleTestSuite.uncovered(rules: region.rules.map(\.id), results: results).isEmpty)
    }
}
