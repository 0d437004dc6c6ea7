import Foundation
import HechaHost
import Testing
import TestSupport

/// `hecha run` of several region files or a folder of them: each region its own output folder
/// under `--out` and its own ledger, a failed region not stopping the others, a summary at the
/// end, `--share K/N` for spreading a province over machines.
@Suite(.serialized) struct SeveralRegionsRunTests {
    /// A province folder: `regions/` holds the demo's data once and one region file per name,
    /// each the demo region with the given code.
    func province(_ codes: [(name: String, code: String)]) throws -> String {
        let dir = Repository.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/regions", withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: Repository.path("rulesets/regions/demo"), toPath: dir + "/regions/demo")
        let text = try String(contentsOfFile: Repository.path("rulesets/regions/demo.yaml"), encoding: .utf8)
        for (name, code) in codes {
            try text.replacingOccurrences(of: "code: \"420525\"", with: "code: \"\(code)\"")
                .write(toFile: dir + "/regions/\(name).yaml", atomically: true, encoding: .utf8)
        }
        return dir + "/regions"
    }

    func hecha(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try CommandLineLanguageTests().hecha(arguments + ["--rulesets", Repository.path("rulesets")])
    }

    @Test func twoRegionsInOneRunGiveTheOutputsOfTwoSingleRuns() throws {
        let regions = try province([("a", "420525"), ("b", "420526")])
        let single = Repository.temporaryDirectory()
        for name in ["a", "b"] {
            let r = try hecha(["run", "--region", regions + "/\(name).yaml", "--out", single + "/" + name, "--quiet", "--lang", "en"])
            #expect(r.status == 0, "\(r.err)")
        }
        // the same ledgers' starting point: none
        for name in ["a", "b"] { try FileManager.default.removeItem(atPath: regions + "/\(name).ledger.sqlite") }
        let several = Repository.temporaryDirectory() + "/out"
        let r = try hecha(["run", "--region", regions + "/a.yaml", "--region", regions + "/b.yaml", "--out", several, "--lang", "en"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("== Region 1 of 2: \(regions)/a.yaml → \(several)/a\n"), "\(r.out)")
        #expect(r.out.contains("  b: ok — "), "\(r.out)")
        #expect(r.out.hasSuffix("All 2 regions ok\n"), "\(r.out)")
        let outputs = RunOutputTests()
        for name in ["a", "b"] {
            let one = outputs.files(single + "/" + name), both = outputs.files(several + "/" + name)
            #expect(one.keys.sorted() == both.keys.sorted())
            #expect(one.keys.contains("report.html"))
            for (file, bytes) in one where file != "manifest.json" { #expect(both[file] == bytes, "\(name)/\(file) differs") }
            #expect(outputs.withoutTimes(one["manifest.json"]!) == outputs.withoutTimes(both["manifest.json"]!))
            // each region its own ledger, beside its region file
            #expect(FileManager.default.fileExists(atPath: regions + "/\(name).ledger.sqlite"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: several).sorted() == ["a", "b"])
    }

    @Test func aFailingRegionLeavesItsOutputsAndTheOthersRun() throws {
        let regions = try province([("a", "420525"), ("b", "420526")])
        let out = Repository.temporaryDirectory() + "/out"
        #expect(try hecha(["run", "--region", regions, "--out", out, "--quiet"]).status == 0)
        let outputs = RunOutputTests()
        let before = outputs.files(out + "/b"), aBefore = outputs.files(out + "/a")
        let ledgerBefore = FileManager.default.contents(atPath: regions + "/b.ledger.sqlite")
        // b now has a rule that fails on every household; c is not a region file at all
        let b = try String(contentsOfFile: regions + "/b.yaml", encoding: .utf8)
        try (b + FailingRuleFixture.regionYAML).write(toFile: regions + "/b.yaml", atomically: true, encoding: .utf8)
        try "title: notes for the case workers\n".write(toFile: regions + "/c.yaml", atomically: true, encoding: .utf8)
        let r = try hecha(["run", "--region", regions, "--out", out, "--lang", "en"])
        #expect(r.status == 2, "configuration ranks above data: \(r.out)")
        #expect(r.out.contains("  a: ok — "), "\(r.out)")
        #expect(r.out.contains("  b: failed (exit 3) — \(out)/b left as it was\n    "), "\(r.out)")
        #expect(r.out.contains("  c: failed (exit 2) — \(out)/c left as it was\n    \(regions)/c.yaml"), "\(r.out)")
        #expect(r.out.hasSuffix("2 of 3 regions failed: exit code 2, the worst of theirs (configuration 2, then data 3, then output 4)\n"), "\(r.out)")
        #expect(r.err.contains("broken-ratio"), "\(r.err)")
        // b's previous outputs and ledger are exactly as they were; a was written again
        let after = outputs.files(out + "/b")
        #expect(after.keys.sorted() == before.keys.sorted())
        for (name, bytes) in before { #expect(after[name] == bytes, "b/\(name) changed") }
        #expect(FileManager.default.contents(atPath: regions + "/b.ledger.sqlite") == ledgerBefore)
        #expect(FileManager.default.fileExists(atPath: out + "/b.incomplete/manifest.json"))
        #expect(outputs.files(out + "/a")["manifest.json"] != nil && !aBefore.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out + "/c"))
    }

    @Test func sharesRunDisjointPartsThatCoverTheFolder() throws {
        let regions = try province([("a", "420525"), ("b", "420526"), ("c", "420527")])
        var ran: [[String]] = []
        for k in 1...2 {
            let out = Repository.temporaryDirectory() + "/out"
            let r = try hecha(["run", "--region", regions, "--share", "\(k)/2", "--out", out, "--no-ledger", "--lang", "en"])
            #expect(r.status == 0, "\(r.err)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out).sorted()) ?? []
            #expect(names == ["a", "b", "c"].filter { RegionShare(index: k, count: 2).contains($0) })
            #expect(r.out.contains("Regions of share \(k)/2: \(names.count) of 3\n"), "\(r.out)")
            ran.append(names)
        }
        #expect(ran.flatMap { $0 }.sorted() == ["a", "b", "c"])
    }

    @Test func duplicatesAreRefusedBeforeAnythingRuns() throws {
        let regions = try province([("a", "420525"), ("b", "420525")])
        let out = Repository.temporaryDirectory() + "/out"
        let sameCode = try hecha(["run", "--region", regions, "--out", out, "--lang", "en"])
        #expect(sameCode.status == 2)
        #expect(sameCode.err.contains("\(regions)/b.yaml: error: region code 420525 is also the code of \(regions)/a.yaml"), "\(sameCode.err)")
        let twice = try hecha(["run", "--region", regions, "--region", regions + "/a.yaml", "--out", out])
        #expect(twice.status == 2)
        #expect(twice.err.contains("同一个区域文件给出了两次"), "\(twice.err)")
        let fileLedger = try hecha(["run", "--region", regions + "/a.yaml", "--region", regions + "/b.yaml", "--out", out,
                                    "--ledger", regions + "/one.sqlite", "--lang", "en"])
        #expect(fileLedger.status == 2)
        #expect(fileLedger.err.contains("but this run has several regions\n  hint: leave --ledger out"), "\(fileLedger.err)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: regions + "/a.ledger.sqlite"))
    }

    @Test func jsonLinesAreMarkedWithTheirRegion() throws {
        let regions = Repository.temporaryDirectory()
        try "title: notes\n".write(toFile: regions + "/c.yaml", atomically: true, encoding: .utf8)
        try "title: more notes\n".write(toFile: regions + "/d.yaml", atomically: true, encoding: .utf8)
        let out = Repository.temporaryDirectory() + "/out"
        let r = try hecha(["run", "--region", regions, "--out", out, "--format", "json", "--lang", "en"])
        #expect(r.status == 2)
        let errors = r.err.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(!errors.isEmpty && errors.allSatisfy { $0 != nil }, "\(r.err)")
        #expect(Set(errors.compactMap { $0?["region"] as? String }) == ["c", "d"], "\(r.err)")
        let lines = r.out.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 2, "\(r.out)")
        #expect(lines.map { $0?["region"] as? String } == ["c", "d"])
        #expect(lines.allSatisfy { $0?["status"] as? String == "failed" && $0?["exit_code"] as? Int == 2 })
    }

    @Test func oneRegionFileAloneWritesIntoOutItselfAndOtherCommandsTakeOne() throws {
        let regions = try province([("a", "420525"), ("b", "420526")])
        let out = Repository.temporaryDirectory() + "/out"
        let r = try hecha(["run", "--region", regions + "/a.yaml", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.err)")
        #expect(FileManager.default.fileExists(atPath: out + "/report.html"))
        #expect(!FileManager.default.fileExists(atPath: out + "/a"))
        let two = try hecha(["validate", "--region", regions + "/a.yaml", "--region", regions + "/b.yaml"])
        #expect(two.status != 0)
        #expect(two.err.contains("--region 给出了 2 次；此命令只接受一个区域文件"), "\(two.err)")
        let folder = try hecha(["rules", "--region", regions, "--lang", "en"])
        #expect(folder.status != 0)
        #expect(folder.err.contains("--region \(regions) is a folder; this command takes one region file"), "\(folder.err)")
    }
}
