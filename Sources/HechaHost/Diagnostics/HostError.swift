import HechaCore

/// A problem that ends a command: its exit code and the diagnostics that say what is wrong, where
/// (file, line and column when known) and what to do. The command line prints the diagnostics
/// with ``DiagnosticRenderer`` (text or JSON Lines, in the chosen language).
public struct HostError: Error, Sendable, CustomStringConvertible {
    /// The exit code the command ends with.
    public var code: HechaExitCode
    /// What is wrong: one or more diagnostics (a configuration is checked whole before stopping).
    public var diagnostics: [Diagnostic]

    /// An error with its exit code and diagnostics.
    public init(_ code: HechaExitCode, _ diagnostics: [Diagnostic]) {
        self.code = code
        self.diagnostics = diagnostics
    }

    /// An error with its exit code and one diagnostic.
    public init(_ code: HechaExitCode, _ diagnostic: Diagnostic) {
        self.init(code, [diagnostic])
    }

    /// An error with its exit code and the diagnostics a loader or checker collected.
    public init(_ code: HechaExitCode, _ list: DiagnosticList) {
        self.init(code, list.diagnostics)
    }

    /// The diagnostics as English text, one after another: what `--lang en` prints.
    public var message: String { DiagnosticList(diagnostics).description }

    /// The same as ``message``.
    public var description: String { message }
}
