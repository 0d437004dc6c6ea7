import Foundation
import HechaCore
import HechaHost
import Testing

/// The demo region's output folder: determinism, counts adding up in the manifest, atomic
/// replacement, permissions, masking.
@Suite(.serialized) struct RunOutputTests {
    func run(into out: String, region: String = Repository.path("rulesets/regions/demo.yaml")) throws -> RunOutcome {
        try RegionRun(registry: .known).run(RunRequest(regionFile: region, outputDirectory: out, rulesetsDirectory: Repository.path("rulesets")))
    }

    /// Relative path → bytes of every file under `folder`.
    func files(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for case let rel as String in FileManager.default.enumerator(atPath: folder)! {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + rel, isDirectory: &isDir)
            if !isDir.boolValue { out[rel] = FileManager.default.contents(atPath: folder + "/" + rel) }
        }
        return out
    }

    func withoutTimes(_ manifest: Data) -> String {
        String(decoding: manifest, as: UTF8.self).split(separator: "\n")
            .filter { !$0.contains("\"started_at\"") && !$0.contains("\"finished_at\"") }.joined(separator: "\n")
    }

    @Test func twoRunsAreByteIdenticalButForTheTimes() throws {
        let a = Repository.temporaryDirectory() + "/out", b = Repository.temporaryDirectory() + "/out"
        _ = try run(into: a)
        _ = try run(into: b)
        let fa = files(a), fb = files(b)
        #expect(fa.keys.sorted() == fb.keys.sorted())
        #expect(fa.keys.contains("report.html") && fa.keys.contains("findings.csv") && fa.keys.contains("manifest.json"))
        #expect(fa.keys.filter { $0.hasPrefix("by-township/") }.count == 7)
        #expect(fa.keys.filter { $0.hasPrefix("rejects/") }.count == 9)
        for (name, bytes) in fa where name != "manifest.json" {
            #expect(bytes == fb[name], "\(name) differs between two runs")
        }
        #expect(withoutTimes(fa["manifest.json"]!) == withoutTimes(fb["manifest.json"]!))
    }

    @Test func manifestCountsAddUpOnTheMessyDemo() throws {
        let out = Repository.temporaryDirectory() + "/out"
        let outcome = try run(into: out)
        let data = try #require(FileManager.default.contents(atPath: out + "/manifest.json"))
        let m = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(m["hecha_version"] as? String == HechaVersion.current)
        let sources = try #require(m["sources"] as? [[String: Any]])
        #expect(sources.count == outcome.sources.count)
        var grand = [String: Int]()
        let keys = ["read", "accepted", "rejected", "duplicates", "unmatched"]
        for s in sources {
            var sum = [String: Int]()
            for f in s["files"] as! [[String: Any]] {
                let c = keys.map { f[$0] as! Int }
                #expect(c[0] == c[1] + c[2] + c[3] + c[4], "\(f["path"]!): read ≠ accepted + rejected + duplicates + unmatched")
                #expect((f["sha256"] as! String).count == 64)
                for (k, v) in zip(keys, c) { sum[k, default: 0] += v }
            }
            let total = s["total"] as! [String: Int]
            #expect(total == sum, "\(s["id"]!): the total is not the sum of its files")
            for (k, v) in sum { grand[k, default: 0] += v }
            // the rejects file holds exactly the rejected rows: header + one line each
            let rejects = try String(contentsOfFile: out + "/" + (s["rejects_file"] as! String), encoding: .utf8)
            #expect(rejects.components(separatedBy: "\r\n").count - 2 == sum["rejected"])
        }
        #expect(m["rows_total"] as? [String: Int] == grand)
        // the demo plants one bad row of each kind (rulesets/regions/demo/PLANTED.md), exact duplicates and outsiders' rows
        #expect(grand["rejected"]! >= 12 && grand["duplicates"]! > 0 && grand["unmatched"]! > 0)
        let planted = try String(contentsOfFile: Repository.path("rulesets/regions/demo/PLANTED.md"), encoding: .utf8)
        let line = try #require(planted.split(separator: "\n").first { $0.hasSuffix(" bad rows in all.") })
        #expect(grand["rejected"] == Int(line.split(separator: " ")[0]))
        // the same as the run's own counts
        let read = outcome.sources.reduce(0) { $0 + $1.total.read }
        #expect(grand["read"] == read)
        let configuration = try #require(m["configuration_files"] as? [[String: String]])
        #expect(configuration.map { $0["role"]! } == ["ruleset", "region", "calendar"])
        #expect(m["findings"] as? Int == outcome.evaluation.findings.count)
        let outputs = try #require(m["outputs"] as? [[String: String]])
        for o in outputs {
            let bytes = try #require(FileManager.default.contents(atPath: out + "/" + o["path"]!))
            #expect(SHA256.hex(bytes) == o["sha256"], "\(o["path"]!)")
        }
    }

    @Test func aFailedRunLeavesThePreviousOutputsIntact() throws {
        let dir = Repository.temporaryDirectory()
        let out = dir + "/out"
        _ = try run(into: out)
        let before = files(out)
        // the same region with a vehicles file lacking a column: the run fails after reading
        try FileManager.default.copyItem(atPath: Repository.path("rulesets/regions/demo"), toPath: dir + "/demo")
        let region = try String(contentsOfFile: Repository.path("rulesets/regions/demo.yaml"), encoding: .utf8)
        try region.write(toFile: dir + "/region.yaml", atomically: true, encoding: .utf8)
        let file = dir + "/demo/data/vehicles/机动车登记.csv"
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "机动车状态", with: "状态")
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: HostError.self) { _ = try run(into: out, region: dir + "/region.yaml") }
        #expect(files(out) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["demo", "out", "region.yaml"])
    }

    @Test func filesWithFullIdsAreOwnerOnlyAndOthersAreMasked() throws {
        let out = Repository.temporaryDirectory() + "/out"
        let outcome = try run(into: out)
        func mode(_ rel: String) throws -> Int { try FileManager.default.attributesOfItem(atPath: out + "/" + rel)[.posixPermissions] as! Int }
        #expect(try mode("findings.jsonl") == 0o600)
        for s in outcome.sources { #expect(try mode("rejects/\(s.id).csv") == 0o600) }
        #expect(try mode("report.html") == 0o644)
        #expect(try mode("findings.csv") == 0o644)
        let persons = Set(outcome.evaluation.findings.compactMap(\.person)).filter { $0.count >= 15 }
        #expect(!persons.isEmpty)
        for (name, bytes) in files(out) where !name.hasPrefix("rejects/") && name != "findings.jsonl" {
            let text = String(decoding: bytes, as: UTF8.self)
            for p in persons { #expect(!text.contains(p), "\(name) holds a full id number") }
        }
        let summary = RunSummary.text(outcome)
        for p in persons { #expect(!summary.contains(p)) }
    }
}
