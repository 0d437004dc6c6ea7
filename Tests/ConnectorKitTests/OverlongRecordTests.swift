@testable import ConnectorKit
#if canImport(Glibc)
import Glibc
#endif
import HechaCore
import Testing

/// A record with no line end for a very long way is rejected with an excerpt, and the reader
/// skips to the next line end without keeping the record in memory.
struct OverlongRecordTests {
    @Test(arguments: ["x", "\"x", "测"])
    func aCSVRecordOverTheLimitIsCutAndReadingResumesAfterIt(filler: String) throws {
        let long = String(repeating: filler == "\"x" ? "x" : filler, count: 5000)
        let text = "a,b\n" + (filler == "\"x" ? "\"" : "") + long + "\n1,2\n"
        for size in [16, 61, 1000] {
            let reader = try CSVReader(bytes: Array(text.utf8), chunkSize: size, recordLimit: 200)
            let all = try reader.readAll()
            #expect(all.map(\.line) == [1, 2, 3], "chunk size \(size)")
            #expect(all[2].fields == ["1", "2"])
            #expect(all[1].problem == RecordLimits.overlongReason(limit: 200))
            #expect(all[1].rawText.contains("第 2 行的记录过长，已截断"))
            #expect(all[1].raw.count < 200 + 2 * size + 100)
            #expect(reader.largestBuffer <= 200 + 2 * size + 1100, "memory stays bounded (chunk size \(size))")
        }
    }

    @Test func theRealLimitCutsARecordOfMoreThan16MiBToABoundedExcerpt() throws {
        let folder = try TempFolder(files: [:])
        let big = [UInt8]("号牌号码,车辆类型\n粤S1,".utf8) + [UInt8](repeating: 0x41, count: RecordLimits.recordBytes + (3 << 20))
            + [UInt8]("\n粤S2,货车\n".utf8)
        try big.write(to: folder.path + "/t.csv")
        let file = try SourceConfig(id: "v", path: folder.path, displayPath: "data/v").openCSV("t.csv", required: ["号牌号码", "车辆类型"])
        let report = SourceReport(sourceID: "v")
        let kept = try file.readRows(into: report) { row throws(RowReject) -> RowDecision<String> in .keep(try row.text("号牌号码")) }
        #expect(kept == ["粤S2"])
        let counts = try #require(report.files.first)
        #expect([counts.read, counts.accepted, counts.rejected] == [2, 1, 1])
        let reject = try #require(report.rejects.first)
        #expect(reject.line == 2)
        #expect(reject.raw.utf8.count <= RecordLimits.excerptBytes + 200)
        #expect(reject.raw.hasPrefix("粤S1,AAAA") && reject.raw.contains("已截断"))
        #expect(file.reader.largestBuffer <= RecordLimits.recordBytes + (3 << 20))
    }

    @Test func aJSONLinesLineOverTheLimitIsCutAndReadingResumesAfterIt() throws {
        let text = "{\"a\": 1}\n{\"a\": \"" + String(repeating: "长", count: 3000) + "\"}\r\n{\"a\": 3}\n"
        for size in [16, 61, 1000] {
            let reader = try JSONLinesReader(bytes: Array(text.utf8), chunkSize: size, recordLimit: 300)
            var lines: [JSONLine] = []
            while let l = try reader.next() { lines.append(l) }
            #expect(lines.map(\.line) == [1, 2, 3], "chunk size \(size)")
            #expect(lines.map { $0.problem != nil } == [false, true, false])
            #expect(Array(lines[2].raw) == Array("{\"a\": 3}".utf8))
            #expect(String(validating: lines[1].raw, as: UTF8.self) != nil, "the excerpt never cuts a character")
            #expect(reader.largestBuffer <= 300 + 2 * size, "memory stays bounded (chunk size \(size))")
        }
    }
}

extension Array where Element == UInt8 {
    /// Writes the bytes to a new file at `path`.
    func write(to path: String) throws {
        guard let f = fopen(path, "wb") else { throw CocoaLikeError.cannotWrite(path) }
        defer { fclose(f) }
        _ = withUnsafeBufferPointer { fwrite($0.baseAddress, 1, count, f) }
    }
}

enum CocoaLikeError: Error { case cannotWrite(String) }
