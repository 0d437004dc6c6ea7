import Foundation
import Testing

/// `hecha run --threads N`: any number of threads gives the same outputs; fewer than one is an
/// option error in the message's language.
struct ThreadsOptionTests {
    @Test func oneThreadWritesWhatEveryCoreWrites() throws {
        let cli = CommandLineLanguageTests()
        let folder = NSTemporaryDirectory() + "hecha-threads-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var findings: [String] = []
        for threads in [nil, "1", "3"] {
            let out = folder + "/" + (threads ?? "all")
            let run = try cli.hecha(["run", "--no-ledger", "--quiet", "--out", out] + (threads.map { ["--threads", $0] } ?? []))
            #expect(run.status == 0, "\(run.err)")
            findings.append(try String(contentsOfFile: out + "/findings.csv", encoding: .utf8))
        }
        #expect(!findings[0].isEmpty)
        #expect(findings.allSatisfy { $0 == findings[0] })
    }

    @Test func fewerThanOneThreadIsRefused() throws {
        let cli = CommandLineLanguageTests()
        let zh = try cli.hecha(["run", "--threads", "0", "--no-ledger"])
        #expect(zh.status != 0 && zh.err.contains("--threads 至少为 1"), "\(zh.err)")
        let en = try cli.hecha(["run", "--threads", "0", "--no-ledger", "--lang", "en"])
        #expect(en.err.contains("--threads must be 1 or more"), "\(en.err)")
    }
}
