import Foundation
import HechaCore
import HechaGenerator
import HechaHost
import Testing

/// A generated region, small: the evaluator's findings must be exactly the ones the generator
/// computed independently from what it planted, and the same seed must give the same bytes.
@Suite(.serialized) struct GeneratedRegionTests {
    static func options(_ out: String) -> GeneratorOptions {
        GeneratorOptions(persons: 2_000, seed: 20241231, output: out, vehicleRows: 20_000, deathRows: 4_000)
    }

    static let generated: Result<(GeneratorReport, RunOutcome, String), Error> = {
        let dir = Repository.temporaryDirectory()
        do {
            let report = try RegionGenerator.generate(options(dir))
            let run = try RegionRun(registry: .known).run(RunRequest(
                regionFile: report.regionFile, outputDirectory: dir + "/out", rulesetsDirectory: Repository.path("rulesets")))
            return .success((report, run, try String(contentsOfFile: run.findingsFile, encoding: .utf8)))
        } catch {
            return .failure(error)
        }
    }()

    static func key(_ line: Substring) throws -> String {
        let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        return ["rule", "household", "person", "application", "amount"].map { (o[$0] as? String) ?? "-" }.joined(separator: " ")
    }

    @Test func findingsMatchTheGeneratorsExactly() throws {
        let (report, outcome, text) = try Self.generated.get()
        #expect(outcome.evaluation.failures.isEmpty)
        #expect(outcome.evaluation.skipped.isEmpty)
        let expectedText = try String(contentsOfFile: (report.regionFile as NSString).deletingLastPathComponent + "/expected-findings.jsonl",
                                      encoding: .utf8)
        let expected = try expectedText.split(separator: "\n").map(Self.key).sorted()
        let actual = try text.split(separator: "\n").map(Self.key).sorted()
        #expect(actual == expected)
        #expect(Set(report.findings.map(\.rule)).count == 15, "every rule has planted cases")
    }

    @Test func everyRowIsAccountedForAndTheBadOnesRejected() throws {
        let (report, outcome, _) = try Self.generated.get()
        var read = 0
        for s in outcome.sources {
            for f in s.files {
                #expect(f.addsUp)
                read += f.read
            }
        }
        #expect(read == report.files.reduce(0) { $0 + $1.rows })
        #expect(outcome.sources.reduce(0) { $0 + $1.total.rejected } == report.badRows)
        #expect(report.badRows > 0)
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        let (report, _, _) = try Self.generated.get()
        let again = Repository.temporaryDirectory()
        let second = try RegionGenerator.generate(Self.options(again))
        #expect(report.files.count == second.files.count)
        for (a, b) in zip(report.files, second.files) {
            #expect(FileManager.default.contentsEqual(atPath: a.path, andPath: b.path), "\(a.path) differs")
        }
        let dir = (report.regionFile as NSString).deletingLastPathComponent
        for name in ["region.yaml", "expected-findings.jsonl"] {
            #expect(FileManager.default.contentsEqual(atPath: dir + "/" + name, andPath: again + "/" + name))
        }
        let other = Repository.temporaryDirectory()
        var options = Self.options(other)
        options.seed += 1
        let third = try RegionGenerator.generate(options)
        #expect(!FileManager.default.contentsEqual(atPath: report.files[0].path, andPath: third.files[0].path))
    }
}
