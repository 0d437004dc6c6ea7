import ArgumentParser
import Foundation
import HechaCore
import HechaHost
import HechaLedger
import HechaReports

extension RunCommand {
    /// Whether a `--ledger` value names a shared PostgreSQL ledger rather than a file.
    static func isSharedLedger(_ value: String) -> Bool { LedgerStore.isServer(value) }

    /// Runs the regions of `list` (those of `--share`, when given) one after another, each into
    /// its own folder under `--out` (or `--out` itself for one region file given alone) with its
    /// own ledger, a failed region not stopping the others; then prints the summary and ends with
    /// the worst region's exit code.
    func runSeveral(_ list: RegionList) throws {
        if list.isSeveral, let ledger, !Self.isSharedLedger(ledger) {
            throw fail(HostError(.configuration, .error("--ledger \(ledger) is one file, but this run has several regions",
                                                        hint: "leave --ledger out (each region then has its own ledger beside its region file) or give a shared postgresql:// ledger")),
                       in: language, format: format)
        }
        let asOf = try options.day(language)
        let host = RegionRun(registry: CommandConnectors.registry)
        do {
            try host.checkCodes(list, asOf: asOf, rulesetsDirectory: options.rulesets)
        } catch {
            throw fail(error, in: language, format: format)
        }
        let regionShare = share.flatMap(RegionShare.init)
        let chosen = regionShare?.select(list) ?? list.entries
        var results: [RegionResult] = []
        for (n, entry) in chosen.enumerated() {
            let folder = list.isSeveral ? RegionList.joined(out, entry.name) : out
            if !quiet && format == .text {
                print(MessageCatalog.text("\n== Region \(n + 1) of \(chosen.count): \(entry.file) → \(folder)", in: language))
            }
            let ledgerFile = noLedger ? nil : ledger ?? LedgerStore.defaultPath(forRegionFile: entry.file)
            results.append(runRegion(entry, into: folder, asOf: asOf, ledger: ledgerFile, region: entry.name))
        }
        if !quiet {
            if format == .json {
                for r in results { print(DiagnosticRenderer.jsonLine(RegionResultRecord(r, language: language))) }
            } else {
                let text = RegionResultSummary.text(results, share: regionShare, total: list.entries.count)
                print(PrivacyMask.idsInText(MessageCatalog.text(text, in: language)), terminator: "")
            }
        }
        let worst = RegionResult.worst(results)
        if worst != .success { throw ExitCode(worst.rawValue) }
    }
}
