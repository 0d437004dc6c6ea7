import HechaCore

/// How urgent a rule's leads are for case workers.
public enum Severity: String, Sendable, CaseIterable {
    /// 高, 中, 低: how soon case workers should verify the leads.
    case high, medium, low
}

/// What a rule's amount is, for the report's totals: money paid that should not have been
/// (应追缴, the default) or money that should have been paid and was not (应补发).
public enum AmountKind: String, Sendable, CaseIterable {
    /// Money paid that should not have been (应追缴): paid after a death, paid above the entitlement.
    case overpaid
    /// Money owed to the household (应补发).
    case underpaid
    /// Any other amount (assets above a limit, income above the standard, subsidies received):
    /// shown with its finding, not counted as a payment error.
    case other
}

/// A rule ready to run: its condition and amount resolved and type-checked.
public struct CompiledRule: Sendable {
    /// The rule's stable id (`id:`), e.g. `vehicle-owned`: findings, reports and region files refer to it.
    public var id: String
    /// The rule's Chinese title (`title:`), as reports show it.
    public var title: String
    /// How urgent its leads are (`severity:`).
    public var severity: Severity
    /// What the rule is evaluated for (`applies_to:`): each household, each member, or each application.
    public var subject: Subject
    /// The rule's longer explanation (`description:`); empty when the ruleset gives none.
    public var description: String
    /// The rule's category in the county report's table (`死亡仍发放`, `重复享受`, …); `nil` when the
    /// rule has no `category:` (the report files it under 其他).
    public var category: String?
    /// Whether the amount is over- or under-payment (`amount_kind:`, default overpaid).
    public var amountKind: AmountKind
    /// The YAML text of the condition and the amount, as written (for `explain`).
    public var whenText: String
    /// The YAML text of the amount, as written; `nil` when the rule has no `amount:`.
    public var amountText: String?
    /// Where the rule is defined in its ruleset (or region) file.
    public var definedAt: SourceLocation
    /// Connector ids the rule reads facts from; the rule is skipped when one is not configured.
    public var sources: Set<String>
    /// Parameters the rule reads.
    public var parameters: Set<String>
    /// The fields the rule reads, as "record.field" (`payment.month`); facts are decoded for
    /// evaluation with these fields only.
    public var fields: Set<String>
    /// What the case worker should verify (核查要点), as the ruleset words it (`verify:`).
    public var verify: String?
    /// The decisive values a finding shows (`show:`), in the order written.
    public var shows: [CompiledShow] = []
    /// The rule's parameterless `let:` values, for `explain`.
    var letValues: [(name: String, term: Term)] = []
    /// Warnings found while checking the rule (a comparison that can never hold).
    var warnings: [Diagnostic] = []
    var condition: Term
    var amount: Term?
    /// The member a household-level finding is about (`concerned:`, a person id).
    var concerned: Term?
    var slotCount: Int
}

/// A rule as written in a ruleset file, before checking.
struct RuleDefinition {
    var id: String
    var title: String
    var severity: Severity
    var subject: Subject
    var description: String
    var category: String?
    var amountKind: AmountKind
    var when: ExpressionSource
    var amount: ExpressionSource?
    var lets: [FunctionDefinition]
    var definedAt: SourceLocation
    var verify: String?
    var shows: [ShowDefinition] = []
    var concerned: ExpressionSource?
}
