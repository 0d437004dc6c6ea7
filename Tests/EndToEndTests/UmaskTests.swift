import Foundation
import Testing

/// Output files honour a stricter umask: a user who keeps files private (umask 077) must not
/// find report.html readable by others.
struct UmaskTests {
    func modes(umask: String) throws -> [String: Int] {
        let hecha = try #require(KilledRunTests.executable, "the hecha executable was not built")
        let out = Repository.temporaryDirectory() + "/out"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "umask \(umask) && exec \"$0\" run --region \"$1\" --out \"$2\" --quiet --no-ledger",
                       hecha, Repository.path("rulesets/regions/demo.yaml"), out]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        var modes: [String: Int] = [:]
        for name in ["report.html", "findings.csv", "findings.jsonl", "manifest.json"] {
            modes[name] = try FileManager.default.attributesOfItem(atPath: out + "/" + name)[.posixPermissions] as? Int
        }
        return modes
    }

    @Test func aStricterUmaskIsHonouredAndAnOrdinaryOneChangesNothing() throws {
        let strict = try modes(umask: "077")
        #expect(strict.values.allSatisfy { $0 == 0o600 }, "\(strict)")
        let ordinary = try modes(umask: "022")
        #expect(ordinary["report.html"] == 0o644 && ordinary["findings.csv"] == 0o644 && ordinary["findings.jsonl"] == 0o600)
    }
}
