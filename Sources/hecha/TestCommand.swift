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

    @Flag(name: .long, help: "Also list the rules of the national ruleset that no case tests.")
    var coverage = false

    func run() throws {
        let files: [String]
        do { files = try RuleTestSuite.files(paths) } catch { throw fail(error) }
        let results = RuleTestSuite(registry: .known).run(files: files, rulesetsDirectory: rulesets)
        var failed = 0
        for r in results where !r.passed {
            failed += 1
            print(r.message)
        }
        let passed = results.count - failed
        if coverage {
            let regionFile = files.first ?? "rulesets/tests/base.yaml"
            let dir = rulesets ?? RulesetLocation.find(explicit: nil, regionFile: regionFile)
            let national = (dir as NSString).appendingPathComponent("national.yaml")
            let ids = (try? String(contentsOfFile: national, encoding: .utf8))?
                .split(separator: "\n").compactMap { line -> String? in
                    let t = line.trimmingCharacters(in: .whitespaces)
                    return t.hasPrefix("- id: ") ? String(t.dropFirst(6)) : nil
                } ?? []
            let missing = RuleTestSuite.uncovered(rules: ids, results: results)
            print(missing.isEmpty ? "coverage: every rule of national.yaml has test cases" : "coverage: rules with no test case: \(missing.joined(separator: ", "))")
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode.failure }
    }
}
