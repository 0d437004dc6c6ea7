import ConnectorKit
import Foundation
import HechaCore
import HechaLedger
import HechaReports
import HechaRules

/// The ledger's part in `hecha run --ledger FILE`: opened (and its schema checked) before any data
/// is read, so a wrong ledger fails fast; applied after the evaluation in one transaction that is
/// committed only once the output folder is swapped in.
struct LedgerRunStep {
    let store: LedgerStore
    let settings: LedgerSettings

    /// Opens the ledger of a run and reads the ruleset chain's ledger settings; nil without a ledger.
    static func open(_ file: String?, region: LoadedRegion) throws(HostError) -> LedgerRunStep? {
        guard let file else { return nil }
        let settings: LedgerSettings
        do {
            settings = try LedgerSettings.load(files: region.files)
        } catch {
            throw HostError(.configuration, error)
        }
        do {
            return LedgerRunStep(store: try LedgerStore(path: file), settings: settings)
        } catch {
            throw HostError(.configuration, error.diagnostic)
        }
    }

    /// Applies the run to the ledger, calls `publish` with its figures inside the transaction, and
    /// commits only when `publish` returns.
    func apply(host: RegionRun, region: LoadedRegion, data: RegionData, evaluation: EvaluationResult, households: HouseholdDirectory,
               at: String, publish: (LedgerRunFigures) throws(HostError) -> Void) throws(HostError) -> LedgerRunFigures {
        let rosterSource = region.sources.first { host.registry.connector(id: $0.id) is any RosterConnector.Type }?.id
        let fingerprint = EvidenceFingerprint(roster: data.roster, facts: data.facts, catalog: region.catalog, rosterSource: rosterSource)
        let run = LedgerRun(findings: evaluation.findings, households: households, rules: Array(evaluation.ran), asOf: region.asOf,
                            region: region.code, settings: settings, fingerprint: { fingerprint.of($0) }, at: at)
        do {
            return try run.apply(to: store, publish: publish)
        } catch let e as HostError {
            throw e
        } catch let e as LedgerError {
            throw HostError(.output, [e.diagnostic, Diagnostic(.note, "the ledger was left as it was before this run",
                                                                hint: "run again once the ledger can be written")])
        } catch {
            throw HostError(.output, .error("\(error)", at: SourceLocation(file: store.path, line: 0)))
        }
    }
}
