import CHechaScan
@testable import ConnectorKit
import Foundation
import HechaCore
import TestSupport
import Testing

/// One file read in pieces on several threads against the same file read on one: the same facts
/// in the same order, the same key numbering, counts and rejects, on messy files and with pieces of
/// a few rows, so that quoted line breaks, duplicates and rejects fall on both sides of every cut.
struct SplitFileReadTests {
    static let schema = RecordSchema(name: "row", title: "行", fields: [FieldSchema("id", .string), FieldSchema("other", .string)])
    static let header = ["号牌", "证件号码", "类型"]

    /// A file that quotes well (so that it is split) but is messy otherwise: a byte-order mark,
    /// quoted fields with commas, line breaks and doubled quotes, CRLF, blank lines, rows with a
    /// field too many or too few, ids in every form, rows the connector rejects, and exact
    /// repeats of rows from anywhere earlier in the file.
    static func file(seed: UInt64, rows: Int = 400) -> String {
        var r = SplitMix64(seed: seed)
        var lines: [String] = []
        for _ in 0..<rows {
            if !lines.isEmpty && r.next(below: 12) == 0 {
                lines.append(lines[r.next(below: lines.count)])  // a repeat of an earlier row
                continue
            }
            var fields = ["粤B\(r.next(below: 100))", PlainRecordSkipTests.keyField(&r),
                          ["小型轿车", "\"x,y\"", "\"多\n行\"", "\"q\"\"q\"", "拒绝", "", "\"\n\n\""][r.next(below: 7)]]
            switch r.next(below: 30) {
            case 0: fields.append("extra")
            case 1: fields.removeLast()
            default: break
            }
            var line = fields.joined(separator: ",")
            if r.next(below: 20) == 0 { line += "\r" }
            if r.next(below: 25) == 0 { lines.append("") }
            lines.append(line)
        }
        let bom = seed % 2 == 0 ? "\u{FEFF}" : ""
        return bom + header.joined(separator: ",") + "\n" + lines.joined(separator: "\n") + (seed % 3 == 0 ? "" : "\n")
    }

    struct Outcome: Equatable {
        var facts: [String: [Record]]
        var keys: [String]
        var counts: [FileCounts]
        var rejects: [RejectedRow]
        var stamped: Bool
    }

    /// The row a connector keeps: the id and the type; "拒绝" is rejected.
    static func decide(_ row: CSVRow, index: PersonIndex) throws(RowReject) -> RowDecision<KeyedRecord> {
        guard let id = try row.personID("证件号码", in: index) else { return .unmatched }
        let other = try row.text("类型")
        if other == "拒绝" { throw RowReject("类型为“拒绝”") }
        return .keep(Record(schema: schema, fields: [.string(id), .string(other)], source: row.origin), key: id)
    }

    /// Reads `text` with `readFacts` on `threads` threads and pieces of at least `smallest` bytes.
    static func read(_ text: String, threads: Int, smallest: Int) throws -> Outcome {
        let folder = try TempFolder(files: ["f.csv": text])
        let facts = FactStore()
        let report = SourceReport(sourceID: "s")
        var request = ReadRequest(source: SourceConfig(id: "s", path: folder.path, displayPath: "in"), index: PlainRecordSkipTests.index,
                                  facts: facts, report: report, threads: threads)
        request.smallestPiece = smallest
        let index = request.index
        try request.readFacts("f.csv", required: header, collection: "rows", personKey: "证件号码") { row throws(RowReject) in
            try decide(row, index: index)
        }
        return Outcome(facts: facts.collection("rows"), keys: (0..<facts.keys.count).map { facts.keys.name(Int32($0)) },
                       counts: report.files, rejects: report.rejects, stamped: report.stamp(of: "in/f.csv") != nil)
    }

    /// Whether `text` is split into pieces for `threads` threads (and read so), not read on one.
    static func isSplit(_ text: String, threads: Int, smallest: Int) throws -> Bool {
        let folder = try TempFolder(files: ["f.csv": text])
        let source = SourceConfig(id: "s", path: folder.path, displayPath: "in")
        let file = try CSVExportFile("f.csv", in: source, required: header)
        let index = PlainRecordSkipTests.index
        return try file.readFactsSplit(into: SourceReport(sourceID: "s"), personKey: PersonKeyFilter(column: 1, index: index), threads: threads,
                                       smallestPiece: smallest, store: FactStore(), collection: "rows") { row throws(RowReject) in
            try decide(row, index: index)
        }
    }

    @Test(arguments: [2, 3, 8])
    func piecesGiveWhatOneThreadGives(threads: Int) throws {
        for seed in 0..<10 as Range<UInt64> {
            let text = Self.file(seed: seed * 17 + UInt64(threads))
            let one = try Self.read(text, threads: 1, smallest: 64)
            #expect(one.counts.allSatisfy { $0.addsUp } && one.stamped)
            #expect(one.counts.first.map { $0.duplicates > 0 && $0.rejected > 0 && $0.accepted > 0 && $0.unmatched > 0 } == true,
                    "the file has rows of every kind (seed \(seed))")
            for smallest in [64, 300, 1500] {
                #expect(try Self.isSplit(text, threads: threads, smallest: smallest), "seed \(seed), pieces of \(smallest)")
                let split = try Self.read(text, threads: threads, smallest: smallest)
                #expect(split == one, "seed \(seed), \(threads) threads, pieces of \(smallest) bytes")
            }
        }
    }

    /// A quote inside an unquoted field, or one never closed, throws the quote parity off: a piece
    /// then does not end where a record does, and the file is read again on one thread.
    @Test func malformedQuotingIsReadOnOneThreadWithTheSameResult() throws {
        var fellBack = 0
        for seed in 0..<12 as Range<UInt64> {
            var text = Self.file(seed: seed)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let at = lines.count / 3 + Int(seed)
            text = (lines[..<at] + [seed % 2 == 0 ? "粤B1,ab\"c,小型轿车" : "粤B1,\"never closed,小型轿车"] + lines[at...]).joined(separator: "\n")
            let one = try Self.read(text, threads: 1, smallest: 64)
            let split = try Self.read(text, threads: 4, smallest: 200)
            #expect(split == one, "seed \(seed)")
            if try !Self.isSplit(text, threads: 4, smallest: 200) { fellBack += 1 }
        }
        #expect(fellBack > 0, "no malformed file was read again on one thread")
    }

    @Test func smallFilesAndOneThreadAreNotSplit() throws {
        let text = Self.file(seed: 3)
        #expect(try !Self.isSplit(text, threads: 1, smallest: 64))
        #expect(try !Self.isSplit(text, threads: 8, smallest: text.utf8.count))
        // a file whose lines end in a lone CR
        let cr = text.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "\r")
        #expect(try !Self.isSplit(cr, threads: 4, smallest: 64))
        #expect(try Self.read(cr, threads: 4, smallest: 64) == Self.read(cr, threads: 1, smallest: 64))
    }

    /// An invalid byte stops the read with the error one thread gives: same line, same offset.
    @Test func anUndecodableByteGivesTheSameError() throws {
        var bytes = Array(Self.file(seed: 5).utf8)
        let at = bytes.count * 2 / 3
        bytes.insert(0xFF, at: bytes[at...].firstIndex(of: 0x0A)! + 1)
        let folder = try TempFolder()
        try Data(bytes).write(to: URL(fileURLWithPath: folder.path + "/f.csv"))
        func error(threads: Int) -> String? {
            var request = ReadRequest(source: SourceConfig(id: "s", path: folder.path, displayPath: "in"), index: PlainRecordSkipTests.index,
                                      facts: FactStore(), report: SourceReport(sourceID: "s"), threads: threads)
            request.smallestPiece = 64
            let index = request.index
            do {
                try request.readFacts("f.csv", required: Self.header, collection: "rows", personKey: "证件号码") { row throws(RowReject) in
                    try Self.decide(row, index: index)
                }
                return nil
            } catch {
                return error.description
            }
        }
        let one = error(threads: 1)
        #expect(one?.contains("0xFF") == true)
        #expect(error(threads: 4) == one)
    }

    /// Every piece starts at the file's start or after a line feed outside quotes, and knows the
    /// line feeds before it; together the pieces cover the file.
    @Test func piecesStartWhereRecordsDo() throws {
        let text = Self.file(seed: 8)
        let bytes = Array(text.utf8)
        let folder = try TempFolder(files: ["f.csv": text])
        let path = folder.path + "/f.csv"
        let stamp = try #require(FileStamp(path: path))
        let pieces = try #require(try FileSplit.pieces(path: path, displayPath: "in/f.csv", stamp: stamp, threads: 6, smallest: 100))
        #expect(pieces.count == 6)
        #expect(pieces.first?.range.lowerBound == 0 && pieces.last?.range.upperBound == bytes.count)
        for (a, b) in zip(pieces, pieces.dropFirst()) { #expect(a.range.upperBound == b.range.lowerBound) }
        for piece in pieces.dropFirst() {
            let before = bytes[..<piece.range.lowerBound]
            #expect(before.last == 0x0A)
            #expect(before.filter { $0 == 0x22 }.count % 2 == 0)
            #expect(before.filter { $0 == 0x0A }.count == piece.linesBefore)
        }
        #expect(try FileSplit.pieces(path: path, displayPath: "in/f.csv", stamp: stamp, threads: 6, smallest: bytes.count) == nil)
    }

    @Test func quotesAndLineFeedsAreCountedByEveryImplementation() {
        var r = SplitMix64(seed: 11)
        let alphabet: [UInt8] = [0x22, 0x0A, 0x2C, 0x61, 0xE4, 0xB8, 0xAD]
        for length in [0, 1, 31, 32, 33, 64, 1000, 4099] {
            let bytes = (0..<length).map { _ in alphabet[r.next(below: alphabet.count)] }
            let quotes = bytes.filter { $0 == 0x22 }.count, lineFeeds = bytes.filter { $0 == 0x0A }.count
            for implementation in [HECHA_SCAN_BEST, HECHA_SCAN_PORTABLE, HECHA_SCAN_AVX2, HECHA_SCAN_NEON] {
                var q = 0, l = 0
                guard hecha_count_quotes_and_line_feeds_using(implementation, bytes, bytes.count, &q, &l) == 0 else { continue }
                #expect(q == quotes && l == lineFeeds, "\(implementation), \(length) bytes")
            }
        }
    }
}
