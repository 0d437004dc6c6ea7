import ArgumentParser
import Foundation
import HechaCore
import HechaHost

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run rule tests written in YAML (default: rulesets/tests)."
    )

    @Argument(help: "Test files or folders.")
    var paths: [String] = ["rulesets/tests"]

    @Option(name: .long, help: "The rulesets folder (default: found above each test file).")
    var rulesets: String?

    @Flag(name: .long, help: "Also list the rules that no case tests: the national ruleset's, or with --region every rule that region runs.")
    var coverage = false

    @Option(name: .customLong("region"), help: "With --coverage: the region file whose rules (national, less the disabled ones, plus its own) must all have cases.")
    var regions: [String] = []

    @OptionGroup var messages: MessageOptions

    @Option(name: .long, help: "text, or json: one JSON object per diagnostic per line (on stdout), then a summary object.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let region = try RegionOptions.one(regions, messages.language)
        let files: [String]
        let language = messages.language
        do { files = try RuleTestSuite.files(paths) } catch { throw fail(error, in: language, format: format) }
        let results = RuleTestSuite(registry: CommandConnectors.registry).run(files: files, rulesetsDirectory: rulesets)
        var failed = 0
        for r in results where !r.passed {
            failed += 1
            report(r.diagnostics, in: language, format: format, toStandardOutput: true, masksIDs: false)
        }
        /// A coverage line: text, or in JSON a diagnostic of `severity`.
        func coverageLine(_ english: String, _ severity: Diagnostic.Severity) {
            if format == .json {
                report([Diagnostic(severity, english)], in: language, format: format, toStandardOutput: true)
            } else {
                print(MessageCatalog.text(english, in: language))
            }
        }
        let passed = results.count - failed
        if coverage, let region {
            let ids: [String]
            do { ids = try RuleTestSuite(registry: CommandConnectors.registry).rules(ofRegion: region, rulesetsDirectory: rulesets) } catch { throw fail(error, in: language, format: format) }
            let missing = RuleTestSuite.uncovered(rules: ids, results: results)
            coverageLine(missing.isEmpty ? "coverage: every rule that \(region) runs has test cases (\(ids.count) rules)"
                         : "coverage: rules of \(region) with no test case: \(missing.joined(separator: ", "))", missing.isEmpty ? .note : .error)
            if !missing.isEmpty { failed += 1 }
        } else if coverage {
            let regionFile = files.first ?? "rulesets/tests/base.yaml"
            let dir = rulesets ?? RulesetLocation.find(explicit: nil, regionFile: regionFile)
            let national = (dir as NSString).appendingPathComponent("national.yaml")
            let ids = (try? String(contentsOfFile: national, encoding: .utf8))?
                .split(separator: "\n").compactMap { line -> String? in
                    let t = line.trimmingCharacters(in: .whitespaces)
                    return t.hasPrefix("- id: ") ? String(t.dropFirst(6)) : nil
                } ?? []
            let missing = RuleTestSuite.uncovered(rules: ids, results: results)
            coverageLine(missing.isEmpty ? "coverage: every rule of national.yaml has test cases"
                         : "coverage: rules with no test case: \(missing.joined(separator: ", "))", missing.isEmpty ? .note : .warning)
        }
        if format == .json {
            print(DiagnosticRenderer.jsonLine(["summary": ["passed": passed, "failed": failed]]))
        } else {
            print(MessageCatalog.text("\(passed) passed, \(failed) failed", in: language))
        }
        if failed > 0 { throw ExitCode.failure }
    }
}
