import Foundation

/// One entry of the message catalog: an English message pattern (the key, like a gettext msgid)
/// and its Chinese text. Placeholders are written `{name}`; each captures the shortest text that
/// lets the whole message match, and is put back by name in the Chinese text, so the order may
/// differ. `{didYouMean}` stands for the suggestion suffix "; did you mean 'x'?" (or nothing) and
/// comes out as "；是否应为 'x'？". A placeholder named `{message}` is itself translated (a
/// message inside a message, e.g. the reason of a syntax error), and so is one whose name begins
/// with `type` or `kind` (a phrase such as "a number" or "a list").
struct MessageTemplate: Sendable {
    let english: String
    let chinese: String
    /// How many characters of the English pattern are not placeholders: more is more specific.
    let literalLength: Int
    private let names: [String]
    private let pattern: NSRegularExpression

    init(_ english: String, _ chinese: String) {
        self.english = english
        self.chinese = chinese
        var regex = "^"
        var names: [String] = []
        var literal = 0
        for part in Self.parts(of: english) {
            switch part {
            case .text(let t):
                regex += NSRegularExpression.escapedPattern(for: t)
                literal += t.count
            case .placeholder(let name):
                names.append(name)
                regex += name == "didYouMean" ? "((?:; did you mean '.*?'\\?)?)" : "(.*?)"
            }
        }
        regex += "$"
        self.names = names
        self.literalLength = literal
        // The pattern is built from escaped text and fixed groups only, so it always compiles.
        self.pattern = try! NSRegularExpression(pattern: regex, options: [.dotMatchesLineSeparators])
    }

    /// The placeholders' values when `message` is an instance of this template, else nil.
    func match(_ message: String) -> [String: String]? {
        let whole = NSRange(message.startIndex..., in: message)
        guard let m = pattern.firstMatch(in: message, options: [], range: whole) else { return nil }
        var values: [String: String] = [:]
        for (i, name) in names.enumerated() {
            let r = m.range(at: i + 1)
            values[name] = r.location == NSNotFound ? "" : Range(r, in: message).map { String(message[$0]) } ?? ""
        }
        return values
    }

    /// The Chinese text with the placeholders filled in; `inner(name, value)` translates the value
    /// of a `{message}`, `{type…}` or `{kind…}` placeholder.
    func chinese(with values: [String: String], inner: (String, String) -> String) -> String {
        var out = ""
        for part in Self.parts(of: chinese) {
            switch part {
            case .text(let t): out += t
            case .placeholder(let name):
                let value = values[name] ?? "{\(name)}"
                switch name {
                case "didYouMean": out += Self.didYouMeanInChinese(value)
                case "message": out += inner(name, value)
                case _ where name.hasPrefix("type") || name.hasPrefix("kind"): out += inner(name, value)
                default: out += value
                }
            }
        }
        return out
    }

    /// "; did you mean 'x'?" → "；是否应为 'x'？"; the empty suffix stays empty.
    static func didYouMeanInChinese(_ suffix: String) -> String {
        let prefix = "; did you mean "
        guard suffix.hasPrefix(prefix), suffix.hasSuffix("?") else { return suffix }
        return "；是否应为 " + suffix.dropFirst(prefix.count).dropLast() + "？"
    }

    enum Part: Equatable {
        case text(String)
        case placeholder(String)
    }

    /// Splits a template into text and `{name}` placeholders. A brace that does not enclose a
    /// plain name (`{from: 2024-01, …}` in a hint) is text.
    static func parts(of template: String) -> [Part] {
        var parts: [Part] = []
        var text = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), !after[..<close].isEmpty,
               after[..<close].allSatisfy({ $0.isLetter && $0.isASCII || $0.isNumber }) {
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                parts.append(.placeholder(String(after[..<close])))
                rest = after[after.index(after: close)...]
            } else {
                text += "{"
                rest = after
            }
        }
        text += rest
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }
}
