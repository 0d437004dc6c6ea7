/// One line of the append-only `access_log`: who viewed which lead's unmasked personal data, when.
public struct AccessLogEntry: Sendable, Equatable {
    /// When (ISO 8601), who, which lead, what was shown.
    public var at: String
    /// The name of the user who viewed it.
    public var user: String
    /// The id of the lead viewed.
    public var lead: String
    /// What was shown unmasked, e.g. `members, evidence, contact`.
    public var what: String

    /// Reads an `access_log` row.
    init(row: LedgerRow) throws(LedgerError) {
        at = try row("at"); user = try row("user"); lead = try row("lead"); what = try row("what")
    }
}

extension LedgerStore {
    /// Records that `user` viewed `what` of `lead` unmasked.
    public func logAccess(user: String, lead: String, what: String, at: String) throws(LedgerError) {
        try write { db in
            try db.execute(#"INSERT INTO access_log (at, "user", lead, what) VALUES (?, ?, ?, ?)"#, [at, user, lead, what])
        }
    }

    /// The access log, oldest first; of one lead when given.
    public func accessLog(lead: String? = nil) throws(LedgerError) -> [AccessLogEntry] {
        try read { db in
            let rows = try lead.map { try db.rows("SELECT * FROM access_log WHERE lead = ? ORDER BY id", [$0]) }
                ?? db.rows("SELECT * FROM access_log ORDER BY id", [])
            return try rows.map { r throws(LedgerError) in try AccessLogEntry(row: r) }
        }
    }
}
