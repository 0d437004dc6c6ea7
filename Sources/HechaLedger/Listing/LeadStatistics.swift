import Foundation
import HechaCore
import HechaReports

/// `hecha leads stats`: per rule and per township, the leads found, confirmed, dismissed, still
/// open and overdue; each rule's precision (confirmed ÷ (confirmed + dismissed)); the money
/// confirmed overpaid (the findings' amounts of confirmed leads) and recovered or paid back. Purged
/// leads still count: their counts and amounts are kept.
public struct LeadStatistics: Sendable {
    /// The figures of one rule or township.
    public struct Row: Sendable, Equatable {
        /// The rule id or township.
        public var key: String
        /// Leads ever found, and of them: 属实, 不属实, 无法核实, open or in progress and still found, overdue.
        public var found = 0
        /// Of them, leads verified as true (属实).
        public var confirmed = 0
        /// Of them, leads verified as not true (不属实).
        public var dismissed = 0
        /// Of them, leads that could not be verified (无法核实).
        public var unverifiable = 0
        /// Of them, leads open or in progress that the latest run still found.
        public var open = 0
        /// Of them, leads open or in progress past their verify-by date on the last run's date.
        public var overdue = 0
        /// In fen.
        public var confirmedAmountFen: Int64 = 0
        /// In fen: the money recovered or paid back on confirmed leads.
        public var settledFen: Int64 = 0

        /// confirmed ÷ (confirmed + dismissed), nil before any is decided.
        public var precision: Double? { confirmed + dismissed == 0 ? nil : Double(confirmed) / Double(confirmed + dismissed) }

        /// The precision as a percentage, or "—" before any lead is decided.
        public var precisionText: String { precision.map { String(format: "%.0f%%", $0 * 100) } ?? "—" }

        mutating func add(_ l: Lead, day: String) {
            found += 1
            switch l.status {
            case .confirmed:
                confirmed += 1
                confirmedAmountFen += LeadUpdate.fen(l.amount ?? "") ?? 0
                settledFen += LeadUpdate.fen(l.amountSettled ?? "") ?? 0
            case .dismissed: dismissed += 1
            case .unverifiable: unverifiable += 1
            case .open, .inProgress:
                if l.present { open += 1 }
                if l.isOverdue(on: day) { overdue += 1 }
            }
        }
    }

    /// Per rule, per township (both sorted), and over all leads.
    public var byRule: [Row]
    /// One row per township, sorted.
    public var byTownship: [Row]
    /// All leads together, under the key `total 合计`.
    public var total: Row
    /// Per township, then per rule within it (both sorted): the admin's table.
    public var byTownshipAndRule: [(township: String, rules: [Row])]

    /// The statistics of every lead of the ledger.
    public init(_ store: LedgerStore) throws(LedgerError) {
        self.init(leads: try store.leads(), day: try store.lastRunDay() ?? "")
    }

    /// The statistics of `leads`; `day` (the last run's as-of date) decides which are overdue.
    init(leads: [Lead], day: String) {
        var rules: [String: Row] = [:], towns: [String: Row] = [:], cross: [String: [String: Row]] = [:]
        var total = Row(key: "total 合计")
        for l in leads {
            rules[l.rule, default: Row(key: l.rule)].add(l, day: day)
            towns[l.township, default: Row(key: l.township)].add(l, day: day)
            cross[l.township, default: [:]][l.rule, default: Row(key: l.rule)].add(l, day: day)
            total.add(l, day: day)
        }
        byRule = rules.keys.sorted().map { rules[$0]! }
        byTownship = towns.keys.sorted().map { towns[$0]! }
        byTownshipAndRule = cross.keys.sorted().map { t in (t, cross[t]!.keys.sorted().map { cross[t]![$0]! }) }
        self.total = total
    }

    static let header = ["found 线索", "confirmed 属实", "dismissed 不属实", "unverifiable 无法核实", "open 待核查", "overdue 超期",
                         "precision 查实率", "confirmed overpaid 属实金额", "recovered 追回/补发"]

    static func cells(_ r: Row) -> [String] {
        [r.key, String(r.found), String(r.confirmed), String(r.dismissed), String(r.unverifiable), String(r.open), String(r.overdue),
         r.precisionText, Exact(fen: r.confirmedAmountFen).decimalString(places: 2), Exact(fen: r.settledFen).decimalString(places: 2)]
    }

    /// The per-rule rows as the report shows them.
    var records: [LedgerRunFigures.RuleRecord] {
        byRule.map { r in
            LedgerRunFigures.RuleRecord(rule: r.key, found: r.found, confirmed: r.confirmed, dismissed: r.dismissed, open: r.open,
                                        overdue: r.overdue, precision: r.precisionText,
                                        confirmedAmount: Exact(fen: r.confirmedAmountFen).decimalString(places: 2),
                                        recovered: Exact(fen: r.settledFen).decimalString(places: 2))
        }
    }

    /// The two tables, for the terminal.
    public var text: String {
        let right = Set(1...9)
        return SummaryTable.render(header: ["rule 规则"] + LeadStatistics.header, rows: (byRule + [total]).map(LeadStatistics.cells), rightAligned: right)
            + "\n" + SummaryTable.render(header: ["township 镇街"] + LeadStatistics.header, rows: byTownship.map(LeadStatistics.cells),
                                         rightAligned: right)
    }
}
