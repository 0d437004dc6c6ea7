import ArgumentParser
import BuiltInConnectors
import Foundation
import ConnectorKit
import HechaHost

/// The `hecha` command-line tool as a library, so that a package of its own can build a `hecha`
/// with more connectors than those shipped here:
///
/// ```swift
/// import HechaCLI
/// await HechaCLI.main(connectors: HechaCLI.builtInConnectors + [DisabilityRegistryConnector.self])
/// ```
public enum HechaCLI {
    /// The agency connectors shipped with Hecha (the targets under `connectors/`).
    public static let builtInConnectors: [any Connector.Type] = BuiltInConnectors.all

    /// Parses the command line and runs the command with `connectors` as the connectors that region
    /// files may name under `sources:`; exits with the command's exit code (0, or 2, 3, 4).
    public static func main(connectors: [any Connector.Type]) async {
        await CommandConnectors.$registry.withValue(ConnectorRegistry(connectors)) {
            await HechaCommand.main()
        }
    }

    /// Runs one command line (`["run", "--region", …]`) with `connectors`, as `main` does, but
    /// returns its exit code instead of exiting: for a package's tests of its own regions.
    /// Messages go to stdout and stderr as they do from the `hecha` executable.
    public static func run(_ arguments: [String], connectors: [any Connector.Type]) async -> Int32 {
        await CommandConnectors.$registry.withValue(ConnectorRegistry(connectors)) {
            do {
                var command = try HechaCommand.parseAsRoot(arguments)
                if var asynchronous = command as? any AsyncParsableCommand {
                    try await asynchronous.run()
                } else {
                    try command.run()
                }
                return 0
            } catch {
                let code = HechaCommand.exitCode(for: error)
                let message = HechaCommand.fullMessage(for: error)
                if !message.isEmpty {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
                return code.rawValue
            }
        }
    }
}
