import HechaCore

/// What one run changed in the lead ledger, per rule and per township: the figures the run
/// summary and `manifest.json` show when a ledger is used.
public struct LedgerRunFigures: Sendable {
    /// The six counts of one rule, one township or the whole run.
    public struct Counts: Sendable, Equatable {
        /// Leads found for the first time.
        public var new = 0
        /// Open or in-progress leads found again.
        public var stillOpen = 0
        /// Of those still open, the ones past their rule's verification deadline (超期未核查).
        public var overdue = 0
        /// Open or in-progress leads no longer found: the data changed (closed by the data).
        public var closedByData = 0
        /// Dismissed leads found again with the same evidence: they stay dismissed.
        public var suppressed = 0
        /// Dismissed or data-closed leads found again with changed evidence: open again.
        public var reopened = 0

        /// No counts yet.
        public init() {}

        /// The sum of two counts.
        public static func + (a: Counts, b: Counts) -> Counts {
            var c = Counts()
            c.new = a.new + b.new; c.stillOpen = a.stillOpen + b.stillOpen; c.overdue = a.overdue + b.overdue
            c.closedByData = a.closedByData + b.closedByData; c.suppressed = a.suppressed + b.suppressed
            c.reopened = a.reopened + b.reopened
            return c
        }

        /// The counts as `(name, value)`, in the order they are shown.
        public var named: [(String, Int)] {
            [("new", new), ("still_open", stillOpen), ("overdue", overdue), ("closed_by_data", closedByData),
             ("suppressed", suppressed), ("reopened", reopened)]
        }
    }

    /// The ledger file.
    public var file: String
    /// The ledger's run number of this run.
    public var run: Int64
    /// Per rule id, in rule order.
    public var byRule: [(key: String, counts: Counts)]
    /// Per township, sorted.
    public var byTownship: [(key: String, counts: Counts)]

    /// Where one finding of the run stands in the ledger.
    public struct Standing: Sendable, Equatable {
        /// The status label (待核查, 属实, …), with 超期未核查 when overdue.
        public var status: String
        /// The as-of date of the run that first found it.
        public var since: String

        /// A standing as given.
        public init(status: String, since: String) {
            self.status = status
            self.since = since
        }
    }

    /// One rule's record over every run so far (the ledger's statistics).
    public struct RuleRecord: Sendable, Equatable {
        /// The rule id; its leads found, 属实, 不属实, still open, overdue.
        public var rule: String
        /// Leads of the rule the ledger has ever recorded.
        public var found: Int
        /// Leads verified as true (属实).
        public var confirmed: Int
        /// Leads verified as not true (不属实).
        public var dismissed: Int
        /// Leads open or in progress that the latest run still found.
        public var open: Int
        /// Leads open or in progress past their deadline on the last run's date.
        public var overdue: Int
        /// confirmed ÷ (confirmed + dismissed) as a percentage text, or "—".
        public var precision: String
        /// Yuan, two places: the findings' amounts of confirmed leads, and what was recovered or paid back.
        public var confirmedAmount: String
        /// Yuan, two places: what was recovered or paid back on confirmed leads.
        public var recovered: String

        /// A record as given.
        public init(rule: String, found: Int, confirmed: Int, dismissed: Int, open: Int, overdue: Int, precision: String,
                    confirmedAmount: String, recovered: String) {
            self.rule = rule
            self.found = found
            self.confirmed = confirmed
            self.dismissed = dismissed
            self.open = open
            self.overdue = overdue
            self.precision = precision
            self.confirmedAmount = confirmedAmount
            self.recovered = recovered
        }
    }

    /// Finding id → where it stands, for this run's findings.
    public var standings: [String: Standing] = [:]
    /// Per rule, every lead so far.
    public var records: [RuleRecord] = []

    /// Figures as given.
    public init(file: String, run: Int64, byRule: [(key: String, counts: Counts)], byTownship: [(key: String, counts: Counts)]) {
        self.file = file
        self.run = run
        self.byRule = byRule
        self.byTownship = byTownship
    }

    /// All rules together.
    public var total: Counts { byRule.reduce(Counts()) { $0 + $1.counts } }
}

/// The `ledger` object of `manifest.json`, present only when the run used a ledger (so runs
/// without one keep their bytes).
enum LedgerManifestSection {
    static func pairs(_ input: ReportInput) -> [(String, PrettyJSON)] {
        guard let l = input.ledger else { return [] }
        func counts(_ c: LedgerRunFigures.Counts) -> String {
            JSONText.object(c.named.map { ($0.0, String($0.1)) })
        }
        return [("ledger", .object([
            ("file", .string(l.file)),
            ("run", .int(Int(l.run))),
            ("total", .raw(counts(l.total))),
            ("by_rule", .object(l.byRule.map { ($0.key, .raw(counts($0.counts))) })),
            ("by_township", .object(l.byTownship.map { ($0.key, .raw(counts($0.counts))) })),
        ]))]
    }
}
