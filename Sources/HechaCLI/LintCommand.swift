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

    func run() throws {
        let results = RulesetLint(registry: CommandConnectors.registry).lint(folder: folder)
        var errors = 0
        for r in results {
            for d in r.problems {
                print(MessageCatalog.text(d.description, in: messages.language))
                errors += 1
            }
        }
        let bad = results.filter { !$0.problems.isEmpty }.count
        print(MessageCatalog.text("\(results.count) files checked, \(results.count - bad) ok, \(bad) with errors", in: messages.language))
        if errors > 0 { throw ExitCode(HechaExitCode.configuration.rawValue) }
    }
}
