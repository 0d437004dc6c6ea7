import CHechaScan
@testable import ConnectorKit
import HechaCore
import TestSupport
import Testing

/// The SIMD skip of plain rows of people outside the roster (`personKey:`) against the byte-by-byte
/// reader on the same files: identical facts, counts and rejects on every form, messy ones included.
struct PlainRecordSkipTests {
    /// A valid 18-character id: an area, a birth date in 1990 and a sequence number `n`.
    static func validID(_ n: Int) -> String {
        let body = UInt64(110_101) * 100_000_000_000 + UInt64(19_900_101 + n % 28) * 1000 + UInt64(n % 1000)
        return IDNumber.text(body: body)
    }

    static let roster = (0..<40).map { validID($0 * 7) }
    static let index = PersonIndex(householdsByPerson: Dictionary(uniqueKeysWithValues: roster.map { ($0, [0]) }), householdByID: [:])

    /// The key field in one of its forms: on the roster or not, plain or messy, valid or not.
    static func keyField(_ r: inout SplitMix64) -> String {
        let id = r.next(below: 4) == 0 ? roster[r.next(below: roster.count)] : validID(r.next(below: 5000))
        switch r.next(below: 14) {
        case 0: return " \(id) "                                    // padded
        case 1: return "\"\(id)\""                                  // quoted
        case 2: return String(id.dropLast()) + (id.last == "0" ? "1" : "0")  // a wrong check character
        case 3: return id.replacingOccurrences(of: "1", with: "１")  // full-width digits
        case 4: return String(id.prefix(6) + id.dropFirst(8).prefix(9))  // 15 digits
        case 5: return id.last == "X" ? String(id.dropLast()) + "x" : id  // lowercase x
        case 6: return ""
        case 7: return "\"\(id.prefix(9))\"\"\(id.dropFirst(9))\""   // a doubled quote inside
        default: return id
        }
    }

    /// A random file of `columns` columns with the key at `key`, and rows of every kind.
    static func file(seed: UInt64, columns: Int, key: Int) -> String {
        var r = SplitMix64(seed: seed)
        let header = (0..<columns).map { $0 == key ? "证件号码" : "列\($0)" }
        var lines = [header.joined(separator: ",")]
        var previous = ""
        for n in 0..<200 {
            var fields = (0..<columns).map { c -> String in
                c == key ? keyField(&r) : ["a", "", "中文", "12.5", "\"x,y\"", "\"多\n行\"", "\"q\"\"q\""][r.next(below: 20) % 7 == 0 ? r.next(below: 7) : 0]
            }
            switch r.next(below: 25) {
            case 0: fields.append("extra")                      // too many fields
            case 1: if fields.count > 1 { fields.removeLast() }  // too few
            case 2: fields[r.next(below: columns)] += "\"junk"          // a quote inside an unquoted field
            default: break
            }
            var line = fields.joined(separator: ",")
            switch r.next(below: 30) {
            case 0: line = previous                              // an exact duplicate
            case 1: lines.append("")                             // a blank line before
            case 2: line += "\r"                                 // CRLF
            default: break
            }
            if n == 199 && r.next(below: 3) == 0 { line += ",\"never closed" }
            lines.append(line)
            previous = line
        }
        return lines.joined(separator: "\n") + (r.next(below: 2) == 0 ? "\n" : "")
    }

    struct Outcome: Equatable {
        var kept: [String]
        var counts: [FileCounts]
        var rejects: [RejectedRow]
        var decided: Int
    }

    static func read(_ text: String, columns: Int, key: Int, skipping: Bool, chunkSize: Int) throws -> Outcome {
        let folder = try TempFolder(files: ["f.csv": text])
        let source = SourceConfig(id: "s", path: folder.path, displayPath: "in")
        let header = (0..<columns).map { $0 == key ? "证件号码" : "列\($0)" }
        let file = try CSVExportFile("f.csv", in: source, required: header, chunkSize: chunkSize)
        let report = SourceReport(sourceID: "s")
        var kept: [String] = []
        var decided = 0
        try file.readRows(into: report, pure: true,
                          personKey: skipping ? PersonKeyFilter(column: key, index: index) : nil,
                          onKept: { kept.append($0) }) { row throws(RowReject) -> RowDecision<String> in
            decided += 1
            guard let id = try row.personID("证件号码", in: index) else { return .unmatched }
            return .keep(id + "|" + row.fields.joined(separator: "|") + "|\(row.line)")
        }
        return Outcome(kept: kept, counts: report.files, rejects: report.rejects, decided: decided)
    }

    @Test(arguments: [(1, 0), (3, 0), (3, 1), (3, 2), (7, 2), (7, 6)])
    func skippingGivesWhatTheByteByByteReaderGives(columns: Int, key: Int) throws {
        for seed in 0..<12 as Range<UInt64> {
            let text = Self.file(seed: seed * 31 + UInt64(columns * 7 + key), columns: columns, key: key)
            let chunk = [1 << 20, 64, 7][Int(seed % 3)]
            let general = try Self.read(text, columns: columns, key: key, skipping: false, chunkSize: chunk)
            let skipping = try Self.read(text, columns: columns, key: key, skipping: true, chunkSize: chunk)
            #expect(skipping.kept == general.kept, "seed \(seed), chunk \(chunk)")
            #expect(skipping.counts == general.counts, "seed \(seed), chunk \(chunk)")
            #expect(skipping.rejects == general.rejects, "seed \(seed), chunk \(chunk)")
            #expect(general.counts.allSatisfy { $0.addsUp })
            #expect(skipping.decided < general.decided, "the skip took no row (seed \(seed))")
        }
    }

    /// The id the scanner reads from a key field is IDNumber's plain reading of it, on every form.
    @Test func theScannersIDIsIDNumbersPlainBody() {
        var r = SplitMix64(seed: 7)
        var keys = (0..<3000).map { _ in Self.keyField(&r) }
        keys += ["\t110101199001011237", "110101190002290012", "110101200002290013", "110101199002300014",
                 "110101189912310015", "11010119901301001X", "1101011990010100 1", "11010119900101123x"]
        for key in keys where !key.contains("\"") {
            let bytes = Array("a,\(key),b\n".utf8)
            var out = [hecha_plain_record](repeating: hecha_plain_record(), count: 1)
            var consumed = 0
            let found = hecha_scan_plain_records(bytes, bytes.count, 1, 3, &out, 1, &consumed)
            let field = Array(key.utf8)
            let plain = field.withUnsafeBufferPointer { IDNumber.plainBody($0) }
            #expect(found == 1 && out[0].key_body == (plain ?? 0), "\(key)")
        }
    }

    @Test func plainRowsOfPeopleOutsideTheRosterNeverReachTheConnector() throws {
        let outside = (0..<3000).map { "粤B\($0),\(Self.validID(5000 + $0)),小型轿车" }
        let text = "号牌,证件号码,类型\n" + outside.joined(separator: "\n") + "\n粤B1,\(Self.roster[3]),小型轿车\n"
        let folder = try TempFolder(files: ["f.csv": text])
        let file = try CSVExportFile("f.csv", in: SourceConfig(id: "s", path: folder.path, displayPath: "in"),
                                     required: ["号牌", "证件号码", "类型"], chunkSize: 4096)
        let report = SourceReport(sourceID: "s")
        var decided: [Int] = []
        try file.readRows(into: report, pure: true, personKey: PersonKeyFilter(column: 1, index: Self.index),
                          onKept: { (_: Int) in }) { row throws(RowReject) in
            decided.append(row.line)
            return .keep(row.line)
        }
        // one row a chunk may be cut by the chunk's end and parsed byte by byte; every other
        // outside row is skipped, and the roster's row reaches the connector on its own line
        #expect(decided.last == 3002)
        #expect(decided.count < 3000 / 40)
        #expect(report.files.first?.unmatched == 3001 - decided.count)
        #expect(report.files.first?.read == 3001)
    }
}
