/// The last line of `hecha lint`: how many files were checked and how many have problems, as
/// text (`12 files checked, 11 ok, 1 with errors`) or, with `--format json`, as
/// `{"summary":{"errors":3,"files":12,"ok":11,"warnings":0,"with_errors":1}}`.
public struct LintSummary: Codable, Sendable, Equatable {
    /// The files checked.
    public var files: Int
    /// The files with no problem.
    public var ok: Int
    /// The files with at least one problem.
    public var withErrors: Int
    /// The error diagnostics, of all files.
    public var errors: Int
    /// The warning diagnostics, of all files.
    public var warnings: Int

    /// The summary of a lint's results.
    public init(_ results: [RulesetLint.FileResult]) {
        let problems = results.flatMap(\.problems)
        files = results.count
        withErrors = results.filter { !$0.problems.isEmpty }.count
        ok = files - withErrors
        errors = problems.filter { $0.severity == .error }.count
        warnings = problems.filter { $0.severity == .warning }.count
    }

    enum CodingKeys: String, CodingKey {
        case files, ok, withErrors = "with_errors", errors, warnings
    }

    /// The summary as text (English; the catalog translates it).
    public var text: String { "\(files) files checked, \(ok) ok, \(withErrors) with errors" }

    /// The summary as one line of JSON, wrapped as `{"summary": …}` so that a reader tells it from
    /// a diagnostic.
    public var jsonLine: String { DiagnosticRenderer.jsonLine(["summary": self]) }
}
