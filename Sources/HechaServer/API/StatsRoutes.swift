import Foundation
import Hummingbird
import HechaCore
import HechaLedger

/// `GET /api/stats`, for the admin: per township and rule, the leads open, overdue, confirmed and
/// dismissed, each rule's precision, and the money confirmed and recovered. A worker gets 404.
struct StatsRoutes: Sendable {
    let state: WorkbenchState

    func add(to router: Router<WorkbenchContext>) {
        router.get("/api/stats") { _, context in
            let session = try WorkbenchState.session(context)
            guard session.user.role == .admin else { throw APIError.adminOnly }
            let ledger = state.ledger
            let stats = try await offload { try LeadStatistics(ledger) }
            return JSONResponse.make(StatsJSON(
                total: StatsRowJSON(stats.total),
                by_rule: stats.byRule.map(StatsRowJSON.init),
                by_township: stats.byTownship.map(StatsRowJSON.init),
                by_township_and_rule: stats.byTownshipAndRule.map { t in
                    StatsTownshipJSON(township: t.township, rules: t.rules.map(StatsRowJSON.init))
                }))
        }
    }
}

/// The statistics' JSON.
struct StatsJSON: Encodable, Sendable {
    var total: StatsRowJSON
    var by_rule: [StatsRowJSON]
    var by_township: [StatsRowJSON]
    var by_township_and_rule: [StatsTownshipJSON]
}

/// One township's rows, per rule.
struct StatsTownshipJSON: Encodable, Sendable {
    var township: String
    var rules: [StatsRowJSON]
}

/// One row: a rule, a township, or the total.
struct StatsRowJSON: Encodable, Sendable {
    var key: String
    var found: Int, open: Int, overdue: Int, confirmed: Int, dismissed: Int, unverifiable: Int
    /// confirmed ÷ (confirmed + dismissed), as a percentage; "—" before any is decided.
    var precision: String
    /// Yuan, two places.
    var confirmed_amount: String
    var recovered: String

    init(_ r: LeadStatistics.Row) {
        key = r.key; found = r.found; open = r.open; overdue = r.overdue; confirmed = r.confirmed; dismissed = r.dismissed
        unverifiable = r.unverifiable; precision = r.precisionText
        confirmed_amount = Exact(fen: r.confirmedAmountFen).decimalString(places: 2)
        recovered = Exact(fen: r.settledFen).decimalString(places: 2)
    }
}
