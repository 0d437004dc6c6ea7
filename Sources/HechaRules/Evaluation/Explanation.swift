import HechaCore

/// How one rule came out for one subject: the steps of the evaluation, in the order they were
/// computed, with the parameters used and the dates they were in force.
public struct Explanation: Sendable {
    /// The rule explained.
    public var rule: CompiledRule
    /// The 户编号 of the household it was evaluated for.
    public var household: String
    /// The member's normalised id, for a member rule.
    public var person: String?
    /// The 申请编号, for an application rule.
    public var application: String?
    /// Whether the condition held, i.e. the rule finds a lead for this subject.
    public var fired: Bool
    /// The exact amount in yuan, when the rule fired and has an amount.
    public var amount: Exact?
    /// The subject's own row, then the records the evaluation read.
    public var evidence: [SourceRef]
    /// The condition's steps, then the amount's.
    public var steps: [TraceEvent]
    /// Why the evaluation stopped, when it could not finish; the steps recorded until then are kept.
    public var error: EvaluationError?
    /// The decisive values (`show:`), as the finding carries them.
    public var details: [FindingDetail] = []
    /// Every parameterless `let:` value of the rule, in the order written.
    public var lets: [(name: String, value: Value)] = []
}

extension Evaluator {
    /// Re-evaluates one rule for one household (and one member or application of it) with tracing.
    /// Returns nil when the household, member or application is not in the roster.
    public func explain(ruleID: String, household: String, person: String?, application: String?,
                        roster: Roster, facts: FactStore) -> Explanation? {
        guard let rule = region.rules.first(where: { $0.id == ruleID }),
            let index = roster.index.householdByID[household]
        else { return nil }
        let views = ViewBuilder(catalog: region.catalog, roster: roster, facts: facts, data: region.data)
        let view = views.household(index)
        var frame = Frame(slotCount: rule.slotCount, household: view.value)
        frame.trace = Trace()
        var subject: SourceRef? = view.record.source
        switch rule.subject {
        case .household: break
        case .member:
            guard let m = view.members.first(where: { $0.record["id"] == .string(person ?? "") }) else { return nil }
            frame.member = .record(m.record)
            subject = m.record.source
        case .application:
            guard let id = region.data.applicationID,
                let a = view.applications.first(where: { $0[id] == .string(application ?? "") }) else { return nil }
            frame.application = .record(a)
            subject = a.source
        }
        var months: [Value] = []
        var m = region.auditFrom
        while m <= region.auditTo { months.append(.month(m)); m = m.adding(1) }
        let interpreter = Interpreter(context: EvaluationContext(asOf: region.asOf, auditFrom: region.auditFrom, auditTo: region.auditTo,
                                                                 auditMonths: .list(months), calendar: region.calendar))
        var fired = false
        var amount: Exact?
        var failure: EvaluationError?
        var details: [FindingDetail] = []
        var lets: [(name: String, value: Value)] = []
        do {
            fired = try interpreter.eval(rule.condition, &frame) == .bool(true)
            if fired, let a = rule.amount, case .number(let n) = try interpreter.eval(a, &frame) { amount = n }
        } catch {
            failure = error
        }
        // the shown and `let:` values are read without adding steps or evidence
        var quiet = frame
        quiet.trace = nil
        quiet.collecting = false
        for show in rule.shows {
            guard let v = try? interpreter.eval(show.term, &quiet) else { continue }
            details += DetailRendering.details(label: show.label, value: v, personal: show.personal)
        }
        for l in rule.letValues {
            lets.append((l.name, (try? interpreter.eval(l.term, &quiet)) ?? .unknown))
        }
        var e = Explanation(rule: rule, household: household, person: person, application: application, fired: fired,
                            amount: amount, evidence: Evaluator.evidence([subject], frame.evidence),
                            steps: frame.trace?.events ?? [], error: failure)
        e.details = details
        e.lets = lets
        return e
    }
}
