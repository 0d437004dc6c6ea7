import HechaCore
import HechaRules

extension FailureSummary {
    /// The causes of a run's failed rule evaluations as diagnostics (for `--format json`): one per
    /// cause, at the place in the rules or parameters where it failed.
    public func diagnostics(limit: Int = 20) -> [Diagnostic] {
        groups.prefix(limit).map { g in
            .error("rule \(g.rule) could not be evaluated for \(g.households) household(s): \(g.cause)", at: g.location)
        }
    }
}
