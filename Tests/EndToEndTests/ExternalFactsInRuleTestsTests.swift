import Foundation
import HechaCore
@testable import HechaHost
import Testing

/// A region's own rules on an out-of-process connector's facts are tested, linted and listed like
/// any other: `hecha test`, `hecha lint` and `hecha test --coverage --region` ask the program for
/// its spec, as a run does, so the facts it declares are known to the cases.
@Suite(.serialized) struct ExternalFactsInRuleTestsTests {
    /// The external-connector region, with a tests folder holding one case that fires and one that does not.
    func regionWithTests() -> String {
        let dir = ExternalConnectorTests().region(program: ExternalConnectorTests.example)
        try! FileManager.default.createDirectory(atPath: dir + "/tests", withIntermediateDirectories: true)
        try! """
        extends: ../region.yaml
        rule: severe-disability-member
        cases:
          - name: 一级残疾成员
            households:
              - id: H1
                members: [{id: "420525197503019120", disabilities: [{grade: 1, category: 肢体}]}]
            expect: [{household: "H1"}]
          - name: 二级残疾不算
            households:
              - id: H1
                members: [{id: "420525197503019120", disabilities: [{grade: 2, category: 视力}]}]
            expect: []

        """.write(toFile: dir + "/tests/severe-disability-member.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func ruleTestsSeeTheProgramsFacts() throws {
        let dir = regionWithTests()
        let results = RuleTestSuite(registry: .known).run(files: [dir + "/tests/severe-disability-member.yaml"],
                                                          rulesetsDirectory: Repository.path("rulesets"))
        #expect(results.count == 2)
        for r in results { #expect(r.passed, "\(r.name): \(r.message)") }
    }

    @Test func coverageOfARegionWithAProgramSourceListsItsRule() throws {
        let dir = regionWithTests()
        let rules = try RuleTestSuite(registry: .known).rules(ofRegion: dir + "/region.yaml", rulesetsDirectory: Repository.path("rulesets"))
        #expect(rules.contains("severe-disability-member"))
    }

    @Test func lintChecksTheTestsAgainstTheProgramsFacts() throws {
        let dir = regionWithTests()
        let result = RulesetLint(registry: .known).lint(file: dir + "/tests/severe-disability-member.yaml",
                                                       relative: "regions/x/tests/severe-disability-member.yaml",
                                                       rulesets: Repository.path("rulesets"))
        #expect(result.problems == [])
    }
}
