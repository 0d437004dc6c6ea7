import Foundation
import HechaCore

/// The language of the messages Hecha prints for people (diagnostics, warnings, the run summary,
/// progress): Chinese unless `--lang en` is given, the same switch as the report's.
public enum MessageLanguage: String, Sendable, CaseIterable {
    /// 中文, the default.
    case chinese = "zh"
    /// English: the text exactly as the code made it.
    case english = "en"
}

/// Translates the English text Hecha's code makes into the language it is printed in. The text
/// is made in English everywhere (the English message is the key, like a gettext msgid) and
/// translated only where it is printed, line by line:
/// - a diagnostic line `<place>: error: <message>` (also `warning:`, `note:`, or without a place):
///   the place is kept, the label and the message are translated;
/// - a hint line `  hint: <hint>`;
/// - any other line (the run summary, progress), its indentation kept.
/// A message that no template matches stays English (with its labels translated).
public enum MessageCatalog {
    /// `english` as it is printed in `language`; English text is returned unchanged.
    public static func text(_ english: String, in language: MessageLanguage) -> String {
        guard language == .chinese else { return english }
        return english.split(separator: "\n", omittingEmptySubsequences: false)
            .map { translateLine(String($0)) }
            .joined(separator: "\n")
    }

    /// The Chinese text of one message (no place, no label), or nil when no template matches:
    /// the check that every message of the code base has a translation.
    public static func translation(of message: String) -> String? {
        first(of: templates, matching: message)
    }

    /// A phrase inside a message (a type such as "a list of text", a YAML node kind) in Chinese.
    static func phrase(_ english: String) -> String {
        first(of: phrases, matching: english) ?? english
    }

    static let phrases = mostSpecificFirst(RuleLanguageMessages.phrases + DataMessages.phrases + CheckMessages.phrases)

    private static func first(of list: [MessageTemplate], matching english: String) -> String? {
        for t in list {
            if let values = t.match(english) {
                return t.chinese(with: values) { name, value in
                    name == "message" ? translation(of: value) ?? value : phrase(value)
                }
            }
        }
        return nil
    }

    static let labels: [(english: String, chinese: String)] = [("error", "错误："), ("warning", "警告："), ("note", "说明：")]

    /// The Chinese label of a diagnostic's severity, `错误：` for `error: `.
    static func label(_ severity: Diagnostic.Severity) -> String {
        labels.first { $0.english == severity.rawValue }?.chinese ?? severity.rawValue + "："
    }

    /// The Chinese label of a hint line, `提示：` for `hint: `.
    static let hintLabel = "提示："

    static func translateLine(_ line: String) -> String { translatedLine(line).text }

    /// The lines of `english` whose message no template translates (for the catalog's tests).
    static func untranslatedLines(_ english: String) -> [String] {
        english.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !translatedLine($0).translated }
    }

    /// One line in Chinese, and whether its message had a template (an empty line needs none).
    private static func translatedLine(_ line: String) -> (text: String, translated: Bool) {
        let indent = String(line.prefix { $0 == " " })
        let body = String(line.dropFirst(indent.count))
        if body.isEmpty { return (line, true) }
        func message(_ prefix: String, _ english: String) -> (text: String, translated: Bool) {
            let chinese = translation(of: english)
            return (prefix + (chinese ?? english), chinese != nil)
        }
        if indent == "  ", body.hasPrefix("hint: ") {
            return message(indent + hintLabel, String(body.dropFirst("hint: ".count)))
        }
        for label in labels {
            if body.hasPrefix(label.english + ": ") {
                return message(indent + label.chinese, String(body.dropFirst(label.english.count + 2)))
            }
            if let r = body.range(of: ": \(label.english): ") {
                return message(indent + body[..<r.lowerBound] + ": " + label.chinese, String(body[r.upperBound...]))
            }
        }
        if let table = SummaryMessages.tableHeader(body) { return (indent + table, true) }
        return message(indent, body)
    }

    /// Every template, the most specific first (the one with the most fixed text wins).
    static let templates: [MessageTemplate] = {
        let all = ConfigurationMessages.templates + RuleLanguageMessages.templates + DataMessages.templates
            + OutputMessages.templates + SummaryMessages.templates + CommandLineMessages.templates
            + CheckMessages.templates + LedgerMessages.templates + DataVocabularyMessages.templates
            + ExternalConnectorMessages.templates + WarehouseMessages.templates + RegionListMessages.templates
        return mostSpecificFirst(all)
    }()

    private static func mostSpecificFirst(_ list: [MessageTemplate]) -> [MessageTemplate] {
        list.enumerated().sorted { a, b in
            a.element.literalLength != b.element.literalLength ? a.element.literalLength > b.element.literalLength : a.offset < b.offset
        }.map(\.element)
    }
}
