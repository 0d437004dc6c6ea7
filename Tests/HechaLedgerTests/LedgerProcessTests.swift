import Foundation
import GRDB
@testable import HechaLedger
import Testing

/// Two `hecha` processes on one ledger at once, as a scheduled run and a township import would be.
struct LedgerProcessTests {
    static let binary = LedgerFixture.path(".build/debug/hecha")

    func start(_ arguments: [String]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: LedgerProcessTests.binary)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: LedgerProcessTests.binary), "needs the built hecha binary"))
    func twoRunsAtOnceTakeTurnsAndNeverCorruptTheLedger() throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = dir + "/shared.ledger.sqlite"
        let runs = try ["a", "b"].map { out in
            try start(["run", "--region", dir + "/region.yaml", "--rulesets", LedgerFixture.path("rulesets"), "--out", dir + "/out-" + out,
                       "--ledger", ledger, "--quiet"])
        }
        for p in runs { p.waitUntilExit() }
        #expect(runs.map(\.terminationStatus) == [0, 0])
        let store = try LedgerStore(path: ledger)
        #expect(try store.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") } == 2)
        // one run found every lead, the other found them again: one `found` event per lead
        let leads = try store.leads()
        #expect(leads.count == 65)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE kind = 'found'") } == leads.count)
        #expect(leads.allSatisfy { $0.firstRun != $0.lastRun })
    }
}
