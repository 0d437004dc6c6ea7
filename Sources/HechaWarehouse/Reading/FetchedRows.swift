import Foundation
import HechaCore

/// The rows a warehouse query sent back, written as the agency's CSV export (the export's header,
/// one line per row) in a folder of their own, so the connector's own reader validates each row
/// exactly as it validates a row of the file.
struct FetchedRows {
    /// The export's headers, in the table's column order.
    var header: [String]
    /// Each row's name (its ctid `(block,offset)`, or its `key:` column) and its values as text,
    /// NULL as nil, in the table's order.
    var rows: [(name: String, values: [String?])]

    /// Sorts the rows by ctid, the order in which a table loaded from a file holds its lines.
    mutating func sortByCtid() {
        func key(_ ctid: String) -> (Int, Int) {
            let parts = ctid.trimmingCharacters(in: CharacterSet(charactersIn: "()")).split(separator: ",")
            return (Int(parts.first ?? "") ?? 0, Int(parts.dropFirst().first ?? "") ?? 0)
        }
        rows.sort { key($0.name) < key($1.name) }
    }

    /// Sorts the rows by their `key:` column: as numbers when both are whole numbers, else as text
    /// (so the order, and each fact's place among the rows, is the same on every run and every
    /// segment layout). A NULL key sorts first.
    mutating func sortByKey() {
        rows.sort { a, b in
            if let x = Int(a.name), let y = Int(b.name) { return x < y }
            return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
    }

    /// Writes `name` into `folder`; returns each row's name by the line it starts on.
    func write(_ name: String, into folder: String) throws(Diagnostic) -> [Int: String] {
        var text = header.map(Self.field).joined(separator: ",") + "\n"
        var nameByLine: [Int: String] = [:]
        var line = 2
        for row in rows {
            nameByLine[line] = row.name
            let record = row.values.map { Self.field($0 ?? "") }.joined(separator: ",")
            text += record + "\n"
            line += 1 + record.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        let path = folder + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw Diagnostic.error("cannot write the fetched rows to \(path)", hint: "check the temporary folder (TMPDIR) is writable")
        }
        return nameByLine
    }

    /// One CSV field: quoted only when it holds a comma, a quote or a line break, as an agency's
    /// export writes it (so an exact duplicate in the table is an exact duplicate here too).
    static func field(_ value: String) -> String {
        let needs = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return needs ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
