import Foundation
import HechaCore
import HechaHost
import Testing

/// `--format json` of the built hecha: one JSON object per diagnostic per line, with the place and
/// the hint, on the stream the text goes to; and a host error with several diagnostics prints them all.
struct DiagnosticFormatTests {
    let cli = CommandLineLanguageTests()

    /// The JSON lines of `text`, decoded (every line must be one).
    func records(_ text: String) throws -> [DiagnosticRecord] {
        try text.split(separator: "\n").map { try JSONDecoder().decode(DiagnosticRecord.self, from: Data($0.utf8)) }
    }

    @Test func aRegionErrorThroughRunFormatJSONHasItsFileLineColumnAndHint() throws {
        let region = cli.brokenRegion()
        let run = try cli.hecha(["run", "--region", region, "--rulesets", Repository.path("rulesets"), "--no-ledger",
                                 "--out", Repository.temporaryDirectory() + "/out", "--format", "json", "--lang", "en"])
        #expect(run.status == 2)
        #expect(run.out.isEmpty, "\(run.out)")
        let lines = try records(run.err)
        let unknown = try #require(lines.first { $0.message.hasPrefix("unknown source 'vehicle-registy'") }, "\(run.err)")
        #expect(unknown.file == region)
        #expect(unknown.line == 19)
        #expect(unknown.column == 3)
        #expect(unknown.severity == "error")
        #expect(unknown.message == "unknown source 'vehicle-registy'; did you mean 'vehicle-registry'?")
        #expect(unknown.hint?.hasPrefix("the known connectors are: ") == true, "\(unknown)")

        let chinese = try cli.hecha(["run", "--region", region, "--rulesets", Repository.path("rulesets"), "--no-ledger",
                                     "--out", Repository.temporaryDirectory() + "/out", "--format", "json"])
        let zh = try records(chinese.err)
        #expect(zh.contains { $0.message == "未知的数据源 'vehicle-registy'；是否应为 'vehicle-registry'？" && $0.line == 19 }, "\(chinese.err)")
    }

    @Test func aRulesetErrorThroughRunFormatJSONPointsIntoTheRule() throws {
        let dir = HostErrorTests().demoCopy { $0 + "rules:\n  add:\n    - id: mine\n      when: household.stauts == \"在保\"\n" }
        let run = try cli.hecha(["run", "--region", dir + "/region.yaml", "--rulesets", Repository.path("rulesets"), "--no-ledger",
                                 "--out", dir + "/out", "--format", "json", "--lang", "en"])
        #expect(run.status == 2)
        let field = try #require(try records(run.err).first { $0.message.contains("has no field 'stauts'") }, "\(run.err)")
        #expect(field.file == dir + "/region.yaml" && field.line == 29 && field.column == 23, "\(field)")
        #expect(field.hint != nil)
    }

    @Test func aHostErrorWithSeveralDiagnosticsPrintsThemAll() throws {
        let dir = HostErrorTests().demoCopy { $0.replacingOccurrences(of: "vehicle-registry:", with: "vehicle-registy:")
            .replacingOccurrences(of: "encoding: gb18030", with: "encoding: gb18031") }
        let error = try #require(HostErrorTests().validate(dir))
        #expect(error.diagnostics.count >= 2, "\(error)")
        #expect(error.diagnostics.contains { $0.location?.line == 18 && $0.message.hasPrefix("unknown encoding 'gb18031'") })
        #expect(error.diagnostics.contains { $0.location?.line == 19 && $0.message.hasPrefix("unknown source 'vehicle-registy'") })

        let args = ["validate", "--region", dir + "/region.yaml", "--rulesets", Repository.path("rulesets"), "--lang", "en"]
        let text = try cli.hecha(args)
        #expect(text.status == 2)
        for d in error.diagnostics { #expect(text.err.contains(d.description), "\(d) missing from:\n\(text.err)") }
        let json = try cli.hecha(["run", "--no-ledger", "--out", dir + "/out", "--format", "json"] + args.dropFirst())
        #expect(try records(json.err).count == error.diagnostics.count, "\(json.err)")
    }

    @Test func lintFormatJSONOnABrokenRulesetFolder() throws {
        let dir = Repository.temporaryDirectory() + "/rulesets"
        try FileManager.default.copyItem(atPath: Repository.path("rulesets"), toPath: dir)
        try FileManager.default.removeItem(atPath: dir + "/regions")
        try "extends: national\nrules:\n  - id: x\n    when: cont(household.members) > 1\n"
            .write(toFile: dir + "/extra.yaml", atomically: true, encoding: .utf8)
        let lint = try cli.hecha(["lint", dir, "--format", "json", "--lang", "en"])
        #expect(lint.status == 2)
        let all = lint.out.split(separator: "\n").map(String.init)
        let last = try #require(all.last)
        let lines = all.dropLast()
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: [String: Int]])["summary"]
        #expect(summary?["with_errors"] == 1 && summary?["errors"] == 1, "\(last)")
        #expect((summary?["files"] ?? 0) > 10 && summary?["ok"] == (summary?["files"] ?? 0) - 1, "\(last)")
        let found = try records(lines.joined(separator: "\n"))
        #expect(found.count == 1, "\(lint.out)")
        #expect(found.first?.file == dir + "/extra.yaml")
        #expect(found.first?.line == 4 && found.first?.column == 11)
        #expect(found.first?.message == "unknown function 'cont'; did you mean 'count'?")

        let text = try cli.hecha(["lint", dir, "--lang", "en"])
        #expect(text.out.hasPrefix("\(dir)/extra.yaml:4:11: error: unknown function 'cont'; did you mean 'count'?"), "\(text.out)")
        #expect(text.out.hasSuffix("with errors\n"), "\(text.out)")
    }

    @Test func testFormatJSONReportsAFailingCaseAtItsPlace() throws {
        let dir = Repository.temporaryDirectory()
        try "extends: base.yaml\nrule: vehicle-owned\nas_of: 2024-12-31\naudit_window: {from: 2024-01, to: 2024-12}\ncases:\n  - name: c\n    households: [{members: [{id: P1, vehicles: [{typ: 小型轿车}]}]}]\n    expect: []\n"
            .write(toFile: dir + "/broken.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Repository.path("rulesets/tests/base.yaml"), toPath: dir + "/base.yaml")
        let test = try cli.hecha(["test", dir + "/broken.yaml", "--rulesets", Repository.path("rulesets"), "--format", "json", "--lang", "en"])
        #expect(test.status != 0)
        let all = test.out.split(separator: "\n").map(String.init)
        let last = try #require(all.last)
        let lines = all.dropLast()
        #expect(last == #"{"summary":{"failed":1,"passed":0}}"#)
        let found = try records(lines.joined(separator: "\n"))
        #expect(found.first?.message == "case 'c' could not run" && found.first?.line == 6, "\(test.out)")
        #expect(found.contains { $0.message == "vehicle has no field 'typ'; did you mean 'type'?" && $0.line == 7 && $0.column == 50 }, "\(test.out)")
    }

    @Test func failedRuleEvaluationsThroughRunFormatJSONAreOneLinePerCauseThenWhereTheOutputsWent() throws {
        let region = try FailedRunTests().failingRegion()
        let out = Repository.temporaryDirectory() + "/out"
        let run = try cli.hecha(["run", "--region", region, "--rulesets", Repository.path("rulesets"), "--no-ledger", "--quiet",
                                 "--out", out, "--format", "json", "--lang", "en"])
        #expect(run.status == 3)
        let lines = try records(run.err)
        let cause = try #require(lines.first, "\(run.err)")
        #expect(cause.message.hasPrefix("rule broken-ratio could not be evaluated for "), "\(cause)")
        #expect(cause.file == region && cause.line != nil, "\(cause)")
        #expect(lines.last?.severity == "note")
        #expect(lines.last?.message == "the output folder \(out) was left as it was; this run's incomplete outputs are in \(out).incomplete")
    }
}
