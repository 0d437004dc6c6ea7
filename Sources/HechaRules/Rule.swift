import HechaCore

/// How urgent a rule's leads are for case workers.
public enum Severity: String, Sendable, CaseIterable {
    case high, medium, low
}

/// A rule ready to run: its condition and amount resolved and type-checked.
public struct CompiledRule: Sendable {
    public var id: String
    public var title: String
    public var severity: Severity
    public var subject: Subject
    public var description: String
    /// The YAML text of the condition and the amount, as written (for `explain`).
    public var whenText: String
    public var amountText: String?
    public var definedAt: SourceLocation
    /// Connector ids the rule reads facts from; the rule is skipped when one is not configured.
    public var sources: Set<String>
    /// Parameters the rule reads.
    public var parameters: Set<String>
    var condition: Term
    var amount: Term?
    var slotCount: Int
}

/// A rule as written in a ruleset file, before checking.
struct RuleDefinition {
    var id: String
    var title: String
    var severity: Severity
    var subject: Subject
    var description: String
    var when: ExpressionSource
    var amount: ExpressionSource?
    var lets: [FunctionDefinition]
    var definedAt: SourceLocation
}
