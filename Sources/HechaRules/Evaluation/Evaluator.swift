import Foundation
import Dispatch
import HechaCore
import Synchronization

/// A rule that could not run for one subject (a parameter with no value in force, a date outside
/// the calendar): reported, never silently treated as "no finding".
public struct EvaluationFailure: Sendable, CustomStringConvertible {
    /// The id of the rule that failed.
    public var rule: String
    /// The 户编号 of the household it was evaluated for.
    public var household: String
    /// The member (`member <id>`) or application (`application <id>`) it was evaluated for; `nil` for a household rule.
    public var subject: String?
    /// What went wrong, with the place in the ruleset.
    public var error: EvaluationError
    /// `rule R, household H[, subject]: error`, for logs and messages.
    public var description: String {
        "rule \(rule), household \(household)\(subject.map { ", \($0)" } ?? ""): \(error)"
    }
}

/// A rule that was not run, and why.
public struct SkippedRule: Sendable {
    /// The id of the rule not run.
    public var rule: String
    /// The connector ids the rule reads facts of that the region does not configure, sorted.
    public var missingSources: [String]
    /// Why the rule was not run, in English, naming those sources.
    public var reason: String
}

/// What an evaluation produced.
public struct EvaluationResult: Sendable {
    /// In `Finding.ordered` order.
    public var findings: [Finding]
    /// The rules not run because a source they need is not configured.
    public var skipped: [SkippedRule]
    /// Each rule and subject that could not be fully evaluated: a condition that failed, or an amount unknown or too large.
    public var failures: [EvaluationFailure]
    /// The rules that ran.
    public var ran: [String]
}

/// Applies every enabled rule to every household of the roster, in parallel across cores.
/// The evaluator knows connectors only through the fact collections in the `FactStore`.
public struct Evaluator: Sendable {
    /// The loaded region: its rules, parameters, audit window, calendar and fact catalog.
    public let region: LoadedRegion

    /// An evaluator of the rules of `region`.
    public init(region: LoadedRegion) { self.region = region }

    /// - Parameters:
    ///   - configuredSources: the connector ids the region configured; a rule that reads facts of
    ///     any other source is skipped and reported.
    ///   - threads: how many threads evaluate households at once (nil: one a core).
    public func evaluate(roster: Roster, facts: FactStore, configuredSources: Set<String>, threads: Int? = nil) -> EvaluationResult {
        // compiling a rule recurses once per level of its expression: on a large stack (see LargeStack)
        LargeStack.run { evaluateOnThisThread(roster: roster, facts: facts, configuredSources: configuredSources, threads: threads) }
    }

    private func evaluateOnThisThread(roster: Roster, facts: FactStore, configuredSources: Set<String>, threads: Int?) -> EvaluationResult {
        var skipped: [SkippedRule] = []
        var rules: [CompiledRule] = []
        for rule in region.rules {
            let missing = rule.sources.subtracting(configuredSources).sorted()
            if missing.isEmpty {
                rules.append(rule)
            } else {
                skipped.append(SkippedRule(rule: rule.id, missingSources: missing,
                                           reason: "needs source(s) \(missing.joined(separator: ", ")), which the region does not configure"))
            }
        }
        let views = ViewBuilder(catalog: region.catalog, roster: roster, facts: facts, data: region.data,
                                reading: rules.reduce(into: Set<String>()) { $0.formUnion($1.fields) })
        var months: [Value] = []
        var m = region.auditFrom
        while m <= region.auditTo { months.append(.month(m)); m = m.adding(1) }
        let context = EvaluationContext(asOf: region.asOf, auditFrom: region.auditFrom, auditTo: region.auditTo,
                                        auditMonths: .list(months), calendar: region.calendar)
        let interpreter = Interpreter(context: context)
        let enabled = rules.map { RuleProgram($0, interpreter: interpreter) }

        let count = roster.households.count
        let chunk = max(1, min(512, count / 64 + 1))
        let chunks = (count + chunk - 1) / chunk
        let results = Mutex<[(Int, [Finding], [EvaluationFailure])]>([])
        LargeStack.concurrentPerform(iterations: chunks, workers: threads) { c in
            var found: [Finding] = []
            var failures: [EvaluationFailure] = []
            let lo = c * chunk, hi = min(count, lo + chunk)
            let shared = SharedValues()
            for i in lo..<hi {
                let household = views.household(i)
                shared.reset()
                for rule in enabled {
                    Evaluator.run(rule, household: household, shared: shared, interpreter: interpreter, into: &found, failures: &failures)
                }
            }
            results.withLock { $0.append((c, found, failures)) }
        }
        let parts = results.withLock { $0 }.sorted { $0.0 < $1.0 }
        var findings = parts.flatMap(\.1)
        findings.sort(by: Finding.ordered)
        return EvaluationResult(findings: findings, skipped: skipped, failures: parts.flatMap(\.2), ran: rules.map(\.id))
    }

    static func run(_ rule: RuleProgram, household: HouseholdView, shared: SharedValues, interpreter: Interpreter,
                    into found: inout [Finding], failures: inout [EvaluationFailure]) {
        // A subject is first evaluated without collecting evidence; only when the condition holds is
        // it evaluated again, collecting the evidence, and its amount computed.
        func attempt(_ makeFrame: () -> Frame, subject: @autoclosure () -> String?) -> Fired? {
            do throws(EvaluationError) {
                var quick = makeFrame()
                quick.collecting = false
                guard case .bool(true) = try rule.condition(&quick) else { return nil }
                var frame = makeFrame()
                guard case .bool(true) = try rule.condition(&frame) else {
                    throw EvaluationError(message: "the condition gave different results when evaluated again", location: rule.definedAt)
                }
                var fired = Fired(evidence: [])
                if let amountTerm = rule.amount {
                    switch try amountTerm(&frame) {
                    case .number(let n) where Evaluator.abs(n) < Evaluator.largestAmount:
                        fired.amount = n
                    case .number(let n):
                        failures.append(EvaluationFailure(rule: rule.id, household: household.id, subject: subject(),
                                                          error: EvaluationError(message: "the amount \(n) is too large to be a sum of money (the limit is 10^15)",
                                                                                 location: rule.definedAt,
                                                                                 cause: "the amount is too large to be a sum of money (the limit is 10^15); check what the amount multiplies")))
                    default:
                        failures.append(EvaluationFailure(rule: rule.id, household: household.id, subject: subject(),
                                                          error: EvaluationError(message: "the amount is unknown (a value it needs is missing)", location: rule.definedAt)))
                    }
                }
                fired.evidence = frame.evidence
                // the decisive values are read without adding to the evidence
                var shown = frame
                shown.collecting = false
                for show in rule.shows {
                    fired.details += DetailRendering.details(label: show.label, value: try show.code(&shown), personal: show.personal)
                }
                if let c = rule.concerned, case .string(let id) = try c(&shown) { fired.concerned = id }
                return fired
            } catch {
                failures.append(EvaluationFailure(rule: rule.id, household: household.id, subject: subject(), error: error))
                return nil
            }
        }
        /// A fresh frame for one subject of the rule.
        func frame(member: Value = .unknown, application: Value = .unknown) -> Frame {
            var frame = Frame(slotCount: rule.slotCount, household: household.value)
            frame.shared = shared
            frame.member = member
            frame.application = application
            return frame
        }
        switch rule.subject {
        case .household:
            if let r = attempt({ frame() }, subject: nil) {
                found.append(r.finding(rule.id, household.id, evidence: evidence([household.record.source], r.evidence)))
            }
        case .member:
            for (pid, member) in household.memberSubjects {
                if let r = attempt({ frame(member: .record(member.record)) }, subject: "member \(pid)") {
                    found.append(r.finding(rule.id, household.id, person: pid, evidence: evidence([member.record.source], r.evidence)))
                }
            }
        case .application:
            for (aid, app) in household.applicationSubjects {
                if let r = attempt({ frame(application: .record(app)) }, subject: "application \(aid)") {
                    found.append(r.finding(rule.id, household.id, application: aid, evidence: evidence([app.source], r.evidence)))
                }
            }
        }
    }

    /// The subject's own row first, then the facts, each once, in source order.
    static func evidence(_ subject: [SourceRef?], _ facts: [SourceRef]) -> [SourceRef] {
        var out: [SourceRef] = subject.compactMap { $0 }
        var seen = Set(out)
        for s in facts.sorted() where seen.insert(s).inserted { out.append(s) }
        return out
    }
}

/// What a subject that fired gives: its amount, evidence and decisive values.
struct Fired {
    var amount: Exact?
    var evidence: [SourceRef]
    var details: [FindingDetail] = []
    var concerned: String?

    func finding(_ rule: String, _ household: String, person: String? = nil, application: String? = nil,
                 evidence: [SourceRef]) -> Finding {
        var f = Finding(rule: rule, household: household, person: person, application: application, amount: amount, evidence: evidence)
        f.details = details
        f.concerned = concerned
        return f
    }
}

extension Evaluator {
    /// Amounts at or above this, in magnitude, are failures rather than findings: no payment is
    /// that large, and the report's totals of many findings must stay far from overflowing.
    static let largestAmount = Exact(1_000_000_000_000_000)

    static func abs(_ x: Exact) -> Exact { x.isNegative ? -x : x }
}

/// What the hot loop needs of a rule: its condition and amount compiled to ``Code``, behind one
/// reference (copying a `CompiledRule` for every household would retain and release each of its
/// strings and sets).
final class RuleProgram: Sendable {
    let id: String
    let subject: Subject
    let condition: Code
    let amount: Code?
    /// The `show:` values, compiled.
    let shows: [(label: String, code: Code, personal: Bool)]
    let concerned: Code?
    let slotCount: Int
    let definedAt: SourceLocation

    init(_ rule: CompiledRule, interpreter: Interpreter) {
        id = rule.id
        subject = rule.subject
        condition = interpreter.compile(rule.condition)
        amount = rule.amount.map(interpreter.compile)
        shows = rule.shows.map { ($0.label, interpreter.compile($0.term), $0.personal) }
        concerned = rule.concerned.map(interpreter.compile)
        slotCount = rule.slotCount
        definedAt = rule.definedAt
    }
}
