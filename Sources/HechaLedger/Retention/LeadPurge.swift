import HechaCore
import HechaRules

/// `hecha leads purge`: the retention rule of the data-matching codes of practice. Leads closed
/// (by a case worker or by the data) more than `ledger.retention_months` before `day` lose their
/// personal data — household, person, application, village, notes (also in their events) — and
/// keep what statistics need: rule, township, status, amounts, dates.
public enum LeadPurge {
    /// What a purge removed.
    public struct Report: Sendable, Equatable {
        /// Rule id → leads purged, sorted by rule.
        public var byRule: [String: Int] = [:]
        /// Closed before this date.
        public var cutoff: String = ""
        /// Leads purged in all.
        public var total: Int { byRule.values.reduce(0, +) }

        /// The report for people.
        public var text: String {
            if total == 0 { return "nothing to purge: no lead was closed before \(cutoff)\n" }
            var out = "purged the personal data (household, person, application, village, notes) of \(total) lead(s) closed before \(cutoff):\n"
            for k in byRule.keys.sorted() { out += "  \(k): \(byRule[k]!)\n" }
            return out + "their rule, township, status, amounts and dates are kept for the statistics\n"
        }
    }

    /// Purges the leads closed before `day` minus the retention months.
    public static func run(_ store: LedgerStore, day: Day, settings: LedgerSettings, by: String, at: String) throws(LedgerError) -> Report {
        var report = Report()
        report.cutoff = day.adding(months: -settings.retentionMonths).description
        let cutoff = report.cutoff
        try store.write { db in
            let due = try Lead.fetch(db, """
                SELECT * FROM leads WHERE purged_at IS NULL AND closed_at IS NOT NULL AND closed_at < ?
                  AND (status IN ('confirmed', 'dismissed', 'unverifiable') OR present = 0)
                """, [cutoff])
            for l in due {
                try db.execute("""
                    UPDATE leads SET household = '', person = NULL, application = NULL, village = '', note = NULL, purged_at = ? WHERE id = ?
                    """, [day.description, l.id])
                try db.execute("UPDATE events SET note = NULL WHERE lead = ? AND note IS NOT NULL", [l.id])
                try LeadEvent.record(db, at: at, by: by, lead: l.id, kind: .purged, from: l.status.rawValue, to: l.status.rawValue,
                                     note: "personal data removed: closed on \(l.closedAt ?? "?"), retention \(settings.retentionMonths) months")
                report.byRule[l.rule, default: 0] += 1
            }
        }
        return report
    }
}
