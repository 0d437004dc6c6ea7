import ArgumentParser
import Foundation
import HechaCore
import HechaHost
import HechaReports

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how a finding came about: the rule, the parameters in force, every step, the records."
    )

    @Argument(help: "The finding's id (the `id` of findings.jsonl), or a unique prefix of it.")
    var findingID: String

    @Option(name: .long, help: "The output folder of the run that produced the finding.")
    var out: String = "out"

    @Option(name: .customLong("region"), help: "The region file (default: the one the run's manifest names).")
    var regions: [String] = []

    @Option(name: .long, help: "The rulesets folder (default: found above the region file).")
    var rulesets: String?

    @Option(name: .long, help: "text (masked ids, for people) or json (full ids, for tools; errors as JSON Lines on stderr).")
    var format: String = "text"

    @Option(name: .long, help: "zh or en.")
    var lang: String = "zh"

    func validate() throws {
        guard ["zh", "en"].contains(lang) else { throw ValidationError(in: .chinese, "--lang is zh or en") }
        guard ["text", "json"].contains(format) else { throw ValidationError(in: language, "--format is text or json") }
    }

    /// The language of the messages, the same as the explanation's.
    var language: MessageLanguage { MessageLanguage(rawValue: lang) ?? .chinese
    }

    func run() throws {
        let region = try RegionOptions.one(regions, language)
        let found: FindingExplanation
        do {
            found = try RegionRun(registry: CommandConnectors.registry).explain(
                ExplainRequest(findingID: findingID, outputDirectory: out, regionFile: region, rulesetsDirectory: rulesets))
        } catch {
            throw fail(error, in: language, format: format == "json" ? .json : .text)
        }
        let context = ExplanationReport.Context(findingID: found.findingID, town: found.household?.town,
                                                headName: found.household?.headName, warnings: found.warnings)
        if format == "json" {
            print(ExplanationReport.json(found.explanation, context), terminator: "")
        } else {
            print(ExplanationReport.text(found.explanation, context, language: lang == "en" ? .english : .chinese), terminator: "")
        }
    }
}
