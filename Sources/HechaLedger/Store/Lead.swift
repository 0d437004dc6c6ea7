/// One lead of the ledger: a finding's stable id, what it is about, when it was found, where it
/// stands and what was done about it.
public struct Lead: Sendable, Equatable {
    /// The finding's stable id (`FindingID`).
    public var id: String
    /// The rule that found it.
    public var rule: String
    /// 户编号; empty once purged.
    public var household: String
    /// The person's normalised id number, when the rule is about a member.
    public var person: String?
    /// 申请编号, when the rule is about an application.
    public var application: String?
    /// 镇街 and 村居, to hand leads out.
    public var township: String
    /// 村居 (empty when the roster has none).
    public var village: String
    /// The ledger runs it was first and last found in, and their as-of dates.
    public var firstRun: Int64
    /// The ledger run it was last found in.
    public var lastRun: Int64
    /// The as-of date (YYYY-MM-DD) of the run it was first found in.
    public var firstSeen: String
    /// The as-of date (YYYY-MM-DD) of the run it was last found in.
    public var lastSeen: String
    /// False once the data no longer gives the finding (closed by the data).
    public var present: Bool
    /// Where it stands with the case workers.
    public var status: LeadStatus
    /// The finding's amount (yuan, 2 places) as last found.
    public var amount: String?
    /// SHA-256 of the decisive evidence (see ``EvidenceFingerprint``).
    public var fingerprint: String
    /// Outcome of a confirmed lead: the action, the amount recovered or paid back, its date.
    public var action: String?
    /// The amount recovered or paid back (yuan, 2 places), for a confirmed lead.
    public var amountSettled: String?
    /// The date (YYYY-MM-DD) the lead was verified or the money recovered or paid back.
    public var outcomeDate: String?
    /// Why a dismissed lead was not true, from the ruleset's closed list.
    public var reason: String?
    /// The case workers' last note.
    public var note: String?
    /// The date by which the lead should be verified (first seen + the rule's days).
    public var verifyBy: String
    /// When a case worker or the data closed it.
    public var closedAt: String?
    /// When its personal data was removed (`hecha leads purge`).
    public var purgedAt: String?

    /// Reads a `leads` row.
    init(row: LedgerRow) throws(LedgerError) {
        id = try row("id"); rule = try row("rule"); household = try row("household"); person = try row("person")
        application = try row("application"); township = try row("township"); village = try row("village")
        firstRun = try row("first_run"); lastRun = try row("last_run"); firstSeen = try row("first_seen"); lastSeen = try row("last_seen")
        present = try row("present")
        let s: String = try row("status")
        guard let st = LeadStatus(rawValue: s) else { throw LedgerError("lead \(id) has an unknown status '\(s)' in the ledger") }
        status = st
        amount = try row("amount"); fingerprint = try row("fingerprint"); action = try row("action"); amountSettled = try row("amount_settled")
        outcomeDate = try row("outcome_date"); reason = try row("reason"); note = try row("note"); verifyBy = try row("verify_by")
        closedAt = try row("closed_at"); purgedAt = try row("purged_at")
    }

    /// The leads `sql` selects (`SELECT * FROM leads …`).
    static func fetch(_ db: any LedgerSQL, _ sql: String, _ arguments: [any LedgerArgument] = []) throws -> [Lead] {
        try db.rows(sql, arguments).map { r throws(LedgerError) in try Lead(row: r) }
    }

    /// True when it is open or in progress, still found, and past its verification date on `day`.
    public func isOverdue(on day: String) -> Bool {
        present && (status == .open || status == .inProgress) && day > verifyBy
    }

    /// Every lead of the ledger, in rule, township, household order.
    static func all(_ db: any LedgerSQL) throws -> [Lead] {
        try fetch(db, "SELECT * FROM leads ORDER BY rule, township, household, id")
    }

    /// The lead with this id, if any.
    static func find(_ db: any LedgerSQL, id: String) throws -> Lead? {
        try fetch(db, "SELECT * FROM leads WHERE id = ?", [id]).first
    }
}
