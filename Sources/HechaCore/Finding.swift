/// A lead (问题线索) that a rule found: what case workers must verify.
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var household: String
    /// The normalised id of the person the finding is about, when the rule is about one person.
    public var person: String?
    /// The 申请编号, when the rule is about an application.
    public var application: String?
    /// Exact amount in yuan, when the rule has one; rounded half-up to the fen only when shown.
    public var amount: Exact?
    /// The records that produced the finding, in source order.
    public var evidence: [SourceRef]

    public init(rule: String, household: String, person: String? = nil, application: String? = nil,
                amount: Exact? = nil, evidence: [SourceRef] = []) {
        self.rule = rule
        self.household = household
        self.person = person
        self.application = application
        self.amount = amount
        self.evidence = evidence
    }

    /// The order findings are written in: rule, household, person, application.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        (a.rule, a.household, a.person ?? "", a.application ?? "") < (b.rule, b.household, b.person ?? "", b.application ?? "")
    }
}
