import Foundation
import HechaCore
import HechaGenerator
import HechaHost
import Testing

/// `hecha generate --preset demo`: the demo region written from the generator's model. A run on it
/// must find exactly the findings it lists, reject each planted bad row with its reason, read the
/// messy forms, and the committed `rulesets/regions/demo` must be the preset's bytes.
@Suite(.serialized) struct DemoPresetTests {
    /// The preset written into `<temp>/demo`, beside a copy of `rulesets/regions/demo.yaml`, and run.
    static let generated: Result<(GeneratorReport, RunOutcome, String, String), Error> = {
        let dir = Repository.temporaryDirectory()
        do {
            let report = try RegionGenerator.generate(GeneratorPreset.demo.options(output: dir + "/demo"))
            try FileManager.default.copyItem(atPath: Repository.path("rulesets/regions/demo.yaml"), toPath: dir + "/demo.yaml")
            let run = try RegionRun(registry: .known).run(RunRequest(
                regionFile: dir + "/demo.yaml", outputDirectory: dir + "/out", rulesetsDirectory: Repository.path("rulesets")))
            return .success((report, run, try String(contentsOfFile: run.findingsFile, encoding: .utf8), dir + "/demo"))
        } catch {
            return .failure(error)
        }
    }()

    static func keys(_ text: String) throws -> [String] {
        try text.split(separator: "\n").map { line in
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return ["rule", "household", "person", "application", "amount"].map { (o[$0] as? String) ?? "-" }.joined(separator: " ")
        }.sorted()
    }

    /// Every regular file under `root`, relative to it, sorted.
    static func files(under root: String) -> [String] {
        let all = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return all.filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &d) && !d.boolValue }
            .sorted()
    }

    @Test func aRunFindsExactlyTheExpectedFindingsAndEveryRuleFires() throws {
        let (report, outcome, text, dir) = try Self.generated.get()
        #expect(outcome.evaluation.failures.isEmpty)
        #expect(outcome.evaluation.skipped.isEmpty)
        let expected = try Self.keys(try String(contentsOfFile: dir + "/expected-findings.jsonl", encoding: .utf8))
        #expect(try Self.keys(text) == expected)
        #expect(Set(report.findings.map(\.rule)).count == 15, "every rule has planted cases")
        #expect(report.findings.count >= 40 && report.findings.count <= 120)
    }

    @Test func plantedMdListsEveryFindingAndTheNearMisses() throws {
        let (report, _, _, dir) = try Self.generated.get()
        let planted = try String(contentsOfFile: dir + "/PLANTED.md", encoding: .utf8)
        #expect(planted.contains("hecha generate --preset demo --out rulesets/regions/demo"))
        for f in report.findings {
            #expect(planted.contains("| \(f.household) |"), "PLANTED.md does not list \(f.household)")
        }
        let nearMisses = planted.components(separatedBy: "near miss 不命中").count - 1
        #expect(nearMisses >= 15, "near misses listed: \(nearMisses)")
        #expect(Set(report.findings.map(\.household)).count > 30)
    }

    @Test func eachPlantedBadRowIsRejectedWithItsReasonAndNothingElseIsLost() throws {
        let (report, outcome, _, _) = try Self.generated.get()
        let rejects = outcome.sources.flatMap(\.rejects)
        for bad in DemoBadRows.listed {
            let name = (bad.file as NSString).lastPathComponent
            #expect(rejects.contains { $0.file.hasSuffix(name) && $0.reason.contains(bad.reasonMentions) },
                    "no reject in \(name) mentions \(bad.reasonMentions) (\(bad.what))")
        }
        #expect(rejects.count == report.badRows)
        for s in outcome.sources {
            for f in s.files { #expect(f.addsUp, "\(f.file) does not add up") }
        }
    }

    @Test func theMessyFormsAreInTheFiles() throws {
        let (_, outcome, _, dir) = try Self.generated.get()
        func bytes(_ file: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/data/" + file))) }
        func text(_ file: String) throws -> String { String(decoding: try bytes(file), as: UTF8.self) }
        let members = try text("civil-affairs/家庭成员.csv")
        #expect(members.contains("０") || members.contains("１"), "an id in full-width digits")
        #expect(members.range(of: #",\d{15},"#, options: .regularExpression) != nil, "an id in the 15-digit legacy form")
        #expect(members.range(of: #",\d{17}x,"#, options: .regularExpression) != nil, "an id with a lowercase x")
        #expect(members.range(of: #", \d{17}[\dX]  ,"#, options: .regularExpression) != nil, "an id with surrounding spaces")
        #expect(members.range(of: "\"[^\"\n]*\n[^\"]*\"", options: .regularExpression) != nil, "a quoted field with a line break")
        let households = try bytes("civil-affairs/低保家庭.csv")
        #expect(households.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a BOM")
        let payments = try text("civil-affairs/发放记录.csv")
        for form in ["元", "年", "/", "\""] { #expect(payments.contains(form), "发放记录 has no \(form) form") }
        #expect(payments.range(of: #",2024\d{2},"#, options: .regularExpression) != nil, "a month in the 202403 form")
        #expect(try bytes("market-regulation/市场主体.csv").contains(0x0D), "CRLF line ends")
        let deaths = try bytes("public-security/死亡人员.csv")
        #expect(String(validating: deaths, as: UTF8.self) == nil, "the death register is GB18030, not UTF-8")
        // read as GB18030 (rulesets/regions/demo.yaml says so): its rows about roster persons are accepted
        let register = try #require(outcome.sources.flatMap(\.files).first { $0.file.hasSuffix("死亡人员.csv") })
        #expect(register.accepted > 0)
    }

    @Test func thePresetIsDeterministicAndSmall() throws {
        let (report, _, _, dir) = try Self.generated.get()
        let again = Repository.temporaryDirectory() + "/demo"
        _ = try RegionGenerator.generate(GeneratorPreset.demo.options(output: again))
        #expect(Self.files(under: dir) == Self.files(under: again))
        for f in Self.files(under: dir) {
            #expect(FileManager.default.contentsEqual(atPath: dir + "/" + f, andPath: again + "/" + f), "\(f) differs between runs")
        }
        let bytes = report.files.reduce(0) { $0 + $1.bytes }
        #expect(bytes < 1_500_000, "the demo data is \(bytes) bytes")
        #expect(Set(report.findings.map { String($0.household.prefix(9)) }).count == 7, "findings in all seven townships")
    }
}
