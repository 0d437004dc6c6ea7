import Crypto
import Foundation
import HechaPostgres
import HechaRules
import Logging
import PostgresNIO

/// A ledger in a PostgreSQL database (`--ledger postgresql://USER@HOST[:PORT]/DB`), shared by the
/// runs of several machines and the workbench. One connection per open ledger, used by one
/// transaction at a time (like the SQLite file's queue); every statement runs on
/// ``WarehouseExecutor`` while the calling thread waits, never on Swift's cooperative pool.
///
/// Write transactions take turns like SQLite's (an exclusive transaction-scoped advisory lock), so
/// every operation gives the same results. A run's transaction instead takes that lock shared,
/// and an exclusive one on a key derived from its region code, without waiting: runs of one region
/// never overlap, runs of different regions go on at once. A wait for a lock gives up after
/// `waitSeconds` (`lock_timeout`), with the same message as SQLite's busy ledger.
final class PostgresLedgerDatabase: LedgerDatabase, @unchecked Sendable {
    let location: String
    let waitSeconds: Double
    let url: PostgresURL
    let connection: PostgresConnection
    /// One transaction at a time on the connection (guards nothing else).
    private let turn = NSLock()

    /// Connects to the ledger database at `text` (the password from PGPASSWORD or the passfile)
    /// and migrates it.
    init(url text: String, busySeconds: Double) throws(LedgerError) {
        location = text
        waitSeconds = busySeconds
        let url: PostgresURL
        switch PostgresURL.parse(text) {
        case .success(let u): url = u
        case .failure(let f): throw LedgerError("\(PostgresLedgerDatabase.withoutPassword(text)): error: the ledger URL \(f.problem); hint: \(f.hint)")
        }
        self.url = url
        let password = WarehousePassword.find(host: url.host, port: url.port, database: url.database, user: url.user)
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user, password: password,
                                                             database: url.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(30)
        let settings = configuration
        do {
            connection = try BlockingWait.run {
                try await PostgresConnection.connect(configuration: settings, id: 1, logger: PostgresLedgerSQL.logger)
            }
        } catch {
            let what = PostgresErrorText.sqlState(error) == "3D000"
                ? "create the database first (e.g. createdb -h \(url.host) -p \(url.port) -U \(url.user) \(url.database)); Hecha makes its tables in it"
                : password == nil ? "set PGPASSWORD or write the password in a passfile (~/.pgpass or PGPASSFILE); check the server is reachable"
                : "check the user, the password (PGPASSWORD or the passfile) and that the server is reachable"
            throw LedgerError("\(text): error: cannot connect to the ledger's PostgreSQL server: \(PostgresErrorText.describe(error)); hint: \(what)")
        }
        let sql = PostgresLedgerSQL(connection: connection)
        do {
            try sql.execute("SET lock_timeout = '\(Int((busySeconds * 1000).rounded(.up)))ms'")
            try sql.execute("SET client_min_messages = warning")
            try transaction("BEGIN") { sql in
                try PostgresLedgerSchema.prepare(sql, location: text, writeLock: PostgresLedgerDatabase.writeLockKey)
            }
        } catch let e as LedgerError {
            close()
            throw e
        } catch {
            close()
            throw explain(error, doing: "prepare")
        }
    }

    deinit { close() }

    /// `text` with whatever stands between the user and `@` (a password) replaced by `…`, for messages.
    static func withoutPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@"),
              let colon = text[scheme.upperBound..<at].firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "…" + String(text[at...])
    }

    /// Closes the connection without waiting for the server.
    private func close() {
        let connection = connection
        Task(executorPreference: WarehouseExecutor.shared) { try? await connection.close() }
    }

    func write<T>(_ work: (any LedgerSQL) throws -> T) throws -> T {
        try transaction("BEGIN") { sql in
            try sql.execute("SELECT pg_advisory_xact_lock(?)", [PostgresLedgerDatabase.writeLockKey])
            return try work(sql)
        }
    }

    func writeRun<T>(region: String, _ work: (any LedgerSQL) throws -> T) throws -> T {
        try transaction("BEGIN") { sql in
            let taken: Bool? = try sql.value("SELECT pg_try_advisory_xact_lock(?)", [PostgresLedgerDatabase.runLockKey(region: region)])
            if taken != true {
                throw LedgerError("\(location): error: a run of region \(region) is already under way against this ledger (another Hecha process holds the region's lock); hint: wait for it to finish, then run again")
            }
            try sql.execute("SELECT pg_advisory_xact_lock_shared(?)", [PostgresLedgerDatabase.writeLockKey])
            return try work(sql)
        }
    }

    /// The advisory lock key writers take turns on ("HechaWrt").
    static let writeLockKey: Int64 = 0x4865_6368_6157_7274

    func read<T>(_ work: (any LedgerSQL) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work)
    }

    /// Runs `work` between `begin` and COMMIT (ROLLBACK when it throws), alone on the connection.
    func transaction<T>(_ begin: String, _ work: (any LedgerSQL) throws -> T) throws -> T {
        turn.lock()
        defer { turn.unlock() }
        let sql = PostgresLedgerSQL(connection: connection)
        try sql.execute(begin)
        do {
            let result = try work(sql)
            try sql.execute("COMMIT")
            return result
        } catch {
            try? sql.execute("ROLLBACK")
            throw error
        }
    }

    /// The advisory lock key of a region's runs: the first 8 bytes of SHA-256 of a tag and the code.
    static func runLockKey(region: String) -> Int64 {
        let digest = SHA256.hash(data: Array("hecha-ledger-run\n\(region)".utf8))
        return digest.prefix(8).reduce(Int64(0)) { $0 << 8 | Int64($1) }
    }

    func explain(_ error: any Error, doing: String) -> LedgerError {
        if let e = error as? LedgerError { return e }
        if isBusy(error) {
            return LedgerError("\(location): error: the ledger is busy: another Hecha process has been writing to it for more than \(waitSeconds) s; hint: wait for that run or import to finish and try again")
        }
        return LedgerError("\(location): error: cannot \(doing) the ledger: \(PostgresErrorText.describe(error))")
    }

    func isBusy(_ error: any Error) -> Bool {
        // lock_not_available (lock_timeout), serialization_failure, deadlock_detected
        ["55P03", "40001", "40P01"].contains(PostgresErrorText.sqlState(error) ?? "")
    }
}
