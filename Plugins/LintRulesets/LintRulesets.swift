import Foundation
import PackagePlugin

/// `swift package lint-rulesets [FOLDER]`: checks every YAML file under `rulesets/` (region files,
/// rulesets, calendars, rule tests) and prints `file:line:column: error: …` diagnostics.
/// It runs the `hecha lint` command, so the checks are exactly those of the host.
@main
struct LintRulesets: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let hecha = try context.tool(named: "hecha")
        let folder = arguments.first ?? context.package.directoryURL.appendingPathComponent("rulesets").path
        let process = Process()
        process.executableURL = hecha.url
        process.arguments = ["lint", folder]
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("rulesets have errors (hecha lint exited with \(process.terminationStatus))")
        }
    }
}
