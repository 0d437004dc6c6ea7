import ArgumentParser
import Foundation
import HechaCore
import HechaHost
import HechaLedger
import HechaRules

/// The options every `hecha leads` command shares: which ledger, and the region whose ruleset
/// chain declares the dismiss reasons and the retention.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: "The lead ledger: a file, or postgresql://USER@HOST[:PORT]/DB (default: the region file's ledger, <folder>/<name>.ledger.sqlite).")
    var ledger: String?

    @Option(name: .long, help: "The region file (default: the shipped demo region, \(demoRegion)); its ruleset chain declares the dismiss reasons and the retention.")
    var region: String?

    @Option(name: .long, help: "The rulesets folder (default: found above the region file).")
    var rulesets: String?

    func regionFile() throws -> String {
        try RegionOptions.parse(region.map { ["--region", $0] } ?? []).regionFile()
    }

    /// The ledger file to use.
    func ledgerFile() throws -> String {
        if let ledger { return ledger }
        return LedgerStore.defaultPath(forRegionFile: try regionFile())
    }

    /// Opens the ledger; with `mustExist`, a missing file is an error rather than a new ledger.
    func open(mustExist: Bool = true) throws -> LedgerStore {
        let file = try ledgerFile()
        if mustExist && !LedgerStore.isServer(file) && !FileManager.default.fileExists(atPath: file) {
            throw fail(HostError(.configuration, .error("no lead ledger here yet", at: SourceLocation(file: file, line: 0),
                                                        hint: "`hecha run` creates it (or pass --ledger FILE)")), in: .english)
        }
        do {
            return try LedgerStore(path: file)
        } catch {
            throw fail(error, code: .configuration)
        }
    }

    /// The ledger settings of the region's ruleset chain.
    func settings() throws -> LedgerSettings {
        let file = try regionFile()
        do {
            let region = try RegionRun(registry: CommandConnectors.registry).validate(regionFile: file, rulesetsDirectory: rulesets)
            return try LedgerSettings.load(files: region.files)
        } catch let e as HostError {
            throw fail(e)
        } catch let e as DiagnosticList {
            throw fail(HostError(.configuration, e))
        } catch {
            throw fail(HostError(.configuration, .error("\(error)")), in: .english)
        }
    }
}

/// Now, as the ledger's events record it (ISO 8601, UTC).
func ledgerNow() -> String {
    let f = ISO8601DateFormatter()
    f.timeZone = TimeZone(identifier: "UTC")
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date())
}

/// Prints a ledger error and exits with the given code (the ledger's own messages are English).
func fail(_ error: LedgerError, code: HechaExitCode = .data) -> ExitCode {
    fail(HostError(code, error.diagnostic), in: .english)
}
