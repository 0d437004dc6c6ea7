import Foundation
import HechaCore
import HechaHost
import Testing

struct LintTests {
    @Test func theShippedRulesetsAreClean() {
        let results = RulesetLint(registry: .known).lint(folder: Repository.path("rulesets"))
        #expect(results.count >= 10)
        for r in results { #expect(r.problems.isEmpty, "\(r.file): \(r.problems)") }
        #expect(Set(results.map(\.kind)) == ["ruleset", "region", "calendar", "rule tests"])
    }

    @Test func brokenFilesOfEachKindAreReportedWithTheirPlace() throws {
        let dir = Repository.temporaryDirectory() + "/rulesets"
        try FileManager.default.copyItem(atPath: Repository.path("rulesets"), toPath: dir)
        try FileManager.default.removeItem(atPath: dir + "/regions/demo")  // data is not needed
        try "name: broken\nyears: {from: 2024, to: 2024}\nholidays:\n  - {name: x, off: 2024-02-30}\n"
            .write(toFile: dir + "/calendars/broken.yaml", atomically: true, encoding: .utf8)
        try "extends: national\nrules:\n  - id: x\n    when: cont(household.members) > 1\n"
            .write(toFile: dir + "/extra.yaml", atomically: true, encoding: .utf8)
        try "extends: base.yaml\nrule: vehicle-owned\nas_of: 2024-12-31\naudit_window: {from: 2024-01, to: 2024-12}\ncases:\n  - name: c\n    households: [{members: [{id: P1, vehicles: [{typ: 小型轿车}]}]}]\n    expect: []\n"
            .write(toFile: dir + "/tests/broken.yaml", atomically: true, encoding: .utf8)
        let results = RulesetLint(registry: .known).lint(folder: dir)
        let messages = results.flatMap(\.problems).map(\.description).joined(separator: "\n")
        #expect(messages.contains("calendars/broken.yaml:4:20: error: off '2024-02-30' is not a date"))
        #expect(messages.contains("extra.yaml:4:11: error: unknown function 'cont'; did you mean 'count'?"))
        #expect(messages.contains("tests/broken.yaml:7:50: error: vehicle has no field 'typ'; did you mean 'type'?"))
        // the demo region's data folders were removed: its sources are reported
        #expect(messages.contains("does not exist: demo/data/civil-affairs"))
    }
}
