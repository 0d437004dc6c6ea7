import Foundation
import HechaCore
import HechaRules

/// A case worker's finding on one lead: the new status and, for 属实, what was done (action,
/// amount recovered or paid back, date); for 不属实, the reason from the ruleset's closed list.
public struct LeadUpdate: Sendable, Equatable {
    /// The new status; for 不属实 its reason; for 属实 the action taken.
    public var status: LeadStatus
    /// For 不属实: the reason, from the ruleset's closed list.
    public var reason: String?
    /// For 属实: the action taken.
    public var action: LeadAction?
    /// Yuan with two places (`1234.50`).
    public var amount: String?
    /// YYYY-MM-DD: when it was verified (for 属实, when the money was recovered or paid back).
    public var date: String?
    /// A note for the record.
    public var note: String?

    /// Checks the texts as typed (status and action by id or label) against each other and
    /// against the closed list of dismiss reasons; the error says what is wrong and what to write.
    public init(status: String, reason: String? = nil, action: String? = nil, amount: String? = nil, date: String? = nil,
                note: String? = nil, settings: LedgerSettings) throws(LedgerError) {
        func given(_ s: String?) -> String? {
            guard let t = s?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            return t
        }
        guard let st = LeadStatus(input: status) else {
            throw LedgerError("unknown status '\(status)'; use one of: \(LeadStatus.accepted)", field: "status")
        }
        self.status = st
        self.note = given(note)
        switch st {
        case .dismissed:
            guard let r = given(reason) else {
                throw LedgerError("a dismissed (不属实) lead needs a reason; use one of: \(settings.dismissReasons.joined(separator: ", "))", field: "reason")
            }
            guard settings.dismissReasons.contains(r) else {
                throw LedgerError("unknown dismiss reason '\(r)'\(NameSuggestion.didYouMean(r, in: settings.dismissReasons)); use one of: \(settings.dismissReasons.joined(separator: ", ")) (declared under ledger.dismiss_reasons in the ruleset)", field: "reason")
            }
            self.reason = r
        case .confirmed:
            guard let a = given(action) else { throw LedgerError("a confirmed (属实) lead needs an action; use one of: \(LeadAction.accepted)", field: "action") }
            guard let act = LeadAction(input: a) else { throw LedgerError("unknown action '\(a)'; use one of: \(LeadAction.accepted)", field: "action") }
            self.action = act
            if let x = given(amount) {
                guard let fen = LeadUpdate.fen(x) else { throw LedgerError("bad amount '\(x)': write yuan as a number with at most 2 decimals, e.g. 1234.50", field: "amount") }
                self.amount = Exact(fen: fen).decimalString(places: 2)
            }
        default:
            break
        }
        if let d = given(date) {
            guard let day = Day(iso: d) else { throw LedgerError("bad date '\(d)': write YYYY-MM-DD, e.g. 2025-01-15", field: "date") }
            self.date = day.description
        }
        if st != .dismissed, given(reason) != nil { throw LedgerError("a reason is only for dismissed (不属实) leads", field: "reason") }
        if st != .confirmed, given(action) != nil || given(amount) != nil {
            throw LedgerError("an action and an amount are only for confirmed (属实) leads", field: given(action) != nil ? "action" : "amount")
        }
    }

    /// `1234.5` → 123450 fen; nil unless a non-negative number with at most two decimals.
    static func fen(_ text: String) -> Int64? {
        let t = text.replacingOccurrences(of: ",", with: "")
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber),
              whole.count <= 12 else { return nil }
        var cents = "00"
        if parts.count == 2 {
            let f = parts[1]
            guard !f.isEmpty, f.count <= 2, f.allSatisfy(\.isASCII), f.allSatisfy(\.isNumber) else { return nil }
            cents = f.count == 1 ? f + "0" : String(f)
        }
        return Int64(whole)! * 100 + Int64(cents)!
    }
}

extension LedgerStore {
    /// Applies a case worker's update to a lead, with its event, in one transaction. Returns false
    /// (and records nothing) when the lead already stands exactly so: applying it twice is harmless.
    @discardableResult
    public func set(_ id: String, _ u: LeadUpdate, by: String, at: String, township: String? = nil) throws(LedgerError) -> Bool {
        try write { db in try LedgerStore.set(db, id, u, by: by, at: at, township: township) }
    }

    static func set(_ db: any LedgerSQL, _ id: String, _ u: LeadUpdate, by: String, at: String, township: String?) throws -> Bool {
        guard let lead = try Lead.find(db, id: id) else {
            throw LedgerError("unknown lead '\(id)'; hint: `hecha leads list` shows the leads' ids")
        }
        if let township, lead.township != township {
            throw LedgerError("lead \(id) belongs to township \(lead.township), not \(township)")
        }
        if lead.purgedAt != nil { throw LedgerError("lead \(id) was purged on \(lead.purgedAt!) and can no longer be changed") }
        let action = u.action?.rawValue
        let same = lead.status == u.status && lead.reason == u.reason && lead.action == action && lead.amountSettled == u.amount
            && lead.outcomeDate == u.date && (u.note == nil || lead.note == u.note)
        if same { return false }
        let closedAt: String? = u.status.isClosed ? (lead.status.isClosed && lead.closedAt != nil ? lead.closedAt : (u.date ?? String(at.prefix(10)))) : nil
        try db.execute("""
            UPDATE leads SET status = ?, reason = ?, action = ?, amount_settled = ?, outcome_date = ?, note = COALESCE(?, note),
                             closed_at = ? WHERE id = ?
            """, [u.status.rawValue, u.reason, action, u.amount, u.date, u.note, closedAt, id])
        var detail = [u.reason, action, u.amount.map { "\($0) 元" }, u.date].compactMap { $0 }.joined(separator: ", ")
        if let note = u.note { detail += detail.isEmpty ? note : "; " + note }
        try LeadEvent.record(db, at: at, by: by, lead: id, kind: .set, from: lead.status.rawValue, to: u.status.rawValue,
                             note: detail.isEmpty ? nil : detail)
        return true
    }
}
