/// CSV for Excel, written and read back: UTF-8 with a byte-order mark, CRLF line ends, fields
/// quoted when they hold a comma, a quote or a line break. Cells that Excel would run as a formula
/// (beginning with `=`, `+`, `-`, `@`, a tab or a carriage return) are neutralised with a leading
/// `'`, which reading removes again.
public enum CSVCells {
    static let byteOrderMark = "\u{FEFF}"
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// One cell, neutralised and quoted as needed.
    public static func field(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, formulaStarts.contains(Character(first)) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A whole file: the mark, the header, the rows.
    public static func file(header: [String], rows: [[String]]) -> String {
        var out = byteOrderMark + line(header)
        for r in rows { out += line(r) }
        return out
    }

    static func line(_ cells: [String]) -> String { cells.map(field).joined(separator: ",") + "\r\n" }

    /// A cell as read back: a neutralising `'` removed.
    static func unneutralised(_ s: String) -> String {
        if s.hasPrefix("'"), let second = s.unicodeScalars.dropFirst().first, formulaStarts.contains(Character(second)) {
            return String(s.dropFirst())
        }
        return s
    }

    /// The records of a CSV text, each with the line it starts on (1-based; the header is line 1).
    /// A quote left open is an error naming its line.
    public static func records(_ text: String) throws(LedgerError) -> [(line: Int, cells: [String])] {
        var chars = Substring(text)
        if chars.hasPrefix(byteOrderMark) { chars = chars.dropFirst() }
        var records: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var cell = ""
        var line = 1
        var start = 1
        var quoted = false
        var quoteLine = 0
        var it = chars.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return it.next()
        }
        var any = false
        while let c = next() {
            any = true
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    cell.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where cell.isEmpty:
                quoted = true
                quoteLine = line
            case ",":
                cells.append(unneutralised(cell)); cell = ""
            case "\r":
                break
            case "\n":
                cells.append(unneutralised(cell)); cell = ""
                records.append((start, cells)); cells = []
                line += 1
                start = line
            default:
                cell.unicodeScalars.append(c)
            }
        }
        if quoted { throw LedgerError("line \(quoteLine): a quoted cell is never closed; hint: save the file from Excel as CSV UTF-8 again") }
        if any && (!cell.isEmpty || !cells.isEmpty) {
            cells.append(unneutralised(cell))
            records.append((start, cells))
        }
        return records.filter { !($0.cells.count == 1 && $0.cells[0].isEmpty) }
    }
}
