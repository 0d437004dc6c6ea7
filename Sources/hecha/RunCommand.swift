import ArgumentParser
import Foundation
import HechaCore
import HechaHost

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

/// Prints a host error on stderr and exits with its code.
func fail(_ error: HostError) -> ExitCode {
    FileHandle.standardError.write(Data((error.message + "\n").utf8))
    return ExitCode(error.code.rawValue)
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a region: read every source, apply every rule, write the findings."
    )

    @OptionGroup var options: RegionOptions

    @Option(name: .long, help: "The output folder (findings.jsonl is written there).")
    var out: String = "out"

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    @Flag(name: .long, help: "Print the time each stage took (roster, each source, evaluation, writing) on stderr.")
    var timings = false

    func run() throws {
        let request = RunRequest(regionFile: try options.regionFile(), outputDirectory: out, asOf: try options.day(),
                                 rulesetsDirectory: options.rulesets)
        let outcome: RunOutcome
        do {
            outcome = try RegionRun(registry: .known).run(request)
        } catch {
            throw fail(error)
        }
        if !quiet { print(RunSummary.text(outcome), terminator: "") }
        if timings {
            var text = "stage timings (wall clock):\n"
            for t in outcome.timings { text += "  " + t.stage.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%9.3f s\n", t.seconds) }
            FileHandle.standardError.write(Data(text.utf8))
        }
        if !outcome.evaluation.failures.isEmpty {
            let f = outcome.evaluation.failures
            var text = "error: \(f.count) rule evaluation(s) failed; the findings of those rules are incomplete:\n"
            for x in f.prefix(20) { text += "  \(x)\n" }
            if f.count > 20 { text += "  … and \(f.count - 20) more\n" }
            FileHandle.standardError.write(Data(text.utf8))
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
