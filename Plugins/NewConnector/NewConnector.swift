import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-connector NAME`: writes
/// `connectors/NAME/NAMEConnector.swift` (a CSV connector with its schema), a fixture with messy
/// rows and its tests under `Tests/ConnectorsTests/`, and registers the connector in
/// `Package.swift` and `Sources/BuiltInConnectors/BuiltInConnectors.swift`; `swift test` passes
/// right after it. The files come from `ConnectorScaffold` (tested on its own).
@main
struct NewConnector: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        guard arguments.count == 1, let name = arguments.first else {
            Diagnostics.error("usage: swift package --allow-writing-to-package-directory new-connector NAME (e.g. Housing)")
            return
        }
        let tool = try context.tool(named: "hecha-new-connector")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = [context.package.directoryURL.path, name]
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("new-connector \(name) stopped (exit \(process.terminationStatus)); the message above says why")
        }
    }
}
