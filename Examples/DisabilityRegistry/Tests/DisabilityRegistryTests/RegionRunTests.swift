import ConnectorKit
import DisabilityRegistryConnector
import Foundation
import HechaCLI
import Testing

/// The example region (`region/`) run with this package's connector, as its `hecha-disability` runs it.
struct RegionRunTests {
    /// Hecha's rulesets (`national.yaml`), from the checkout of the dependency.
    static func rulesets() throws -> String {
        let path = packageRoot + "/.build/checkouts/hecha/rulesets"
        try #require(FileManager.default.fileExists(atPath: path + "/national.yaml"), "no Hecha checkout at \(path)")
        return path
    }

    /// `hecha run` on the region into a new folder, with `connectors`; the exit code and the findings' lines.
    static func run(connectors: [any Connector.Type]) async throws -> (status: Int32, findings: [[String: Any]]) {
        let out = NSTemporaryDirectory() + "disability-region-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let status = await HechaCLI.run(["run", "--region", packageRoot + "/region/region.yaml", "--rulesets", try rulesets(),
                                         "--out", out, "--no-ledger", "--quiet"], connectors: connectors)
        let text = (try? String(contentsOfFile: out + "/findings.jsonl", encoding: .utf8)) ?? ""
        let findings = text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        return (status, findings)
    }

    @Test func theSeverelyDisabledCoveredMemberIsALead() async throws {
        let (status, findings) = try await Self.run(connectors: HechaCLI.builtInConnectors + [DisabilityRegistryConnector.self])
        #expect(status == 0)
        let leads = findings.filter { $0["rule"] as? String == "severe-disability-care" }
        // 张小 (grade 1) is; 李四 (grade 3) and 钱七 (not on the roster) are not
        #expect(leads.map { "\($0["household"] ?? "")/\($0["person"] ?? "")" } == ["H001/44190020100301345X"])
    }

    @Test func withoutTheConnectorTheRegionIsAConfigurationError() async throws {
        let (status, findings) = try await Self.run(connectors: HechaCLI.builtInConnectors)
        #expect(status == 2)
        #expect(findings.isEmpty)
    }
}
