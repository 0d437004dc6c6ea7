import Foundation
import GRDB

/// An open lead ledger: one SQLite file, in WAL mode, shared safely by several processes (a run
/// and a township's import at once): a writer waits up to ``busySeconds`` for another to finish,
/// then is refused with a message that says so. Opening brings an older ledger's schema up to
/// date and refuses one written by a newer Hecha.
public final class LedgerStore: Sendable {
    /// The ledger file as given.
    public let path: String
    let queue: DatabaseQueue
    /// How long this connection's writes wait for another's.
    let waitSeconds: Double

    /// How long a write waits for another process's write to finish.
    public static let busySeconds: Double = 15

    /// The default ledger of a region file: `<folder>/<name>.ledger.sqlite` beside it.
    public static func defaultPath(forRegionFile region: String) -> String {
        let url = URL(fileURLWithPath: region)
        let name = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(name + ".ledger.sqlite").path
    }

    /// Opens (or creates) the ledger at `path` and migrates it.
    public init(path: String, busySeconds: Double = LedgerStore.busySeconds) throws(LedgerError) {
        self.path = path
        self.waitSeconds = busySeconds
        var config = Configuration()
        config.busyMode = .timeout(busySeconds)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // WAL lets readers go on while one process writes; a crash leaves the last commit intact
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            if mode?.lowercased() != "wal" { throw LedgerError("\(path): error: the ledger cannot use WAL journaling (got '\(mode ?? "?")'); put it on a local disk") }
        }
        // several processes creating one new ledger at once race on its first pages (the journal
        // mode, the schema): the loser tries again against what the winner left, for a while
        let deadline = Date().addingTimeInterval(min(busySeconds, 5))
        var attempt = 0
        while true {
            attempt += 1
            do {
                let opened = try DatabaseQueue(path: path, configuration: config)
                try LedgerStore.prepare(opened, path: path)
                queue = opened
                return
            } catch let e as LedgerError {
                throw e
            } catch {
                if Date() >= deadline {
                    throw LedgerStore.explain(error, path: path, doing: attempt == 1 ? "open" : "prepare", waited: busySeconds)
                }
                Thread.sleep(forTimeInterval: 0.01 * Double(min(attempt, 10)))
            }
        }
    }

    /// Refuses a ledger of a newer Hecha, then applies the pending migrations. Each migration is a
    /// transaction of its own, but the list of pending ones is read before, outside of them: two
    /// processes creating one ledger at once may both try the same migration (or read the schema
    /// while the other is creating it), and the later one fails; ``init(path:busySeconds:)`` then
    /// tries again, against the schema the other process left, always a whole number of migrations.
    static func prepare(_ queue: DatabaseQueue, path: String) throws {
        let migrator = LedgerSchema.migrator
        if try queue.read({ db in try migrator.hasBeenSuperseded(db) }) {
            let known = Set(migrator.migrations)
            let applied = try queue.read { db in try migrator.appliedIdentifiers(db) }
            throw LedgerError("\(path): error: this ledger was written by a newer Hecha (schema \(applied.subtracting(known).sorted().joined(separator: ", ")) is not known to this one); hint: upgrade Hecha, or pass --ledger with another file")
        }
        try migrator.migrate(queue)
    }

    /// Runs `work` in one write transaction, committed when it returns.
    func write<T>(_ work: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try queue.write(work)
        } catch let e as LedgerError {
            throw e
        } catch {
            throw LedgerStore.explain(error, path: path, doing: "write to", waited: waitSeconds)
        }
    }

    /// Runs `work` with a consistent view of the ledger.
    func read<T>(_ work: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try queue.read(work)
        } catch let e as LedgerError {
            throw e
        } catch {
            throw LedgerStore.explain(error, path: path, doing: "read", waited: waitSeconds)
        }
    }

    /// A SQLite error, worded for people.
    static func explain(_ error: any Error, path: String, doing: String, waited: Double = busySeconds) -> LedgerError {
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return LedgerError("\(path): error: the ledger is busy: another Hecha process has been writing to it for more than \(waited) s; hint: wait for that run or import to finish and try again")
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return LedgerError("\(path): error: this file is not a Hecha ledger (not an SQLite database); hint: pass --ledger with the ledger file, or a new file name to start one")
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
                return LedgerError("\(path): error: cannot \(doing) the ledger (\(e.message ?? "\(e.resultCode)")); hint: check that the folder exists and is writable")
            default:
                return LedgerError("\(path): error: cannot \(doing) the ledger: \(e.message ?? "\(e.resultCode)")")
            }
        }
        return LedgerError("\(path): error: cannot \(doing) the ledger: \(error)")
    }
}
