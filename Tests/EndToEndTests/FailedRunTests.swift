import Foundation
import HechaCore
@testable import HechaHost
import HechaRules
import Testing
import TestSupport

/// A run in which a rule cannot be evaluated never replaces the last good run's folder: its
/// incomplete outputs go to a folder of their own, whose manifest says they are incomplete.
@Suite(.serialized) struct FailedRunTests {
    /// The demo region with one added rule that divides by zero on every household.
    func failingRegion() throws -> String {
        let dir = HostErrorTests().demoCopy { $0 + FailingRuleFixture.regionYAML }
        return dir + "/region.yaml"
    }

    func run(_ region: String, into out: String) throws(HostError) -> RunOutcome {
        try RegionRun(registry: .known).run(RunRequest(regionFile: region, outputDirectory: out, rulesetsDirectory: Repository.path("rulesets")))
    }

    @Test func aRunFailingOnARuleLeavesThePreviousFolderByteIdentical() throws {
        let out = Repository.temporaryDirectory() + "/out"
        _ = try run(Repository.path("rulesets/regions/demo.yaml"), into: out)
        let before = RunOutputTests().files(out)
        let outcome = try run(try failingRegion(), into: out)
        #expect(outcome.previousOutputKept)
        #expect(!outcome.evaluation.failures.isEmpty)
        #expect(outcome.outputDirectory == out + ".incomplete")
        let after = RunOutputTests().files(out)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (name, bytes) in before { #expect(after[name] == bytes, "\(name) changed") }
        // the incomplete outputs say what they are
        let data = try #require(FileManager.default.contents(atPath: out + ".incomplete/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(manifest["complete"] as? Bool == false)
        let failed = try #require(manifest["failed_rules"] as? [[String: Any]])
        #expect(failed.count == 1)
        #expect(failed.first?["rule"] as? String == "broken-ratio")
        #expect(failed.first?["households"] as? Int == outcome.evaluation.failures.count)
        #expect((failed.first?["cause"] as? String)?.contains("division by zero") == true)
        let report = try String(contentsOfFile: out + ".incomplete/report.html", encoding: .utf8)
        #expect(report.contains("本次结果不完整") && report.contains("broken-ratio"))
        #expect(!(try String(contentsOfFile: out + "/report.html", encoding: .utf8)).contains("本次结果不完整"))
        // the terminal's grouped failure text has a Chinese line for each of its lines
        let summary = FailureSummary(outcome.evaluation.failures).text()
        #expect(MessageCatalog.untranslatedLines(summary).filter { !$0.isEmpty }.isEmpty, "\(MessageCatalog.text(summary, in: .chinese))")
        // and the next good run replaces the folder as usual
        _ = try run(Repository.path("rulesets/regions/demo.yaml"), into: out)
    }

    @Test func aRunIsRefusedBeforeReadingWhenTheFolderHoldsAUsersFile() throws {
        let out = Repository.temporaryDirectory() + "/out"
        _ = try run(Repository.path("rulesets/regions/demo.yaml"), into: out)
        try Data("核查笔记".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
        var code: HechaExitCode?
        var message = ""
        do { _ = try run(Repository.path("rulesets/regions/demo.yaml"), into: out) } catch {
            code = error.code
            message = error.message
        }
        #expect(code == .output)
        #expect(message.contains("notes.txt"))
        #expect(FileManager.default.contents(atPath: out + "/notes.txt") == Data("核查笔记".utf8))
    }
}
