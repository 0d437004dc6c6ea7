/// CSV text as Excel opens it without asking: UTF-8 with a byte-order mark, CRLF line ends, fields
/// quoted only when they hold a comma, a quote or a line break.
enum CSVText {
    static let byteOrderMark = "\u{FEFF}"

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A code Excel must keep as text (a long digit string would become `4.21E+12`, a hex id such
    /// as `12e45` a number): written as the formula `="…"`, which Excel and LibreOffice show as is.
    /// Quote it with ``field(_:)`` like any other value.
    static func textCode(_ s: String) -> String {
        s.isEmpty ? "" : "=\"" + s + "\""
    }

    static func line(_ fields: [String]) -> String { fields.joined(separator: ",") + "\r\n" }

    /// The whole file: the mark, the header, the rows.
    static func file(header: [String], rows: [[String]]) -> String {
        var out = byteOrderMark + line(header.map(field))
        for r in rows { out += line(r) }
        return out
    }
}
