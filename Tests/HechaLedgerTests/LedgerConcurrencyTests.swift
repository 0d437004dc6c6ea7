import Foundation
import Synchronization
import GRDB
@testable import HechaLedger
import Testing

/// Two writers on one ledger file, each with its own connection (as two processes have): they
/// take turns, nothing is lost, the file stays sound; one that cannot get its turn in time is
/// refused with a message that says why.
struct LedgerConcurrencyTests {
    @Test func twoWritersTakeTurnsAndLoseNothing() throws {
        let file = LedgerFixture.temporaryDirectory() + "/l.sqlite"
        _ = try LedgerStore(path: file)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let store = try LedgerStore(path: file)
                for i in 0..<40 {
                    try store.write { db in
                        try db.execute(sql: "INSERT INTO runs (at, as_of, region, findings) VALUES (?, '2024-12-31', 'r', ?)",
                                       arguments: ["w\(writer)", i])
                        // read-modify-write inside the transaction: a lost update would show in the sum
                        let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs")!
                        try db.execute(sql: "UPDATE runs SET findings = ? WHERE id = ?", arguments: [n, db.lastInsertedRowID])
                    }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let store = try LedgerStore(path: file)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") } == 80)
        // every transaction saw all earlier ones: the counts are exactly 1…80
        #expect(try store.read { db in try Int.fetchAll(db, sql: "SELECT findings FROM runs ORDER BY findings") } == Array(1...80))
        #expect(try store.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func severalConnectionsCreatingOneLedgerAtOnceAllGetIt() throws {
        for _ in 0..<20 {
            let file = LedgerFixture.temporaryDirectory() + "/new.sqlite"
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { _ = try LedgerStore(path: file) } catch { failures.withLock { $0.append("\(error)") } }
            }
            #expect(failures.withLock { $0 } == [])
            let store = try LedgerStore(path: file)
            #expect(try store.read { db in try LedgerSchema.migrator.hasCompletedMigrations(db) })
        }
    }

    @Test func aWriterThatWaitsTooLongIsRefusedClearly() throws {
        let file = LedgerFixture.temporaryDirectory() + "/l.sqlite"
        let holder = try LedgerStore(path: file)
        let waiter = try LedgerStore(path: file, busySeconds: 0.2)
        let started = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? holder.write { db in
                try db.execute(sql: "INSERT INTO runs (at, as_of, region, findings) VALUES ('a', 'd', 'r', 0)")
                started.signal()
                Thread.sleep(forTimeInterval: 1.5)
            }
            done.signal()
        }
        started.wait()
        #expect {
            try waiter.write { db in try db.execute(sql: "INSERT INTO runs (at, as_of, region, findings) VALUES ('b', 'd', 'r', 0)") }
        } throws: { e in "\(e)".contains("l.sqlite: error: the ledger is busy: another Hecha process has been writing to it for more than 0.2 s") }
        done.wait()
        #expect(try holder.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") } == 1)
    }
}
