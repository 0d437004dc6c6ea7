import HechaCore
import HechaLedger
import HechaReports
import HechaRules

/// `hecha what-if`: the region evaluated twice on one reading of its data — as configured and
/// with some parameters changed — and, per rule, the findings the change adds and removes, and
/// how many of those the ledger holds as confirmed (属实) or dismissed (不属实). Writes no output
/// folder and changes no ledger.
public struct WhatIf: Sendable {
    /// One rule's difference.
    public struct Row: Sendable, Equatable {
        /// The rule id.
        public var rule: String
        /// Its findings as configured, and with the change.
        public var before = 0
        /// Its findings with the change.
        public var after = 0
        /// Finding ids only the changed evaluation gives, and only the configured one.
        public var added: [String] = []
        /// Finding ids only the configured evaluation gives.
        public var removed: [String] = []
        /// Of the added and removed findings, how many the ledger holds as 属实 and as 不属实.
        public var addedConfirmed = 0
        /// Of the added findings, how many the ledger holds as 不属实.
        public var addedDismissed = 0
        /// Of the removed findings, how many the ledger holds as 属实.
        public var removedConfirmed = 0
        /// Of the removed findings, how many the ledger holds as 不属实.
        public var removedDismissed = 0
    }

    /// Every enabled rule, in ruleset order.
    public var rows: [Row]
    /// The changes compared.
    public var overrides: [ParameterOverride]

    /// Runs both evaluations; `ledger` (when given and present) tells the statuses.
    public static func run(_ host: RegionRun, regionFile: String, asOf: Day?, rulesetsDirectory: String?,
                           overrides: [ParameterOverride], ledger: LedgerStore?) throws(HostError) -> WhatIf {
        let base = try host.validate(regionFile: regionFile, asOf: asOf, rulesetsDirectory: rulesetsDirectory)
        var loader = RegionLoader(rulesetsDirectory: RulesetLocation.find(explicit: rulesetsDirectory, regionFile: regionFile),
                                  catalog: host.registry.factCatalog)
        loader.externalSpecs = ExternalSpecReader.provider
        let changed: LoadedRegion
        do {
            changed = try loader.load(regionPath: regionFile, asOf: asOf, overrides: overrides)
        } catch {
            throw HostError(.configuration, error)
        }
        let data = try host.read(base)
        let configured = Set(base.sources.map(\.id))
        let first = Evaluator(region: base).evaluate(roster: data.roster, facts: data.facts, configuredSources: configured)
        let second = Evaluator(region: changed).evaluate(roster: data.roster, facts: data.facts, configuredSources: configured)
        for e in [first, second] where !e.failures.isEmpty {
            throw HostError(.data, .error("\(e.failures.count) rule evaluation(s) failed, so the comparison would be wrong:\n"
                                          + e.failures.prefix(20).map { "  \($0)" }.joined(separator: "\n")))
        }
        var statuses: [String: LeadStatus] = [:]
        if let ledger {
            do {
                for l in try ledger.leads() { statuses[l.id] = l.status }
            } catch {
                throw HostError(.configuration, error.diagnostic)
            }
        }
        func ids(_ e: EvaluationResult, _ rule: String) -> Set<String> { Set(e.findings.filter { $0.rule == rule }.map(FindingID.of)) }
        var order = base.rules.map(\.id)
        for r in changed.rules.map(\.id) where !order.contains(r) { order.append(r) }
        let rows = order.map { rule in
            let a = ids(first, rule), b = ids(second, rule)
            var row = Row(rule: rule, before: a.count, after: b.count, added: b.subtracting(a).sorted(), removed: a.subtracting(b).sorted())
            row.addedConfirmed = row.added.filter { statuses[$0] == .confirmed }.count
            row.addedDismissed = row.added.filter { statuses[$0] == .dismissed }.count
            row.removedConfirmed = row.removed.filter { statuses[$0] == .confirmed }.count
            row.removedDismissed = row.removed.filter { statuses[$0] == .dismissed }.count
            return row
        }
        return WhatIf(rows: rows, overrides: overrides)
    }

    /// The comparison for the terminal: every rule the change touches, then a total.
    public var text: String {
        let changes = overrides.map { "\($0.name)=\($0.valueText)" }.joined(separator: ", ")
        let touched = rows.filter { !$0.added.isEmpty || !$0.removed.isEmpty }
        if touched.isEmpty { return "what if \(changes): no rule's findings change\n" }
        let table = touched.map { r in
            [r.rule, String(r.before), String(r.after), "+\(r.added.count)", String(r.addedConfirmed), String(r.addedDismissed),
             "-\(r.removed.count)", String(r.removedConfirmed), String(r.removedDismissed)]
        }
        return "what if \(changes):\n" + SummaryTable.render(
            header: ["rule", "findings now", "with the change", "added", "of which 属实", "of which 不属实", "removed", "of which 属实", "of which 不属实"],
            rows: table, rightAligned: Set(1...8))
    }
}
