#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ConnectorKit
import Foundation

/// A CSV fixture read into records, that can be written back changed: columns reordered or
/// dropped, rows added, another encoding or line end.
struct FixtureFile {
    var name: String
    var header: [String]
    /// Data records: fields and raw text.
    var rows: [(fields: [String], raw: String)]
    /// Physical lines in the file (the last line number used).
    var lastLine: Int

    init(path: String, name: String, encoding: TextEncoding) throws {
        let reader = try CSVReader(path: path, displayPath: name, encoding: encoding)
        var records = try reader.readAll()
        guard !records.isEmpty else { throw ConformanceSetupError("fixture \(name) is empty") }
        let head = records.removeFirst()
        header = head.fields
        rows = []
        for r in records {
            guard r.problem == nil, r.fields.count == head.fields.count else {
                throw ConformanceSetupError("fixture \(name):\(r.line) is not well-formed CSV with \(head.fields.count) fields; keep such rows out of the conformance fixture")
            }
            rows.append((r.fields, r.rawText))
        }
        let decoded = try TextDecoding.utf8(readBytes(path), encoding: encoding)
        let lines = decoded.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        lastLine = lines + (decoded.last == 0x0A ? 0 : 1)
        self.name = name
    }

    /// Quotes a field when it needs it.
    static func quoted(_ field: String) -> String {
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    /// The file as text, with columns in `order` (indexes into the header; `nil` = an extra column).
    func text(order: [Int?], lineEnd: String = "\n") -> String {
        var out = order.map { $0.map { Self.quoted(header[$0]) } ?? "核查备注" }.joined(separator: ",") + lineEnd
        for row in rows {
            out += order.map { $0.map { Self.quoted(row.fields[$0]) } ?? Self.quoted("备注,含逗号") }.joined(separator: ",") + lineEnd
        }
        return out
    }

    /// The data rows as ``text(lineEnd:)`` writes them.
    func rowLines(lineEnd: String = "\n") -> String {
        rows.map { $0.fields.map(Self.quoted).joined(separator: ",") + lineEnd }.joined()
    }

    /// The file as written, with its columns in the original order.
    func text(lineEnd: String = "\n") -> String { text(order: header.indices.map { $0 }, lineEnd: lineEnd) }
}

/// Why the conformance check could not be set up (a fixture problem, not a connector problem).
struct ConformanceSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

func readBytes(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { throw ConformanceSetupError("cannot read \(path)") }
    return [UInt8](data)
}

/// Converting fixture text between encodings.
enum TextDecoding {
    /// The UTF-8 form of `bytes` written in `encoding`.
    static func utf8(_ bytes: [UInt8], encoding: TextEncoding) throws -> [UInt8] {
        encoding == .utf8 ? bytes : try iconvert(bytes, from: "GB18030", to: "UTF-8")
    }

    /// `text` written in `encoding` (with a byte-order mark when `bom`).
    static func encode(_ text: String, as encoding: TextEncoding, bom: Bool = false) throws -> [UInt8] {
        let utf8 = Array(text.utf8)
        switch encoding {
        case .utf8: return (bom ? [0xEF, 0xBB, 0xBF] : []) + utf8
        case .gb18030: return try iconvert(utf8, from: "UTF-8", to: "GB18030")
        }
    }

    static func iconvert(_ input: [UInt8], from: String, to: String) throws -> [UInt8] {
        let cd = iconv_open(to, from)
        guard Int(bitPattern: cd) != -1 else { throw ConformanceSetupError("no converter from \(from) to \(to)") }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inCopy = input
        var inLeft = input.count
        var outLeft = output.count
        let r = inCopy.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            }
        }
        guard r != -1, inLeft == 0 else { throw ConformanceSetupError("cannot convert fixture text from \(from) to \(to)") }
        return Array(output[0..<(output.count - outLeft)])
    }
}
