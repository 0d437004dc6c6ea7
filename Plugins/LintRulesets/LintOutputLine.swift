import Foundation
import PackagePlugin

/// One line of `hecha lint --format json`: a diagnostic (`file`, `line`, `column`, `severity`,
/// `message`, `hint`; the place and the hint absent when unknown) or the final `summary`.
struct LintOutputLine: Decodable {
    var file: String?
    var line: Int?
    var column: Int?
    var severity: String?
    var message: String?
    var hint: String?
    var summary: Summary?

    /// The last line: how many files were checked and how many have errors.
    struct Summary: Decodable {
        var files: Int
        var ok: Int
        var withErrors: Int

        enum CodingKeys: String, CodingKey {
            case files, ok, withErrors = "with_errors"
        }
    }

    /// A diagnostic ready to report, its file made absolute; nil for a line with no message. The
    /// text starts with the place too (`rulesets/x.yaml:4:11: …`): `swift package` prints a
    /// plugin's diagnostics without their file and line, which only an IDE shows.
    func diagnostic(relativeTo package: URL) -> LintDiagnostic? {
        guard let message else { return nil }
        let path = file.map { $0.hasPrefix("/") ? $0 : package.appendingPathComponent($0).path }
        var text = message
        if let file {
            let root = package.path.hasSuffix("/") ? package.path : package.path + "/"
            var place = path.map { $0.hasPrefix(root) ? String($0.dropFirst(root.count)) : $0 } ?? file
            if let line, line > 0 { place += ":\(line)" + (column.map { $0 > 0 ? ":\($0)" : "" } ?? "") }
            text = place + ": " + text
        }
        if let hint { text += " (hint: \(hint))" }
        return LintDiagnostic(severity: severity ?? "error", text: text, file: path, line: line)
    }
}

/// A diagnostic of `hecha lint` as the plugin reports it through PackagePlugin.
struct LintDiagnostic {
    var severity: String
    var text: String
    var file: String?
    var line: Int?

    /// Reports it at its file and line: an error, a warning, or (a note) a remark.
    func report() {
        switch severity {
        case "warning": Diagnostics.warning(text, file: file, line: line)
        case "note": Diagnostics.remark(text, file: file, line: line)
        default: Diagnostics.error(text, file: file, line: line)
        }
    }
}
