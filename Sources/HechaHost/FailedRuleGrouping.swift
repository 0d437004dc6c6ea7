import HechaReports
import HechaRules

extension FailedRule {
    /// One entry per distinct cause (``FailureSummary``): the rule, how many households it
    /// stopped, and what to fix.
    static func grouped(_ failures: [EvaluationFailure]) -> [FailedRule] {
        FailureSummary(failures).groups.map { g in
            FailedRule(rule: g.rule, households: g.households, cause: (g.location.map { "\($0): " } ?? "") + g.cause)
        }
    }
}
