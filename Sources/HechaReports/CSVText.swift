/// CSV text as Excel opens it without asking: UTF-8 with a byte-order mark, CRLF line ends, fields
/// quoted when they hold a comma, a quote or a line break.
///
/// Every cell is written by what it is, so that a value from the data can never become a formula
/// (CSV injection, as the OWASP guidance describes it): ``text(_:)`` for text, ``number(_:)`` for
/// amounts and counts, ``code(_:)`` for ids Excel must keep as typed.
enum CSVText {
    static let byteOrderMark = "\u{FEFF}"

    /// The first characters that make a spreadsheet read a cell as a formula (`=`, `+`, `-`, `@`)
    /// or that can hide one after them (tab, CR, LF).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\n", "\r\n"]

    /// A text cell. One that a spreadsheet would take for a formula (`=HYPERLINK(…)`, `-2+3`, `@SUM`,
    /// a masked name such as `=****`) is defused as OWASP advises: a single quote before it, and the
    /// cell quoted, so it shows as the text it is.
    static func text(_ s: String) -> String {
        if let first = s.first, formulaStarts.contains(first) { return quoted("'" + s) }
        return field(s)
    }

    /// A number cell (an amount such as `-120.00`, a line number), written as is so that Excel sums
    /// it. Anything that is not a plain decimal number is written as ``text(_:)``.
    static func number(_ s: String) -> String {
        var digits = Substring(s)
        if digits.first == "-" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let plain = !digits.isEmpty && parts.count <= 2
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        return plain ? s : text(s)
    }

    /// A code Excel must keep as text (a long digit string would become `4.21E+12`, a hex id such
    /// as `12e45` a number): written as the formula `="…"`, which Excel and LibreOffice show as is.
    /// A quote inside is doubled, so the value stays inside the formula's string.
    static func code(_ s: String) -> String {
        s.isEmpty ? "" : field("=\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    }

    /// A value quoted only when it must be (a comma, a quote or a line break inside).
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return quoted(s)
    }

    static func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func line(_ fields: [String]) -> String { fields.joined(separator: ",") + "\r\n" }

    /// The whole file: the mark, the header (text), the rows (cells written already).
    static func file(header: [String], rows: [[String]]) -> String {
        var out = byteOrderMark + line(header.map(text))
        for r in rows { out += line(r) }
        return out
    }
}
