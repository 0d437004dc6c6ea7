import ArgumentParser
import Foundation
import HechaCore
import HechaHost
import HechaLedger
import HechaReports
import HechaRules

/// Prints a host error's diagnostics on stderr in `language` and `format` and exits with its code.
func fail(_ error: HostError, in language: MessageLanguage = .chinese, format: DiagnosticFormat = .text) -> ExitCode {
    report(error.diagnostics, in: language, format: format)
    return ExitCode(error.code.rawValue)
}

/// Prints diagnostics, the one place the command line does: as text or JSON Lines, translated into
/// `language`, on stderr (or, for `lint` and `test`, stdout along with their other lines), id
/// numbers masked unless told otherwise.
/// In a run of several regions, each JSON record is marked with its `region`.
func report(_ diagnostics: [Diagnostic], in language: MessageLanguage = .chinese, format: DiagnosticFormat = .text,
            toStandardOutput: Bool = false, masksIDs: Bool = true, region: String? = nil) {
    if diagnostics.isEmpty { return }
    let text = DiagnosticRenderer(format: format, language: language, masksIDs: masksIDs, region: region).render(diagnostics)
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

    @Option(name: .long, help: "The output folder: report.html, findings.csv, by-township/, findings.jsonl, rejects/, manifest.json. Replaced as a whole when the run succeeds. With several regions (several --region, or a folder of region files) the parent folder: each region's outputs go to <out>/<region file name without .yaml>/.")
    var out: String = "out"

    @Option(name: .long, help: "The language of report.html and of the messages: zh (中文) or en.")
    var lang: String = "zh"

    @Option(name: .long, help: "The lead ledger that follows every lead across runs (default: <region file's folder>/<region file name>.ledger.sqlite, one for each region). With several regions only a shared postgresql:// ledger.")
    var ledger: String?

    @Flag(name: .customLong("no-ledger"), help: "Run without a lead ledger: every finding is listed as if new, nothing is recorded.")
    var noLedger = false

    @Option(name: .long, help: "Run only share K of N (e.g. 2/5) of the regions: N machines given the same folder each run theirs. A region falls to share hash(region file name) mod N + 1, so adding a region moves no other; see docs/regions.md.")
    var share: String?

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    @Flag(name: .long, help: "Also show every input file read and timings.")
    var verbose = false

    @Flag(name: .long, help: "Print the time each stage took (roster, each source, evaluation, writing) on stderr.")
    var timings = false

    @Option(name: .long, help: "How many threads to use at most (sources read at once, pieces of one large export, households evaluated at once); default: one a core.")
    var threads: Int?

    @Option(name: .long, help: "How errors and warnings are printed on stderr: text, or json (one JSON object per line, no progress lines; with several regions each marked with its region, and a line per region on stdout at the end).")
    var format: DiagnosticFormat = .text

    func validate() throws {
        guard ReportLanguage(rawValue: lang) != nil else { throw ValidationError(in: .chinese, "--lang '\(lang)' is not known; use zh or en") }
        if quiet && verbose { throw ValidationError(in: language, "--quiet and --verbose cannot be used together") }
        if noLedger && ledger != nil { throw ValidationError(in: language, "--ledger and --no-ledger cannot be used together") }
        if let threads, threads < 1 { throw ValidationError(in: language, "--threads must be 1 or more") }
        if let share, RegionShare(share) == nil {
            throw ValidationError(in: language, "--share '\(share)' is not a share; write K/N with 1 ≤ K ≤ N, e.g. 2/5")
        }
    }

    /// The language of the messages, the same as the report's.
    var language: MessageLanguage { MessageLanguage(rawValue: lang) ?? .chinese }

    func run() throws {
        let list: RegionList
        do {
            list = try RegionList.expand(try options.regionArguments(language))
        } catch let error as HostError {
            throw fail(error, in: language, format: format)
        }
        if list.isSeveral || share != nil {
            try runSeveral(list)
            return
        }
        let regionFile = list.entries[0].file
        let result = runRegion(list.entries[0], into: out, asOf: try options.day(language),
                               ledger: noLedger ? nil : ledger ?? LedgerStore.defaultPath(forRegionFile: regionFile))
        if result.code != .success { throw ExitCode(result.code.rawValue) }
    }

    /// Runs one region into `folder`, printing its messages and summary; what became of it.
    /// `region` marks its JSON diagnostics in a run of several.
    func runRegion(_ entry: RegionList.Entry, into folder: String, asOf: Day?, ledger: String?, region: String? = nil) -> RegionResult {
        var request = RunRequest(regionFile: entry.file, outputDirectory: folder, asOf: asOf,
                                 rulesetsDirectory: options.rulesets, language: ReportLanguage(rawValue: lang) ?? .chinese,
                                 ledgerFile: ledger)
        // the process exits after its runs: the operating system takes the data back at once
        request.keepsDataUntilExit = true
        request.threads = threads
        let display = ProgressDisplay(level: quiet || format == .json ? .quiet : verbose ? .verbose : .normal, language: language)
        let outcome: RunOutcome
        do {
            outcome = try RegionRun(registry: CommandConnectors.registry).run(request, progress: display.show)
        } catch {
            report(error.diagnostics, in: language, format: format, region: region)
            return RegionResult(entry: entry, outputDirectory: folder, code: error.code,
                                firstError: error.diagnostics.first { $0.severity == .error } ?? error.diagnostics.first)
        }
        report(outcome.region.warnings, in: language, format: format, region: region)
        // with several regions, --format json keeps stdout for the one line per region at the end
        if !quiet && !(region != nil && format == .json) {
            print(MessageCatalog.text(RunSummary.text(outcome), in: language), terminator: "")
        }
        if timings || verbose {
            var text = "stage timings (wall clock; resident memory when the stage ended; what the roster and the facts hold):\n"
            for t in outcome.timings {
                text += "  " + t.stage.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%9.3f s", t.seconds)
                if let bytes = t.residentBytes { text += String(format: "%9.0f MiB", Double(bytes) / 1_048_576) }
                if let bytes = t.heldBytes { text += String(format: "%9.0f MiB", Double(bytes) / 1_048_576) }
                text += "\n"
            }
            FileHandle.standardError.write(Data(MessageCatalog.text(text, in: language).utf8))
        }
        if !outcome.evaluation.failures.isEmpty {
            let summary = FailureSummary(outcome.evaluation.failures)
            let kept = "the output folder \(folder) was left as it was; this run's incomplete outputs are in \(outcome.outputDirectory)"
            if format == .json {
                report(summary.diagnostics() + [Diagnostic(.note, kept)], in: language, format: format, region: region)
            } else {
                var text = summary.text()
                if !text.hasSuffix("\n") { text += "\n" }
                printError(text + kept + "\n", in: language)
            }
            return RegionResult(entry: entry, outputDirectory: folder, code: .data, firstError: summary.diagnostics().first,
                                findings: outcome.evaluation.findings.count)
        }
        return RegionResult(entry: entry, outputDirectory: folder, code: .success, findings: outcome.evaluation.findings.count)
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
