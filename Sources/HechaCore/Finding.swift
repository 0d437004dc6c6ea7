/// A lead (问题线索) that a rule found: what case workers must verify.
public struct Finding: Sendable, Hashable {
    /// The id of the rule that found it, as its ruleset declares it (e.g. `vehicle-owned`).
    public var rule: String
    /// The 户编号 of the roster household the lead is about; every finding has one.
    public var household: String
    /// The normalised id of the person the finding is about, when the rule is about one person.
    public var person: String?
    /// The 申请编号, when the rule is about an application.
    public var application: String?
    /// Exact amount in yuan, when the rule has one; rounded half-up to the fen only when shown.
    public var amount: Exact?
    /// The records that produced the finding, in source order.
    public var evidence: [SourceRef]
    /// The values that decided it (the car, the death date and its source, the balances and the
    /// limit, …), as the rule's `show:` names them: what a case worker checks, and what the lead
    /// ledger fingerprints to tell whether the evidence changed.
    public var details: [FindingDetail] = []
    /// For a household-level lead about one member's asset, that member's normalised id (the
    /// vehicle's owner, the business's legal representative, the account holder). Unlike
    /// ``person`` it is not part of the finding's id.
    public var concerned: String?

    /// A finding with no details or concerned member yet; the evaluator fills those afterwards.
    public init(rule: String, household: String, person: String? = nil, application: String? = nil,
                amount: Exact? = nil, evidence: [SourceRef] = []) {
        self.rule = rule
        self.household = household
        self.person = person
        self.application = application
        self.amount = amount
        self.evidence = evidence
    }

    /// The finding's decisive values as one text, independent of file names and line numbers: two
    /// months' findings with the same evidence give the same text.
    public var detailsText: String {
        details.map { "\($0.label)=\($0.text)" }.joined(separator: "\n")
    }

    /// The order findings are written in: rule, household, person, application.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        (a.rule, a.household, a.person ?? "", a.application ?? "") < (b.rule, b.household, b.person ?? "", b.application ?? "")
    }
}

/// One decisive value of a finding: a label and the value as text.
public struct FindingDetail: Sendable, Hashable {
    /// What the value is, as the ruleset names it (`车辆`, `死亡日期`).
    public var label: String
    /// The value as text for people, unmasked (human-facing writers mask ``personal`` values).
    public var text: String
    /// True when the text holds personal data (an id number, a plate, a name, a phone number).
    public var personal: Bool

    /// A decisive value.
    public init(label: String, text: String, personal: Bool = false) {
        self.label = label
        self.text = text
        self.personal = personal
    }
}
