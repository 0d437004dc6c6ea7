import ArgumentParser
import Foundation
import HechaCore
import HechaHost
import HechaLedger
import HechaRules

struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "what-if",
        abstract: "Evaluate the region as configured and with changed parameters; per rule, the findings added and removed and how many the ledger holds as 属实 or 不属实. Writes nothing."
    )

    @OptionGroup var options: RegionOptions

    @Option(name: .customLong("set"), help: "A parameter and its value for the comparison, e.g. vehicle.min_price=50000 (repeatable).")
    var set: [String] = []

    @Option(name: .long, help: "The lead ledger: a file or postgresql://USER@HOST[:PORT]/DB (default: the region file's ledger, when it exists).")
    var ledger: String?

    func validate() throws {
        if set.isEmpty { throw ValidationError("give at least one --set name=value, e.g. --set vehicle.min_price=50000") }
        for s in set where ParameterOverride(assignment: s) == nil {
            throw ValidationError("--set '\(s)' is not name=value; e.g. --set vehicle.min_price=50000")
        }
    }

    func run() throws {
        let regionFile = try options.regionFile()
        let file = ledger ?? LedgerStore.defaultPath(forRegionFile: regionFile)
        var store: LedgerStore?
        if LedgerStore.isServer(file) || FileManager.default.fileExists(atPath: file) {
            do { store = try LedgerStore(path: file) } catch { throw fail(error, code: .configuration) }
        } else if ledger != nil {
            throw fail(HostError(.configuration, .error("no lead ledger here", at: SourceLocation(file: file, line: 0),
                                                        hint: "`hecha run --ledger \(file)` creates it")), in: .english)
        }
        let asOf = try options.day()
        do {
            let result = try WhatIf.run(RegionRun(registry: CommandConnectors.registry), regionFile: regionFile, asOf: asOf,
                                        rulesetsDirectory: options.rulesets, overrides: set.compactMap(ParameterOverride.init(assignment:)),
                                        ledger: store)
            print(result.text, terminator: "")
            if store == nil { print("(no ledger at \(file): the 属实 / 不属实 columns are 0)") }
        } catch {
            throw fail(error)
        }
    }
}
