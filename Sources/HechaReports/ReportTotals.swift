import HechaCore

/// The report's figures, computed once from a ``ReportInput``: per category, per township, and
/// the over- and underpayment totals. Amounts are exact sums, rounded only when shown.
public struct ReportTotals: Sendable {
    /// A row of the table by category or by township.
    public struct Row: Sendable, Equatable {
        /// The category or 镇街 (empty for the total row).
        public var name: String
        /// The number of findings in the row.
        public var leads = 0
        /// Distinct households with at least one lead.
        public var households = 0
        /// Every amount of the row's findings, over- and underpaid alike (涉及金额).
        public var amount = Exact.zero
        /// The sum in yuan of the amounts of rules whose amount kind is overpaid (应追缴).
        public var overpaid = Exact.zero
        /// The sum in yuan of the amounts of rules whose amount kind is underpaid (应补发).
        public var underpaid = Exact.zero
        /// Whether any of the row's findings has an amount (else the amount is shown as —).
        public var hasAmount = false
    }

    /// In the order the categories first appear in the rules; 其他 (rules without a category) last.
    public var categories: [Row]
    /// In ``ChineseOrder`` (by pinyin), ``HouseholdDirectory/unknownTown`` last.
    public var towns: [Row]
    /// All findings together.
    public var total: Row

    /// The category name of rules that have none.
    public static let otherCategory = "其他"

    /// Computes the figures of `input`'s findings.
    public init(_ input: ReportInput) {
        let rules = Dictionary(input.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var categoryOrder: [String] = []
        for r in input.rules {
            let c = r.category ?? ReportTotals.otherCategory
            if c != ReportTotals.otherCategory, !categoryOrder.contains(c) { categoryOrder.append(c) }
        }
        var byCategory: [String: (Row, Set<String>)] = [:]
        var byTown: [String: (Row, Set<String>)] = [:]
        var all = (Row(name: ""), Set<String>())
        func add(_ f: Finding, to entry: inout (Row, Set<String>)) {
            entry.0.leads += 1
            entry.1.insert(f.household)
            entry.0.households = entry.1.count
            guard let a = f.amount else { return }
            entry.0.hasAmount = true
            entry.0.amount = entry.0.amount + a
            switch rules[f.rule]?.amountKind {
            case .underpaid?: entry.0.underpaid = entry.0.underpaid + a
            case .overpaid?: entry.0.overpaid = entry.0.overpaid + a
            default: break
            }
        }
        for f in input.findings {
            let c = rules[f.rule]?.category ?? ReportTotals.otherCategory
            let t = input.households.town(of: f.household)
            add(f, to: &byCategory[c, default: (Row(name: c), [])])
            add(f, to: &byTown[t, default: (Row(name: t), [])])
            add(f, to: &all)
        }
        if byCategory[ReportTotals.otherCategory] != nil { categoryOrder.append(ReportTotals.otherCategory) }
        categories = categoryOrder.map { byCategory[$0]?.0 ?? Row(name: $0) }
        towns = ChineseOrder.sorted(byTown.keys).map { byTown[$0]!.0 }
        total = all.0
    }

    /// An amount in 万元 with 2 decimals (exact division, rounded half-up once).
    public static func tenThousands(_ yuan: Exact) -> String {
        yuan.divided(by: Exact(10000))!.decimalString(places: 2)
    }
}
