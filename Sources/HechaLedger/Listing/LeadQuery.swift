/// One page of leads for the workbench, filtered and ordered in SQL so that a ledger of a hundred
/// thousand leads is not read whole for each page: overdue leads first, then by deadline.
public struct LeadQuery: Sendable, Equatable {
    /// Only this township's leads (a worker's scope); nil for all.
    public var township: String?
    /// Only these statuses; empty for all.
    public var statuses: [LeadStatus]
    /// Only this rule, this 村居, this 户编号 (exact, or a prefix of at least 4 characters).
    public var rule: String?
    /// Only leads of this 村居 (exact); nil for all.
    public var village: String?
    /// Only leads of this 户编号, exact or (with 4 characters or more) as its prefix; nil for all.
    public var household: String?
    /// The page, from 1, and its size.
    public var page: Int
    /// How many leads a page holds, 1…``maximumPageSize``.
    public var pageSize: Int

    /// The most leads one page holds.
    public static let maximumPageSize = 200

    /// A query as given; the page is at least 1 and its size between 1 and ``maximumPageSize``.
    public init(township: String? = nil, statuses: [LeadStatus] = [], rule: String? = nil, village: String? = nil,
                household: String? = nil, page: Int = 1, pageSize: Int = 50) {
        self.township = township
        self.statuses = statuses
        self.rule = rule
        self.village = village
        self.household = household
        self.page = max(1, page)
        self.pageSize = min(max(1, pageSize), LeadQuery.maximumPageSize)
    }
}

/// A page of leads, with how many match in all and the day that decides which are overdue.
public struct LeadPage: Sendable, Equatable {
    /// The leads of this page.
    public var leads: [Lead]
    /// Leads matching the query on all pages.
    public var total: Int
    /// The page and its size, as queried.
    public var page: Int
    /// How many leads a page holds.
    public var pageSize: Int
    /// The last run's as-of date ("" before any run).
    public var day: String

    /// The number of pages (at least 1).
    public var pages: Int { max(1, (total + pageSize - 1) / pageSize) }
}

extension LedgerStore {
    /// The page of leads `query` asks for, in one consistent read.
    public func leadPage(_ query: LeadQuery) throws(LedgerError) -> LeadPage {
        try read { db in
            let day: String = try db.value("SELECT as_of FROM runs ORDER BY id DESC LIMIT 1") ?? ""
            var conditions: [String] = []
            var arguments: [any LedgerArgument] = []
            if let t = query.township { conditions.append("township = ?"); arguments.append(t) }
            if !query.statuses.isEmpty {
                conditions.append("status IN (\(query.statuses.map { _ in "?" }.joined(separator: ", ")))")
                arguments += query.statuses.map(\.rawValue)
            }
            if let r = query.rule { conditions.append("rule = ?"); arguments.append(r) }
            if let v = query.village { conditions.append("village = ?"); arguments.append(v) }
            if let h = query.household {
                if h.count >= 4 {
                    conditions.append("(household = ? OR substr(household, 1, length(?)) = ?)")
                    arguments += [h, h, h]
                } else {
                    conditions.append("household = ?"); arguments.append(h)
                }
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total: Int = try db.value("SELECT count(*) FROM leads \(filter)", arguments) ?? 0
            // the same test as Lead.isOverdue, in SQL
            let overdue = "(present = 1 AND status IN ('open', 'in-progress') AND verify_by < ?)"
            let leads = try Lead.fetch(db, """
                SELECT * FROM leads \(filter)
                ORDER BY \(overdue) DESC, present DESC, verify_by, rule, household, id LIMIT ? OFFSET ?
                """, arguments + [day, query.pageSize, (query.page - 1) * query.pageSize])
            return LeadPage(leads: leads, total: total, page: query.page, pageSize: query.pageSize, day: day)
        }
    }

    /// The distinct rules, 村居 and 镇街 among a township's leads (all leads for nil), for the filters.
    public func leadFacets(township: String?) throws(LedgerError) -> (rules: [String], villages: [String], townships: [String]) {
        try read { db in
            let filter = township == nil ? "" : "WHERE township = ?"
            let args: [any LedgerArgument] = township.map { [$0] } ?? []
            let rules: [String] = try db.values("SELECT DISTINCT rule FROM leads \(filter) ORDER BY rule", args)
            let villages: [String] = try db.values("SELECT DISTINCT village FROM leads \(filter) ORDER BY village", args)
            let towns: [String] = try db.values("SELECT DISTINCT township FROM leads \(filter) ORDER BY township", args)
            return (rules, villages.filter { !$0.isEmpty }, towns)
        }
    }
}
