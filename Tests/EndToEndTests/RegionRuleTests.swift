import Foundation
import HechaHost
import Testing

/// A region's own rules are tested like national ones: a test file extends the region file, and
/// coverage is checked against every rule that region runs.
struct RegionRuleTests {
    let suite = RuleTestSuite(registry: .known)

    @Test func theDemoRegionsOwnRuleIsTestedThroughTheRegionFile() throws {
        let files = try RuleTestSuite.files([Repository.path("rulesets/regions/demo-local/tests")])
        let results = suite.run(files: files, rulesetsDirectory: Repository.path("rulesets"))
        #expect(results.count == 5)
        for r in results { #expect(r.passed, "\(r.message)") }
    }

    @Test func coverageIsOfEveryRuleTheRegionRuns() throws {
        let region = Repository.path("rulesets/regions/demo-local.yaml")
        let ids = try suite.rules(ofRegion: region, rulesetsDirectory: Repository.path("rulesets"))
        #expect(ids.count == 16 && ids.contains("elderly-living-alone") && ids.contains("vehicle-owned"))
        let national = suite.run(files: try RuleTestSuite.files([Repository.path("rulesets/tests")]), rulesetsDirectory: Repository.path("rulesets"))
        #expect(RuleTestSuite.uncovered(rules: ids, results: national) == ["elderly-living-alone"])
        let local = suite.run(files: try RuleTestSuite.files([Repository.path("rulesets/regions/demo-local/tests")]),
                              rulesetsDirectory: Repository.path("rulesets"))
        #expect(RuleTestSuite.uncovered(rules: ids, results: national + local).isEmpty)
    }

    @Test func theExtendingRegionRunsOnTheDemoData() throws {
        let out = Repository.temporaryDirectory() + "/out"
        let outcome = try RegionRun(registry: .known).run(RunRequest(regionFile: Repository.path("rulesets/regions/demo-local.yaml"),
                                                                      outputDirectory: out, rulesetsDirectory: Repository.path("rulesets")))
        #expect(outcome.region.asOf.description == "2024-12-31")
        #expect(outcome.sources.count == 9)
        #expect(outcome.evaluation.ran.contains("elderly-living-alone"))
        #expect(outcome.evaluation.failures.isEmpty)
    }
}
