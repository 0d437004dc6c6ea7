import GRDB

/// One line of the append-only `access_log`: who viewed which lead's unmasked personal data, when.
public struct AccessLogEntry: Sendable, Equatable, FetchableRecord {
    /// When (ISO 8601), who, which lead, what was shown.
    public var at: String
    /// The name of the user who viewed it.
    public var user: String
    /// The id of the lead viewed.
    public var lead: String
    /// What was shown unmasked, e.g. `members, evidence, contact`.
    public var what: String

    /// Reads an `access_log` row.
    public init(row: Row) throws {
        at = row["at"]; user = row["user"]; lead = row["lead"]; what = row["what"]
    }
}

extension LedgerStore {
    /// Records that `user` viewed `what` of `lead` unmasked.
    public func logAccess(user: String, lead: String, what: String, at: String) throws(LedgerError) {
        try write { db in
            try db.execute(sql: "INSERT INTO access_log (at, user, lead, what) VALUES (?, ?, ?, ?)", arguments: [at, user, lead, what])
        }
    }

    /// The access log, oldest first; of one lead when given.
    public func accessLog(lead: String? = nil) throws(LedgerError) -> [AccessLogEntry] {
        try read { db in
            if let lead {
                return try AccessLogEntry.fetchAll(db, sql: "SELECT * FROM access_log WHERE lead = ? ORDER BY id", arguments: [lead])
            }
            return try AccessLogEntry.fetchAll(db, sql: "SELECT * FROM access_log ORDER BY id")
        }
    }
}
