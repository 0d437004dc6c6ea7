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

struct RuleCaseFailureTests {
    @Test func aDateOutsideTheCalendarIsAnErrorNotAGuess() throws {
        let dir = Repository.temporaryDirectory()
        try """
            extends: \(Repository.path("rulesets/tests/base.yaml"))
            rule: approval-late
            as_of: 2024-12-31
            audit_window: {from: 2024-01, to: 2024-12}
            calendar: china
            cases:
              - name: 2019年受理
                households:
                  - applications: [{id: A1, type: 新申请, accepted: 2019-05-06, approved: 2019-06-10}]
                    members: [{id: P1}]
                expect: []
            """.write(toFile: dir + "/case.yaml", atomically: true, encoding: .utf8)
        let results = RuleTestSuite(registry: .known).run(files: [dir + "/case.yaml"], rulesetsDirectory: Repository.path("rulesets"))
        #expect(results.count == 1)
        #expect(results.first?.passed == false)
        #expect(results.first?.message.contains("date 2019-05-06 is outside the years of calendar 'china' (2023–2026)") == true)
    }

    @Test func aWrongExpectationFailsWithExpectedAndGot() throws {
        let dir = Repository.temporaryDirectory()
        try """
            extends: \(Repository.path("rulesets/tests/base.yaml"))
            rule: vehicle-owned
            as_of: 2024-12-31
            audit_window: {from: 2024-01, to: 2024-12}
            cases:
              - name: 期望错误
                households:
                  - members: [{id: P1, vehicles: [{plate: X, type: 小型轿车, status: 正常}]}]
                expect: []
            """.write(toFile: dir + "/case.yaml", atomically: true, encoding: .utf8)
        let r = RuleTestSuite(registry: .known).run(files: [dir + "/case.yaml"], rulesetsDirectory: Repository.path("rulesets"))
        #expect(r.first?.passed == false)
        #expect(r.first?.message == "\(dir)/case.yaml:6:5: error: case '期望错误' failed\n  expected 0 finding(s):\n  got 1:\n    vehicle-owned household=H1\n")
    }
}
