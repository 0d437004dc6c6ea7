import Foundation
import PackagePlugin

/// `swift package lint-rulesets [FOLDER] [--lang en]`: checks every YAML file under `rulesets/`
/// (region files, rulesets, calendars, rule tests) with `hecha lint --format json`, so the checks
/// are exactly those of the host, and reports each diagnostic at its file and line, where SwiftPM
/// and Xcode show it.
@main
struct LintRulesets: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let hecha = try context.tool(named: "hecha")
        let package = context.package.directoryURL
        let given = arguments.first { !$0.hasPrefix("-") }
        let folder = given ?? package.appendingPathComponent("rulesets").path
        let options = arguments.filter { $0 != given }
        let process = Process()
        process.executableURL = hecha.url
        process.arguments = ["lint", folder, "--format", "json"] + options
        process.currentDirectoryURL = package
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // read before waiting: a full pipe would stop hecha before it exits
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var reported = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.isEmpty {
            guard let item = try? JSONDecoder().decode(LintOutputLine.self, from: Data(line.utf8)) else {
                Diagnostics.warning("hecha lint printed a line that is not one of its JSON records: \(line)")
                continue
            }
            if let summary = item.summary {
                Diagnostics.remark("\(summary.files) files checked, \(summary.ok) ok, \(summary.withErrors) with errors")
            } else if let diagnostic = item.diagnostic(relativeTo: package) {
                diagnostic.report()
                reported += 1
            }
        }
        if process.terminationStatus != 0 && reported == 0 {
            Diagnostics.error("hecha lint exited with \(process.terminationStatus) without reporting a diagnostic; run `hecha lint \(folder)` to see why")
        }
    }
}
