import Foundation
import Synchronization
@testable import HechaLedger
import Testing
import TestSupport

/// Two writers on one ledger, each with its own connection (as two processes have): they take
/// turns, nothing is lost, the ledger stays sound; one that cannot get its turn in time is refused
/// with a message that says why.
struct LedgerConcurrencyTests {
    @Test(arguments: LedgerBackend.available) func twoWritersTakeTurnsAndLoseNothing(backend: LedgerBackend) throws {
        let location = try backend.freshLedger(named: "l.sqlite")
        _ = try LedgerStore(path: location)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let store = try LedgerStore(path: location)
                for i in 0..<40 {
                    try store.write { db in
                        let id: Int64? = try db.value("INSERT INTO runs (at, as_of, region, findings) VALUES (?, '2024-12-31', 'r', ?) RETURNING id",
                                                      ["w\(writer)", i])
                        // read-modify-write inside the transaction: a lost update would show in the sum
                        let n: Int = try db.value("SELECT COUNT(*) FROM runs") ?? 0
                        try db.execute("UPDATE runs SET findings = ? WHERE id = ?", [n, id])
                    }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let store = try LedgerStore(path: location)
        #expect(try store.read { db in try db.value("SELECT COUNT(*) FROM runs") as Int? } == 80)
        // every transaction saw all earlier ones: the counts are exactly 1…80
        #expect(try store.read { db in try db.values("SELECT findings FROM runs ORDER BY findings") as [Int] } == Array(1...80))
        if backend == .sqlite {
            #expect(try store.read { db in try db.value("PRAGMA integrity_check") as String? } == "ok")
        }
    }

    @Test(arguments: LedgerBackend.available) func severalConnectionsCreatingOneLedgerAtOnceAllGetIt(backend: LedgerBackend) throws {
        for _ in 0..<(backend == .sqlite ? 20 : 5) {
            let location = try backend.freshLedger(named: "new.sqlite")
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { _ = try LedgerStore(path: location) } catch { failures.withLock { $0.append("\(error)") } }
            }
            #expect(failures.withLock { $0 } == [])
            let store = try LedgerStore(path: location)
            #expect(try store.read { db in try db.values("SELECT identifier FROM grdb_migrations ORDER BY identifier") as [String] }
                    == LedgerSchema.identifiers.sorted())
        }
    }

    @Test(arguments: LedgerBackend.available) func aWriterThatWaitsTooLongIsRefusedClearly(backend: LedgerBackend) throws {
        let location = try backend.freshLedger(named: "l.sqlite")
        let holder = try LedgerStore(path: location)
        let waiter = try LedgerStore(path: location, busySeconds: 0.2)
        let started = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? holder.write { db in
                try db.execute("INSERT INTO runs (at, as_of, region, findings) VALUES ('a', 'd', 'r', 0)")
                started.signal()
                Thread.sleep(forTimeInterval: 1.5)
            }
            done.signal()
        }
        started.wait()
        #expect {
            try waiter.write { db in try db.execute("INSERT INTO runs (at, as_of, region, findings) VALUES ('b', 'd', 'r', 0)") }
        } throws: { e in "\(e)".contains("\(location): error: the ledger is busy: another Hecha process has been writing to it for more than 0.2 s") }
        done.wait()
        #expect(try holder.read { db in try db.value("SELECT COUNT(*) FROM runs") as Int? } == 1)
    }
}
