import ArgumentParser
import Foundation
import HechaCore
import HechaHost
import HechaLedger
import HechaReports
import HechaRules

/// The region file used when none is given: the shipped demo region.
let demoRegion = "rulesets/regions/demo.yaml"

struct RegionOptions: ParsableArguments {
    @Option(name: .long, help: "The region file (default: the shipped demo region, \(demoRegion)).")
    var region: String?

    @Option(name: .customLong("as-of"), help: "Evaluate at this date (YYYY-MM-DD) instead of the region file's as_of.")
    var asOf: String?

    @Option(name: .long, help: "The rulesets folder (default: found above the region file).")
    var rulesets: String?

    func regionFile(_ language: MessageLanguage = .chinese) throws -> String {
        if let region { return region }
        guard FileManager.default.fileExists(atPath: demoRegion) else {
            throw ValidationError(in: language, "no --region given and the demo region \(demoRegion) is not here; run from the project folder or pass --region FILE")
        }
        return demoRegion
    }

    func day(_ language: MessageLanguage = .chinese) throws -> Day? {
        guard let asOf else { return nil }
        guard let d = Day(iso: asOf) else { throw ValidationError(in: language, "--as-of '\(asOf)' is not a date; write YYYY-MM-DD") }
        return d
    }
}

/// Prints a host error's diagnostics on stderr in `language` and `format` and exits with its code.
func fail(_ error: HostError, in language: MessageLanguage = .chinese, format: DiagnosticFormat = .text) -> ExitCode {
    report(error.diagnostics, in: language, format: format)
    return ExitCode(error.code.rawValue)
}

/// Prints diagnostics, the one place the command line does: as text or JSON Lines, translated into
/// `language`, on stderr (or, for `lint` and `test`, stdout along with their other lines), id
/// numbers masked unless told otherwise.
func report(_ diagnostics: [Diagnostic], in language: MessageLanguage = .chinese, format: DiagnosticFormat = .text,
            toStandardOutput: Bool = false, masksIDs: Bool = true) {
    if diagnostics.isEmpty { return }
    let text = DiagnosticRenderer(format: format, language: language, masksIDs: masksIDs).render(diagnostics)
    if toStandardOutput {
        print(text, terminator: "")
    } else {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Writes a message for people on stderr in `language`, with id numbers masked.
func printError(_ english: String, in language: MessageLanguage = .chinese) {
    let text = MessageCatalog.text(english, in: language)
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

    @Option(name: .long, help: "The language of report.html and of the messages: zh (中文) or en.")
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

    @Option(name: .long, help: "How errors and warnings are printed on stderr: text, or json (one JSON object per line, no progress lines).")
    var format: DiagnosticFormat = .text

    func validate() throws {
        guard ReportLanguage(rawValue: lang) != nil else { throw ValidationError(in: .chinese, "--lang '\(lang)' is not known; use zh or en") }
        if quiet && verbose { throw ValidationError(in: language, "--quiet and --verbose cannot be used together") }
        if noLedger && ledger != nil { throw ValidationError(in: language, "--ledger and --no-ledger cannot be used together") }
    }

    /// The language of the messages, the same as the report's.
    var language: MessageLanguage { MessageLanguage(rawValue: lang) ?? .chinese }

    func run() throws {
        let regionFile = try options.regionFile(language)
        let request = RunRequest(regionFile: regionFile, outputDirectory: out, asOf: try options.day(language),
                                 rulesetsDirectory: options.rulesets, language: ReportLanguage(rawValue: lang) ?? .chinese,
                                 ledgerFile: noLedger ? nil : ledger ?? LedgerStore.defaultPath(forRegionFile: regionFile))
        let display = ProgressDisplay(level: quiet || format == .json ? .quiet : verbose ? .verbose : .normal, language: language)
        let outcome: RunOutcome
        do {
            outcome = try RegionRun(registry: CommandConnectors.registry).run(request, progress: display.show)
        } catch {
            throw fail(error, in: language, format: format)
        }
        report(outcome.region.warnings, in: language, format: format)
        if !quiet { print(MessageCatalog.text(RunSummary.text(outcome), in: language), terminator: "") }
        if timings || verbose {
            var text = "stage timings (wall clock; resident memory when the stage ended):\n"
            for t in outcome.timings {
                text += "  " + t.stage.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%9.3f s", t.seconds)
                if let bytes = t.residentBytes { text += String(format: "%9.0f MiB", Double(bytes) / 1_048_576) }
                text += "\n"
            }
            FileHandle.standardError.write(Data(MessageCatalog.text(text, in: language).utf8))
        }
        if !outcome.evaluation.failures.isEmpty {
            let summary = FailureSummary(outcome.evaluation.failures)
            let kept = "the output folder \(out) was left as it was; this run's incomplete outputs are in \(outcome.outputDirectory)"
            if format == .json {
                report(summary.diagnostics() + [Diagnostic(.note, kept)], in: language, format: format)
            } else {
                var text = summary.text()
                if !text.hasSuffix("\n") { text += "\n" }
                printError(text + kept + "\n", in: language)
            }
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
    @OptionGroup var messages: MessageOptions

    func run() throws {
        let language = messages.language
        let file = try options.regionFile(language)
        let asOf = try options.day(language)
        do {
            let region = try RegionRun(registry: CommandConnectors.registry).validate(regionFile: file, asOf: asOf, rulesetsDirectory: options.rulesets)
            report(region.warnings, in: language)
            print(MessageCatalog.text("\(file): ok — \(region.rules.count) rules enabled, \(region.disabled.count) disabled, \(region.sources.count) sources, as of \(region.asOf)", in: language))
        } catch {
            throw fail(error, in: language)
        }
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules a region runs, with the sources and parameters each one uses."
    )

    @OptionGroup var options: RegionOptions
    @OptionGroup var messages: MessageOptions

    func run() throws {
        let language = messages.language
        let file = try options.regionFile(language)
        let asOf = try options.day(language)
        let region: LoadedRegionSummary
        do {
            region = LoadedRegionSummary(try RegionRun(registry: CommandConnectors.registry).validate(regionFile: file, asOf: asOf, rulesetsDirectory: options.rulesets))
        } catch {
            throw fail(error, in: language)
        }
        print(region.text, terminator: "")
    }
}
