import HechaCore

/// The failures of a run grouped by what is to be fixed: each distinct cause once, with how many
/// households it stopped and one example, instead of one line per household.
public struct FailureSummary: Sendable {
    /// One cause: a rule that failed the same way, at the same place, for some households.
    public struct Group: Sendable {
        /// The rule that could not be evaluated.
        public var rule: String
        /// Where in the rules (or the parameters) it failed.
        public var location: SourceLocation?
        /// What to fix, the same for every household of the group.
        public var cause: String
        /// How many distinct households failed this way.
        public var households: Int
        /// How many subjects (households, members or applications) failed this way.
        public var subjects: Int
        /// The first failure of the group, with its household and values.
        public var example: EvaluationFailure
    }

    /// The groups, the one stopping most households first (then by rule and place).
    public let groups: [Group]
    /// How many failures there were in all.
    public let failureCount: Int

    /// Groups `failures` by rule, place and cause.
    public init(_ failures: [EvaluationFailure]) {
        struct Key: Hashable { var rule: String; var location: SourceLocation?; var cause: String }
        var order: [Key] = []
        var groups: [Key: Group] = [:]
        var households: [Key: Set<String>] = [:]
        for f in failures {
            let key = Key(rule: f.rule, location: f.error.location, cause: f.error.cause ?? f.error.message)
            if groups[key] == nil {
                order.append(key)
                groups[key] = Group(rule: f.rule, location: f.error.location, cause: key.cause, households: 0, subjects: 0, example: f)
            }
            groups[key]!.subjects += 1
            households[key, default: []].insert(f.household)
        }
        for key in order { groups[key]!.households = households[key]!.count }
        self.groups = order.map { groups[$0]! }.enumerated().sorted { a, b in
            a.element.households != b.element.households ? a.element.households > b.element.households : a.offset < b.offset
        }.map(\.element)
        failureCount = failures.count
    }

    /// The text for the terminal: a heading, then each cause once with its count and an example.
    public func text(limit: Int = 20) -> String {
        var text = "error: \(failureCount) rule evaluation(s) failed, for \(groups.count) distinct cause(s); the findings of those rules are incomplete:\n"
        for g in groups.prefix(limit) {
            let subjects = g.subjects == g.households ? "" : " (\(g.subjects) subjects)"
            let example = "household \(g.example.household)" + (g.example.subject.map { ", \($0)" } ?? "")
            text += "  rule \(g.rule): \(g.households) household(s)\(subjects), e.g. \(example)\n"
            text += "    \(g.location.map { "\($0): " } ?? "")\(g.cause)\n"
            if g.cause != g.example.error.message { text += "    e.g. \(g.example.error.message)\n" }
        }
        if groups.count > limit { text += "  … and \(groups.count - limit) more cause(s)\n" }
        return text
    }
}
