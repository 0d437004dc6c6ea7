/// One line of the append-only `events` table: who changed which lead, when, from what to what.
public struct LeadEvent: Sendable, Equatable {
    /// The kinds of change a run records; a case worker's change is `set`.
    public enum Kind: String, Sendable {
        /// First found; reopened; no longer given by the data; found again; its evidence changed; set by a case worker; its personal data removed.
        case found, reopened, closedByData = "closed-by-data", reappeared, evidenceChanged = "evidence-changed", set, purged
    }

    /// When (ISO 8601), and who: a case worker, or `hecha run`.
    public var at: String
    /// A case worker's name, or `hecha run` for a run's change.
    public var by: String
    /// The lead's id.
    public var lead: String
    /// A ``Kind`` raw value.
    public var kind: String
    /// The status before and after.
    public var from: String?
    /// The status after the change, when it changed one.
    public var to: String?
    /// What changed, why; nil once purged.
    public var note: String?
    /// The ledger run that made the change, for changes made by a run.
    public var run: Int64?

    /// Reads an `events` row.
    init(row: LedgerRow) throws(LedgerError) {
        at = try row("at"); by = try row("by"); lead = try row("lead"); kind = try row("kind")
        from = try row("from_status"); to = try row("to_status"); note = try row("note"); run = try row("run")
    }

    /// Appends one event.
    static func record(_ db: any LedgerSQL, at: String, by: String, lead: String, kind: Kind, from: String?, to: String?,
                       note: String? = nil, run: Int64? = nil) throws {
        try db.execute("INSERT INTO events (at, by, lead, kind, from_status, to_status, note, run) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [at, by, lead, kind.rawValue, from, to, note, run])
    }

    /// The events of one lead, oldest first.
    static func of(_ db: any LedgerSQL, lead: String) throws -> [LeadEvent] {
        try db.rows("SELECT * FROM events WHERE lead = ? ORDER BY id", [lead]).map { r throws(LedgerError) in try LeadEvent(row: r) }
    }
}

extension LedgerStore {
    /// The events of one lead, oldest first.
    public func events(of lead: String) throws(LedgerError) -> [LeadEvent] {
        try read { db in try LeadEvent.of(db, lead: lead) }
    }

    /// Every lead, in rule, township, household order.
    public func leads() throws(LedgerError) -> [Lead] {
        try read { db in try Lead.all(db) }
    }

    /// The lead with this id, if any.
    public func lead(_ id: String) throws(LedgerError) -> Lead? {
        try read { db in try Lead.find(db, id: id) }
    }

    /// The as-of date of the last run committed to the ledger, if any.
    public func lastRunDay() throws(LedgerError) -> String? {
        try read { db in try db.value("SELECT as_of FROM runs ORDER BY id DESC LIMIT 1") }
    }

    /// The dismiss reasons the last run's ruleset declared (empty before any run).
    public func lastRunDismissReasons() throws(LedgerError) -> [String] {
        try read { db in
            let stored: String?? = try db.value("SELECT dismiss_reasons FROM runs ORDER BY id DESC LIMIT 1")
            let text = (stored ?? nil) ?? ""
            return text.split(separator: "\n").map(String.init)
        }
    }
}
