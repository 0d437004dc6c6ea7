import ArgumentParser
import Foundation
import HechaCore
import HechaHost

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check every YAML file under a rulesets folder: region files, rulesets, calendars, rule tests."
    )

    @Argument(help: "The rulesets folder.")
    var folder: String = "rulesets"

    @OptionGroup var messages: MessageOptions

    @Option(name: .long, help: "text, or json: one JSON object per diagnostic per line, then a summary object (for editors and the lint-rulesets plugin).")
    var format: DiagnosticFormat = .text

    func run() throws {
        let results = RulesetLint(registry: CommandConnectors.registry).lint(folder: folder)
        let problems = results.flatMap(\.problems)
        report(problems, in: messages.language, format: format, toStandardOutput: true, masksIDs: false)
        let summary = LintSummary(results)
        print(format == .json ? summary.jsonLine : MessageCatalog.text(summary.text, in: messages.language))
        if !problems.isEmpty { throw ExitCode(HechaExitCode.configuration.rawValue) }
    }
}
