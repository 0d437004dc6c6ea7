import Foundation
import HechaPostgres
import Logging
import PostgresNIO

/// The backends the ledger tests run on: SQLite always, PostgreSQL when the test server is
/// configured (``TestPostgres``; with `HECHA_REQUIRE_POSTGRES=1` a missing one fails the tests).
public enum LedgerBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    /// A ledger file.
    case sqlite
    /// A database on the test server.
    case postgresql

    /// The backends to run on here.
    public static var available: [LedgerBackend] { TestPostgres.enabled ? [.sqlite, .postgresql] : [.sqlite] }

    /// Only PostgreSQL, when it is to be tested here (for tests of PostgreSQL's own behaviour).
    public static var postgresOnly: [LedgerBackend] { TestPostgres.enabled ? [.postgresql] : [] }

    /// The backend's name, as the test's argument shows.
    public var description: String { rawValue }

    /// A fresh, empty ledger location: a file named `name` in a new folder (or in `folder`), or the
    /// URL of a new database on the test server (left for ``TestLedger`` to drop).
    public func freshLedger(named name: String = "ledger.sqlite", in folder: String? = nil) throws -> String {
        switch self {
        case .sqlite: return (folder ?? TestRepository.temporaryDirectory()) + "/" + name
        case .postgresql: return try TestLedger.createDatabase()
        }
    }
}

/// The test server's databases made for ledger tests: `hecha_t_<seconds since 1970>_<random>`,
/// created on demand. They are left for the throwaway cluster (`.ci/postgres`) to take away; on a
/// server that lives on, a later test process drops those more than two hours old.
public enum TestLedger {
    static let logger = Logger(label: "hecha.tests.ledger")
    static let prefix = "hecha_t_"

    /// Creates a new empty database and returns its ledger URL (no password: PGPASSWORD has it).
    public static func createDatabase() throws -> String {
        guard let p = TestPostgres.parts else {
            throw TestLedgerError("HECHA_REQUIRE_POSTGRES=1 but HECHA_TEST_POSTGRES_URL is not set: \(TestPostgres.skipReason)")
        }
        cleanUpOnce
        let name = prefix + "\(Int(Date().timeIntervalSince1970))_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        try admin("CREATE DATABASE \(name)")
        return "postgresql://\(p.user)@\(p.host):\(p.port)/\(name)"
    }

    /// A new database copied from the ledger at `url` (its template), and its ledger URL. The copy
    /// waits (a few seconds at most) for the last connections to the original to close.
    public static func copyDatabase(_ url: String) throws -> String {
        guard let p = TestPostgres.parts else { throw TestLedgerError("HECHA_TEST_POSTGRES_URL is not set") }
        let name = prefix + "\(Int(Date().timeIntervalSince1970))_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                try admin("CREATE DATABASE \(name) TEMPLATE \(databaseName(url))")
                return "postgresql://\(p.user)@\(p.host):\(p.port)/\(name)"
            } catch where Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Runs `sql` on the test server's own database, and returns the first column of each row as text.
    @discardableResult
    public static func admin(_ sql: String, database: String? = nil) throws -> [String?] {
        guard let p = TestPostgres.parts else { throw TestLedgerError("HECHA_TEST_POSTGRES_URL is not set") }
        let password = WarehousePassword.find(host: p.host, port: p.port, database: p.database, user: p.user)
        let configuration = PostgresConnection.Configuration(host: p.host, port: p.port, username: p.user, password: password,
                                                             database: database ?? p.database, tls: .disable)
        return try BlockingWait.run {
            let c = try await PostgresConnection.connect(configuration: configuration, id: 7, logger: logger)
            do {
                var out: [String?] = []
                for try await row in try await c.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                    out.append(try row.first.map { try $0.decode(String?.self) } ?? nil)
                }
                try? await c.close()
                return out
            } catch {
                try? await c.close()
                throw TestLedgerError("\(sql): \(PostgresErrorText.describe(error))")
            }
        }
    }

    /// The database name of a ledger URL made by ``createDatabase()``.
    public static func databaseName(_ url: String) -> String { String(url.split(separator: "/").last ?? "") }

    /// Drops the test databases more than two hours old (of earlier processes) that no one uses.
    static let cleanUpOnce: Void = {
        let old = Int(Date().timeIntervalSince1970) - 7200
        let names = (try? admin("SELECT datname FROM pg_database WHERE datname LIKE '\(prefix)%'")) ?? []
        for case let name? in names {
            guard let made = Int(name.dropFirst(prefix.count).prefix { $0 != "_" }), made < old else { continue }
            _ = try? admin("DROP DATABASE IF EXISTS \(name)")
        }
    }()
}

/// A test ledger that cannot be made, and why.
public struct TestLedgerError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    init(_ description: String) { self.description = description }
}
