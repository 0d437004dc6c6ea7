import HechaHost

/// The connectors of this invocation of the command line: those passed to `HechaCLI.main`. Every
/// command reads regions, rulesets and tests with this registry, never with a list of its own.
enum CommandConnectors {
    /// Set by `HechaCLI.main` for the whole run of a command; empty outside of it.
    @TaskLocal static var registry = ConnectorRegistry([])
}
