/// How a command prints its diagnostics: `text` for people, `json` for tools (the lint plugin,
/// editors, schedulers).
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `file:line:column: error: message` and an indented `hint:` line, in the chosen language.
    case text
    /// One JSON object per diagnostic per line (JSON Lines), see ``DiagnosticRecord``.
    case json
}
