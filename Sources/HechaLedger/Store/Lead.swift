import GRDB

/// One lead of the ledger: a finding's stable id, what it is about, when it was found, where it
/// stands and what was done about it.
public struct Lead: Sendable, Equatable, FetchableRecord {
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
    public init(row: Row) throws {
        id = row["id"]; rule = row["rule"]; household = row["household"]; person = row["person"]
        application = row["application"]; township = row["township"]; village = row["village"]
        firstRun = row["first_run"]; lastRun = row["last_run"]; firstSeen = row["first_seen"]; lastSeen = row["last_seen"]
        present = row["present"]
        let s: String = row["status"]
        guard let st = LeadStatus(rawValue: s) else { throw LedgerError("lead \(id) has an unknown status '\(s)' in the ledger") }
        status = st
        amount = row["amount"]; fingerprint = row["fingerprint"]; action = row["action"]; amountSettled = row["amount_settled"]
        outcomeDate = row["outcome_date"]; reason = row["reason"]; note = row["note"]; verifyBy = row["verify_by"]
        closedAt = row["closed_at"]; purgedAt = row["purged_at"]
    }

    /// True when it is open or in progress, still found, and past its verification date on `day`.
    public func isOverdue(on day: String) -> Bool {
        present && (status == .open || status == .inProgress) && day > verifyBy
    }

    /// Every lead of the ledger, in rule, township, household order.
    static func all(_ db: Database) throws -> [Lead] {
        try Lead.fetchAll(db, sql: "SELECT * FROM leads ORDER BY rule, township, household, id")
    }

    /// The lead with this id, if any.
    static func find(_ db: Database, id: String) throws -> Lead? {
        try Lead.fetchOne(db, sql: "SELECT * FROM leads WHERE id = ?", arguments: [id])
    }
}
