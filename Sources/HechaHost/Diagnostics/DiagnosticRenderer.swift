import Foundation
import HechaCore
import HechaReports

/// Prints diagnostics the one way the command line prints them: as text
/// (`file:line:column: error: message` and `  hint: …`) or as JSON Lines (``DiagnosticRecord``),
/// the message and the hint each translated by the ``MessageCatalog`` into the chosen language,
/// and id numbers masked when the output is for people at a terminal.
public struct DiagnosticRenderer: Sendable {
    /// Text or JSON Lines.
    public var format: DiagnosticFormat
    /// The language of the messages and hints (and, in text, of the `error:` label).
    public var language: MessageLanguage
    /// Whether id numbers in messages and hints are masked (true for everything but `lint`,
    /// whose messages are about ruleset files, not people).
    public var masksIDs: Bool
    /// The region each JSON record is marked with in a run of several regions (nil: no mark).
    public var region: String?

    /// A renderer for `format` in `language`.
    public init(format: DiagnosticFormat = .text, language: MessageLanguage = .chinese, masksIDs: Bool = true, region: String? = nil) {
        self.format = format
        self.language = language
        self.masksIDs = masksIDs
        self.region = region
    }

    /// The diagnostics as printed, each ending in a newline (a text diagnostic takes two lines
    /// when it has a hint; a JSON one always takes one).
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { (format == .json ? json($0) : text($0)) + "\n" }.joined()
    }

    /// One diagnostic as text, without the final newline: in English exactly its `description`.
    public func text(_ d: Diagnostic) -> String {
        var shown = d
        shown.message = translated(d.message)
        shown.hint = d.hint.map(translated)
        if language == .english { return shown.description }
        var out = (d.location.map { "\($0): " } ?? "") + MessageCatalog.label(d.severity) + shown.message
        if let hint = shown.hint { out += "\n  " + MessageCatalog.hintLabel + hint }
        return out
    }

    /// One diagnostic as its JSON record, translated.
    public func record(_ d: Diagnostic) -> DiagnosticRecord {
        var record = DiagnosticRecord(d, message: translated(d.message), hint: d.hint.map(translated))
        record.region = region
        return record
    }

    /// One diagnostic as a line of JSON, without the final newline.
    public func json(_ d: Diagnostic) -> String { Self.jsonLine(record(d)) }

    /// Any record (a diagnostic, a summary) as one line of JSON with sorted keys.
    public static func jsonLine(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // the records are strings and integers only, which always encode
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A message or hint in the renderer's language, id numbers masked when asked.
    func translated(_ english: String) -> String {
        let text = MessageCatalog.text(english, in: language)
        return masksIDs ? PrivacyMask.idsInText(text) : text
    }
}
