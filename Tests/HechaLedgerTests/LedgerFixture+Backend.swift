import Foundation
@testable import HechaLedger
import TestSupport

extension LedgerFixture {
    /// The ledger of a test of the region copied into `dir`: the region's default ledger file on
    /// SQLite, a new database of the test server on PostgreSQL.
    static func ledger(_ backend: LedgerBackend, _ dir: String) throws -> String {
        backend == .sqlite ? LedgerStore.defaultPath(forRegionFile: dir + "/region.yaml") : try backend.freshLedger()
    }

    /// What shows a ledger unchanged: the file's bytes, or on a server every row of every table.
    static func snapshot(_ location: String) throws -> [String] {
        guard LedgerStore.isServer(location) else { return [bytes(location).base64EncodedString()] }
        let tables = ["grdb_migrations", "runs", "leads", "events", "users", "sessions", "access_log"]
        return try LedgerStore(path: location).read { db in
            try tables.flatMap { t in try db.rows("SELECT * FROM \(t) ORDER BY 1", []).map { "\(t): \($0.values)" } }
        }
    }
}
