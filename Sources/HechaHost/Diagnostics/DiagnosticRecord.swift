import HechaCore

/// One diagnostic as a line of `--format json`: `{"column":3,"file":"region.yaml","hint":"…",
/// "line":19,"message":"…","severity":"error"}`. `file`, `line`, `column` and `hint` are left out
/// when unknown (a whole file has no line, a whole line no column).
public struct DiagnosticRecord: Codable, Sendable, Equatable {
    /// The file the diagnostic is about, as the command was given it.
    public var file: String?
    /// The 1-based line (or CSV row), when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?
    /// `error`, `warning` or `note`.
    public var severity: String
    /// What is wrong, in the chosen language.
    public var message: String
    /// What to do about it, in the chosen language.
    public var hint: String?
    /// The region (its file's name without `.yaml`) the diagnostic belongs to, in a run of several
    /// regions; left out otherwise.
    public var region: String?

    /// The record of `diagnostic` with its message and hint as given (already translated).
    public init(_ diagnostic: Diagnostic, message: String, hint: String?) {
        file = diagnostic.location?.file
        line = diagnostic.location.flatMap { $0.line > 0 ? $0.line : nil }
        column = diagnostic.location.flatMap { $0.line > 0 && $0.column > 0 ? $0.column : nil }
        severity = diagnostic.severity.rawValue
        self.message = message
        self.hint = hint
    }
}
