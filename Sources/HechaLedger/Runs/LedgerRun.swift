import Foundation
import HechaCore
import HechaReports
import HechaRules

/// One good run's changes to the ledger: new leads, leads found again (still open, overdue),
/// leads the data no longer gives (closed by the data), dismissed leads suppressed because their
/// evidence is unchanged or reopened because it changed.
///
/// All of it is one write transaction, and ``apply(to:publish:)`` commits it only after
/// `publish` (which swaps the output folder in) returns: a run that fails or is killed before
/// that leaves the ledger exactly as it was. No other run of the same region may be under way
/// against the ledger meanwhile (``LedgerDatabase/writeRun(region:_:)``); a run changes only the
/// leads of its own region, so several regions can share one ledger.
public struct LedgerRun: Sendable {
    /// What the run found, and where.
    public var findings: [Finding]
    /// Township and village of the findings' households.
    public var households: HouseholdDirectory
    /// The rules that ran, in order (their leads not found are closed by the data).
    public var rules: [String]
    /// The run's as-of date: leads' ages and deadlines count from it.
    public var asOf: Day
    /// The region code, and the ruleset chain's ledger settings.
    public var region: String
    /// The ruleset chain's ledger settings: days to verify, dismiss reasons, retention.
    public var settings: LedgerSettings
    /// Finding → evidence fingerprint.
    public var fingerprint: @Sendable (Finding) -> String
    /// The time stamp of the run's events (ISO 8601).
    public var at: String

    /// A run's changes, to be applied.
    public init(findings: [Finding], households: HouseholdDirectory, rules: [String], asOf: Day, region: String,
                settings: LedgerSettings, fingerprint: @escaping @Sendable (Finding) -> String, at: String) {
        self.findings = findings
        self.households = households
        self.rules = rules
        self.asOf = asOf
        self.region = region
        self.settings = settings
        self.fingerprint = fingerprint
        self.at = at
    }

    static let runner = "hecha run"

    /// Applies the run in one transaction, hands its figures to `publish`, and commits only if
    /// `publish` returns. An error of `publish` is rethrown as is, after the rollback.
    public func apply<E: Error>(to store: LedgerStore, publish: (LedgerRunFigures) throws(E) -> Void) throws -> LedgerRunFigures {
        var published: E?
        let figures: LedgerRunFigures
        do {
            figures = try store.database.writeRun(region: region) { db -> LedgerRunFigures in
                let f = try changes(db, file: store.path)
                do throws(E) {
                    try publish(f)
                } catch {
                    published = error
                    throw CancelledRun()
                }
                return f
            }
        } catch is CancelledRun {
            throw published!
        } catch let e as LedgerError {
            throw e
        } catch let error where store.database.isBusy(error) {
            throw LedgerError("\(store.path): error: the ledger is busy: another Hecha process (a run or an import) has been writing to it for more than \(store.database.waitSeconds) s, so this run of region \(region) cannot be recorded; hint: wait for it to finish, then run again")
        } catch {
            throw store.database.explain(error, doing: "write to")
        }
        return figures
    }

    /// The condition on a `leads` row that it belongs to the region given as the argument: the
    /// region of the run that first found it.
    static let ofRegion = "first_run IN (SELECT id FROM runs WHERE region = ?)"

    /// Thrown inside the transaction to roll it back when publishing failed.
    struct CancelledRun: Error {}

    func changes(_ db: any LedgerSQL, file: String) throws -> LedgerRunFigures {
        let day = asOf.description
        // the run's closed list of dismiss reasons, for those who change leads without the region (the workbench)
        let inserted: Int64? = try db.value("INSERT INTO runs (at, as_of, region, findings, dismiss_reasons) VALUES (?, ?, ?, ?, ?) RETURNING id",
                                            [at, day, region, findings.count, settings.dismissReasons.joined(separator: "\n")])
        guard let run = inserted else { throw LedgerError("\(file): error: the ledger gave no id for the new run") }
        var byRule: [String: LedgerRunFigures.Counts] = [:]
        var byTown: [String: LedgerRunFigures.Counts] = [:]
        func count(_ rule: String, _ town: String, _ change: (inout LedgerRunFigures.Counts) -> Void) {
            change(&byRule[rule, default: .init()])
            change(&byTown[town, default: .init()])
        }
        // the runs of this region, so that a lead another region first found is recognised
        var ownRuns = Set<Int64>(try db.values("SELECT id FROM runs WHERE region = ?", [region]))
        ownRuns.insert(run)
        var seen = Set<String>()
        for f in findings {
            let id = FindingID.of(f)
            guard seen.insert(id).inserted else { continue }
            let print = fingerprint(f)
            let amount = f.amount?.decimalString(places: 2)
            let town = households.town(of: f.household)
            let verifyBy = asOf.adding(days: settings.verifyDays(for: f.rule)).description
            guard let lead = try Lead.find(db, id: id) else {
                try db.execute("""
                    INSERT INTO leads (id, rule, household, person, application, township, village, first_run, last_run,
                                       first_seen, last_seen, present, status, amount, fingerprint, verify_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'open', ?, ?, ?)
                    """, [id, f.rule, f.household, f.person, f.application, town, households[f.household]?.village ?? "",
                                     run, run, day, day, amount, print, verifyBy])
                try LeadEvent.record(db, at: at, by: LedgerRun.runner, lead: id, kind: .found, from: nil, to: LeadStatus.open.rawValue, run: run)
                count(f.rule, town) { $0.new += 1 }
                continue
            }
            guard ownRuns.contains(lead.firstRun) else {
                // two regions' household ids (户编号) overlap in a shared ledger: following the lead
                // from this region would change the other region's lead
                let other: String? = try db.value("SELECT region FROM runs WHERE id = ?", [lead.firstRun])
                throw LedgerError("\(file): error: the \(f.rule) finding of household \(f.household) in region \(region) has the id of a lead of region \(other ?? "?") in this shared ledger (\(id)); their household ids overlap, so this run is not recorded; hint: give each region a ledger of its own (leave --ledger out), or make the household ids (户编号) unique across the regions that share one")
            }
            let reopen = (lead.status == .dismissed && lead.fingerprint != print) || (!lead.present && !lead.status.isClosed)
            if reopen {
                try db.execute("""
                    UPDATE leads SET status = 'open', present = 1, closed_at = NULL, reason = NULL, verify_by = ?, fingerprint = ?,
                                     amount = ?, last_run = ?, last_seen = ?, township = ? WHERE id = ?
                    """, [verifyBy, print, amount, run, day, town, id])
                let why = lead.status == .dismissed ? "the evidence changed since it was dismissed (\(lead.reason ?? "?"))" : "found again after the data had closed it"
                try LeadEvent.record(db, at: at, by: LedgerRun.runner, lead: id, kind: .reopened, from: lead.status.rawValue,
                                     to: LeadStatus.open.rawValue, note: why, run: run)
                count(f.rule, town) { $0.reopened += 1 }
                continue
            }
            if !lead.present {
                try LeadEvent.record(db, at: at, by: LedgerRun.runner, lead: id, kind: .reappeared, from: lead.status.rawValue,
                                     to: lead.status.rawValue, run: run)
            }
            // a dismissed lead keeps the fingerprint it was dismissed on; any other follows its evidence,
            // so that a later dismissal is judged against what the case worker last saw
            let keptPrint = lead.status == .dismissed ? lead.fingerprint : print
            try db.execute("UPDATE leads SET present = 1, amount = ?, fingerprint = ?, last_run = ?, last_seen = ? WHERE id = ?",
                           [amount, keptPrint, run, day, id])
            let changes = [lead.amount != amount ? "amount \(lead.amount ?? "none") → \(amount ?? "none")" : nil,
                           keptPrint != lead.fingerprint ? "evidence changed" : nil].compactMap { $0 }
            if !changes.isEmpty {
                try LeadEvent.record(db, at: at, by: LedgerRun.runner, lead: id, kind: .evidenceChanged, from: lead.status.rawValue,
                                     to: lead.status.rawValue, note: changes.joined(separator: "; "), run: run)
            }
            switch lead.status {
            case .open, .inProgress:
                let overdue = lead.isOverdue(on: day)
                count(f.rule, lead.township) { $0.stillOpen += 1; if overdue { $0.overdue += 1 } }
            case .dismissed:
                count(f.rule, lead.township) { $0.suppressed += 1 }
            case .confirmed, .unverifiable:
                break
            }
        }
        // leads of this region's rules that ran and were not found this time: the data closed them
        // (another region's leads in a shared ledger are not this run's to close)
        for lead in try Lead.fetch(db, "SELECT * FROM leads WHERE present = 1 AND \(LedgerRun.ofRegion)", [region])
        where !seen.contains(lead.id) && rules.contains(lead.rule) {
            let open = !lead.status.isClosed
            try db.execute("UPDATE leads SET present = 0, closed_at = COALESCE(closed_at, ?) WHERE id = ?", [day, lead.id])
            try LeadEvent.record(db, at: at, by: LedgerRun.runner, lead: lead.id, kind: .closedByData, from: lead.status.rawValue,
                                 to: lead.status.rawValue, note: "no longer found in the data", run: run)
            if open { count(lead.rule, lead.township) { $0.closedByData += 1 } }
        }
        let ruleOrder = rules + byRule.keys.filter { !rules.contains($0) }.sorted()
        var figures = LedgerRunFigures(file: file, run: run,
                                       byRule: ruleOrder.map { ($0, byRule[$0] ?? .init()) },
                                       byTownship: byTown.keys.sorted().map { ($0, byTown[$0]!) })
        // where each finding stands, and every rule's record so far in this region, for the report
        let leads = try Lead.fetch(db, "SELECT * FROM leads WHERE \(LedgerRun.ofRegion) ORDER BY rule, township, household, id", [region])
        for l in leads where seen.contains(l.id) {
            figures.standings[l.id] = .init(status: l.isOverdue(on: day) ? "\(l.status.label)（超期未核查）" : l.status.label, since: l.firstSeen)
        }
        figures.records = LeadStatistics(leads: leads, day: day).records
        return figures
    }
}
