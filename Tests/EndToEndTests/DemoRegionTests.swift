import Foundation
import HechaCore
import HechaHost
import Testing

/// Runs the shipped demo region end to end.
@Suite(.serialized) struct DemoRegionTests {
    static let outcome: Result<(RunOutcome, String), HostError> = {
        let out = Repository.temporaryDirectory()
        let request = RunRequest(regionFile: Repository.path("rulesets/regions/demo.yaml"), outputDirectory: out)
        do {
            let o = try RegionRun(registry: .known).run(request)
            return .success((o, try String(contentsOfFile: o.findingsFile, encoding: .utf8)))
        } catch {
            return .failure(error as! HostError)
        }
    }()

    @Test func findingsMatchTheGoldenFileByteForByte() throws {
        let (_, text) = try Self.outcome.get()
        let golden = try String(contentsOfFile: Repository.path("Tests/EndToEndTests/Golden/demo-findings.jsonl"), encoding: .utf8)
        #expect(text == golden, "findings.jsonl differs from Tests/EndToEndTests/Golden/demo-findings.jsonl")
    }

    /// The demo data's generator (`hecha generate --preset demo`) computed the findings of its planted
    /// cases from its model, independently of the evaluator; every rule that ran must agree exactly.
    @Test func findingsMatchTheIndependentlyComputedOnes() throws {
        let (outcome, text) = try Self.outcome.get()
        let ran = Set(outcome.evaluation.ran)
        func key(_ line: Substring) throws -> String? {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let rule = o["rule"] as! String
            guard ran.contains(rule) else { return nil }
            let fields = ["household", "person", "application", "amount"].map { (o[$0] as? String) ?? "-" }
            return ([rule] + fields).joined(separator: " ")
        }
        let expectedText = try String(contentsOfFile: Repository.path("rulesets/regions/demo/expected-findings.jsonl"), encoding: .utf8)
        let expected = try expectedText.split(separator: "\n").compactMap(key).sorted()
        let actual = try text.split(separator: "\n").compactMap(key).sorted()
        #expect(actual == expected)
        #expect(expected.count > 30)
    }

    @Test func everyShippedRuleFiresOnTheDemo() throws {
        let (outcome, _) = try Self.outcome.get()
        for rule in outcome.evaluation.ran {
            #expect(outcome.evaluation.findings.contains { $0.rule == rule }, "rule \(rule) has no finding on the demo region")
        }
        #expect(outcome.evaluation.failures.isEmpty)
    }

    @Test func everyRowIsAccountedFor() throws {
        let (outcome, _) = try Self.outcome.get()
        for s in outcome.sources {
            for f in s.files {
                #expect(f.addsUp, "\(f.file): read \(f.read) ≠ accepted \(f.accepted) + rejected \(f.rejected) + duplicate \(f.duplicates) + unmatched \(f.unmatched)")
                #expect(f.read > 0)
            }
            #expect(s.rejects.count == s.total.rejected)
        }
        let rejected = outcome.sources.reduce(0) { $0 + $1.total.rejected }
        // the bad rows the demo data plants, as rulesets/regions/demo/PLANTED.md counts them
        let planted = try String(contentsOfFile: Repository.path("rulesets/regions/demo/PLANTED.md"), encoding: .utf8)
        let line = try #require(planted.split(separator: "\n").first { $0.hasSuffix(" bad rows in all.") })
        #expect(rejected == Int(line.split(separator: " ")[0]))
        #expect(rejected >= 12)
    }

    @Test func findingsCarryEvidence() throws {
        let (outcome, _) = try Self.outcome.get()
        for f in outcome.evaluation.findings {
            #expect(!f.evidence.isEmpty)
        }
        let death = try #require(outcome.evaluation.findings.first { $0.rule == "deceased-still-paid" })
        #expect(death.evidence.contains { $0.file == "死亡人员.csv" })
        #expect(death.evidence.contains { $0.file == "发放记录.csv" })
    }

    @Test func rulesNeedingUnconfiguredSourcesAreNotSilentlyEmpty() throws {
        let (outcome, _) = try Self.outcome.get()
        // every rule either ran or is listed as skipped with its reason
        let accounted = Set(outcome.evaluation.ran).union(outcome.evaluation.skipped.map(\.rule))
        #expect(accounted == Set(outcome.region.rules.map(\.id)))
    }
}
