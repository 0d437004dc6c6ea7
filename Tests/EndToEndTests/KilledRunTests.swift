import Foundation
import Testing

/// A real `hecha run` process killed at different moments leaves the previous output folder
/// exactly as it was, and the next run recovers.
struct KilledRunTests {
    /// The `hecha` executable that `swift build` / `swift test` built next to the tests.
    static var executable: String? {
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [products.appendingPathComponent("hecha").path,
                          Repository.path(".build/debug/hecha")] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }

    func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for item in FileManager.default.enumerator(atPath: folder)?.compactMap({ $0 as? String }) ?? [] {
            var isDir: ObjCBool = false
            let path = folder + "/" + item
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue, item != "manifest.json" {
                out[item] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return out
    }

    func start(_ hecha: String, out: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: hecha)
        p.arguments = ["run", "--region", Repository.path("rulesets/regions/demo.yaml"), "--out", out, "--quiet", "--no-ledger"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test func killedMidwayLeavesThePreviousOutputsIntact() throws {
        let hecha = try #require(Self.executable, "the hecha executable was not built")
        let out = Repository.temporaryDirectory() + "/out"
        let first = try start(hecha, out: out)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let before = try files(out)
        #expect(before.keys.contains("findings.jsonl") && before.keys.contains("report.html"))
        for delay in [0.02, 0.1, 0.25, 0.5, 0.8] {
            let p = try start(hecha, out: out)
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            // whether it was killed before, during or after writing, the folder is one whole run
            #expect(try files(out) == before, "after a kill at \(delay) s")
        }
        let last = try start(hecha, out: out)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(try files(out) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
        #expect(leftovers == ["out"], "leftovers of killed runs: \(leftovers)")
    }
}
