import Foundation
import HechaHost
import HechaReports
import Testing
import TestSupport

/// With a ledger, every finding in findings.csv, the township files and the report's list shows
/// its status and since when it is known; without one, the files keep their columns.
struct LedgerStatusColumnsTests {
    func header(_ file: String) throws -> String {
        String(try String(contentsOfFile: file, encoding: .utf8).split(whereSeparator: { $0.isNewline }).first ?? "")
    }

    @Test(arguments: LedgerBackend.available) func findingsShowTheirStatusAndFirstSeenDate(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let outcome = try LedgerFixture.run(dir, ledger: try LedgerFixture.ledger(backend, dir))
        let csv = try String(contentsOfFile: dir + "/out/findings.csv", encoding: .utf8)
        let lines = csv.split(whereSeparator: { $0.isNewline })
        #expect(lines[0].hasSuffix(",核查状态,首次发现"))
        #expect(lines.count == outcome.evaluation.findings.count + 1)
        for line in lines.dropFirst() { #expect(line.hasSuffix(",待核查,2024-12-31"), "\(line)") }
        let township = try FileManager.default.contentsOfDirectory(atPath: dir + "/out/by-township").sorted()[0]
        #expect(try header(dir + "/out/by-township/" + township).hasSuffix(",核查状态,首次发现"))
        let report = try String(contentsOfFile: dir + "/out/report.html", encoding: .utf8)
        #expect(report.contains("状态：待核查（自 2024-12-31）"))
    }

    @Test func withoutALedgerTheColumnsAreAsBefore() throws {
        let dir = LedgerFixture.demoCopy()
        _ = try RegionRun(registry: .known).run(RunRequest(regionFile: dir + "/region.yaml", outputDirectory: dir + "/out",
                                                            rulesetsDirectory: LedgerFixture.path("rulesets")))
        #expect(try header(dir + "/out/findings.csv").hasSuffix(",依据"))
    }
}
