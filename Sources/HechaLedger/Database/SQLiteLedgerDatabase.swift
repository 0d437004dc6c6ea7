import Foundation
import GRDB

/// A ledger in one SQLite file, in WAL mode, shared safely by several processes (a run and a
/// township's import at once): a writer waits up to `waitSeconds` for another to finish, then is
/// refused with a message that says so. The single writer also keeps runs of one region apart.
final class SQLiteLedgerDatabase: LedgerDatabase {
    let location: String
    let waitSeconds: Double
    /// The file's one connection (GRDB serialises its use).
    let queue: DatabaseQueue

    /// Opens (or creates) the ledger file at `path` and migrates it.
    init(path: String, busySeconds: Double) throws(LedgerError) {
        location = path
        waitSeconds = busySeconds
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
                try SQLiteLedgerDatabase.prepare(opened, path: path)
                queue = opened
                return
            } catch let e as LedgerError {
                throw e
            } catch {
                if Date() >= deadline {
                    throw SQLiteLedgerDatabase.explain(error, path: path, doing: attempt == 1 ? "open" : "prepare", waited: busySeconds)
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
            throw LedgerSchema.newerHecha(location: path, unknown: applied.subtracting(known))
        }
        try migrator.migrate(queue)
    }

    func write<T>(_ work: (any LedgerSQL) throws -> T) throws -> T {
        try queue.write { db in try work(SQLiteLedgerSQL(db: db)) }
    }

    func read<T>(_ work: (any LedgerSQL) throws -> T) throws -> T {
        try queue.read { db in try work(SQLiteLedgerSQL(db: db)) }
    }

    /// A write like any other: a write transaction on the file already excludes every other writer.
    func writeRun<T>(region: String, _ work: (any LedgerSQL) throws -> T) throws -> T {
        try write(work)
    }

    func explain(_ error: any Error, doing: String) -> LedgerError {
        SQLiteLedgerDatabase.explain(error, path: location, doing: doing, waited: waitSeconds)
    }

    func isBusy(_ error: any Error) -> Bool {
        guard let e = error as? DatabaseError else { return false }
        return e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED
    }

    /// A SQLite error, worded for people.
    static func explain(_ error: any Error, path: String, doing: String, waited: Double) -> LedgerError {
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

/// The shared SQL on one GRDB connection, inside its transaction.
struct SQLiteLedgerSQL: LedgerSQL {
    let db: Database

    func execute(_ sql: String, _ arguments: [any LedgerArgument]) throws {
        try db.execute(sql: sql, arguments: SQLiteLedgerSQL.arguments(arguments))
    }

    func rows(_ sql: String, _ arguments: [any LedgerArgument]) throws -> [LedgerRow] {
        try Row.fetchAll(db, sql: sql, arguments: SQLiteLedgerSQL.arguments(arguments)).map { row in
            LedgerRow(columns: Array(row.columnNames), values: row.databaseValues.map { v in
                switch v.storage {
                case .null: .null
                case .int64(let i): .integer(i)
                case .double(let d): .text(String(d))
                case .string(let s): .text(s)
                case .blob(let b): .text(String(decoding: b, as: UTF8.self))
                }
            })
        }
    }

    static func arguments(_ values: [any LedgerArgument]) -> StatementArguments {
        StatementArguments(values.map { a -> (any DatabaseValueConvertible)? in
            switch a.ledgerValue {
            case .null: nil
            case .integer(let i): i
            case .text(let s): s
            }
        })
    }
}
