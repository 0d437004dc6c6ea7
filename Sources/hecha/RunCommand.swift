import ArgumentParser
import Foundation
import HechaCore
import HechaHost
import HechaLedger
import HechaReports

/// The region file used when none is given: the shipped demo region.
let demoRegion = "rulesets/regions/demo.yaml"

struct RegionOptions: ParsableArguments {
    @Option(name: .long, help: "The region file (default: the shipped demo region, \(demoRegion)).")
    var region: String?

    @Option(name: .customLong("as-of"), help: "Evaluate at this date (YYYY-MM-DD) instead of the region file's as_of.")
    var asOf: String?

    @Option(name: .long, help: "The rulesets folder (default: found above the region file).")
    var rulesets: String?

    func regionFile() throws -> String {
        if let region { return region }
        guard FileManager.default.fileExists(atPath: demoRegion) else {
            throw ValidationError("no --region given and the demo region \(demoRegion) is not here; run from the project folder or pass --region FILE")
        }
        return demoRegion
    }

    func day() throws -> Day? {
        guard let asOf else { return nil }
        guard let d = Day(iso: asOf) else { throw ValidationError("--as-of '\(asOf)' is not a date; write YYYY-MM-DD") }
        return d
    }
}

/// Prints a host error on stderr (id numbers masked: the terminal is for people) and exits with its code.
func fail(_ error: HostError) -> ExitCode {
    printError(error.message)
    return ExitCode(error.code.rawValue)
}

/// Writes a message for people on stderr, with id numbers masked.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((PrivacyMask.idsInText(text) + (text.hasSuffix("\n") ? "" : "\n")).utf8))
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a region: read every source, apply every rule, write the report, the findings and the manifest."
    )

    @OptionGroup var options: RegionOptions

    @Option(name: .long, help: "The output folder: report.html, findings.csv, by-township/, findings.jsonl, rejects/, manifest.json. Replaced as a whole when the run succeeds.")
    var out: String = "out"

    @Option(name: .long, help: "The language of report.html: zh (中文) or en.")
    var lang: String = "zh"

    @Option(name: .long, help: "The lead ledger that follows every lead across runs (default: <region file's folder>/<region file name>.ledger.sqlite).")
    var ledger: String?

    @Flag(name: .customLong("no-ledger"), help: "Run without a lead ledger: every finding is listed as if new, nothing is recorded.")
    var noLedger = false

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    @Flag(name: .long, help: "Also show every input file read and timings.")
    var verbose = false

    @Flag(name: .long, help: "Print the time each stage took (roster, each source, evaluation, writing) on stderr.")
    var timings = false

    func validate() throws {
        guard ReportLanguage(rawValue: lang) != nil else { throw ValidationError("--lang '\(lang)' is not known; use zh or en") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
        if noLedger && ledger != nil { throw ValidationError("--ledger and --no-ledger cannot be used together") }
    }

    func run() throws {
        let regionFile = try options.regionFile()
        let request = RunRequest(regionFile: regionFile, outputDirectory: out, asOf: try options.day(),
                                 rulesetsDirectory: options.rulesets, language: ReportLanguage(rawValue: lang) ?? .chinese,
                                 ledgerFile: noLedger ? nil : ledger ?? LedgerStore.defaultPath(forRegionFile: regionFile))
        let display = ProgressDisplay(level: quiet ? .quiet : verbose ? .verbose : .normal)
        let outcome: RunOutcome
        do {
            outcome = try RegionRun(registry: .known).run(request, progress: display.show)
        } catch {
            throw fail(error)
        }
        if !quiet { print(RunSummary.text(outcome), terminator: "") }
        if timings || verbose {
            var text = "stage timings (wall clock; resident memory when the stage ended):\n"
            for t in outcome.timings {
                text += "  " + t.stage.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%9.3f s", t.seconds)
                if let bytes = t.residentBytes { text += String(format: "%9.0f MiB", Double(bytes) / 1_048_576) }
                text += "\n"
            }
            FileHandle.standardError.write(Data(text.utf8))
        }
        if !outcome.evaluation.failures.isEmpty {
            let f = outcome.evaluation.failures
            var text = "error: \(f.count) rule evaluation(s) failed; the findings of those rules are incomplete:\n"
            for x in f.prefix(20) { text += "  \(x)\n" }
            if f.count > 20 { text += "  … and \(f.count - 20) more\n" }
            text += "the output folder \(out) was left as it was; this run's incomplete outputs are in \(outcome.outputDirectory)\n"
            printError(text)
            throw ExitCode(HechaExitCode.data.rawValue)
        }
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a region file and its ruleset chain (parameters, rules, calendar, sources) without reading data."
    )

    @OptionGroup var options: RegionOptions

    func run() throws {
        let file = try options.regionFile()
        let asOf = try options.day()
        do {
            let region = try RegionRun(registry: .known).validate(regionFile: file, asOf: asOf, rulesetsDirectory: options.rulesets)
            print("\(file): ok — \(region.rules.count) rules enabled, \(region.disabled.count) disabled, \(region.sources.count) sources, as of \(region.asOf)")
        } catch {
            throw fail(error)
        }
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules a region runs, with the sources and parameters each one uses."
    )

    @OptionGroup var options: RegionOptions

    func run() throws {
        let file = try options.regionFile()
        let asOf = try options.day()
        let region: LoadedRegionSummary
        do {
            region = LoadedRegionSummary(try RegionRun(registry: .known).validate(regionFile: file, asOf: asOf, rulesetsDirectory: options.rulesets))
        } catch {
            throw fail(error)
        }
        print(region.text, terminator: "")
    }
}
