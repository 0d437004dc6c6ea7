import HechaReports
import HechaRules

extension FailedRule {
    /// One entry per rule that failed, in the order the rules first failed, with the number of
    /// distinct households and the first cause given.
    static func grouped(_ failures: [EvaluationFailure]) -> [FailedRule] {
        var order: [String] = []
        var households: [String: Set<String>] = [:]
        var cause: [String: String] = [:]
        for f in failures {
            if households[f.rule] == nil { order.append(f.rule); cause[f.rule] = "\(f.error)" }
            households[f.rule, default: []].insert(f.household)
        }
        return order.map { FailedRule(rule: $0, households: households[$0]?.count ?? 0, cause: cause[$0] ?? "") }
    }
}
