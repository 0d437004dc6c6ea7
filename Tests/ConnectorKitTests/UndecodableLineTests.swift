@testable import ConnectorKit
import HechaCore
import Testing

/// A JSON Lines line that is not valid UTF-8 (cut inside a character) is rejected with its line
/// number; the other lines are read as usual.
struct UndecodableLineTests {
    let text: [UInt8] = Array("{\"a\": \"中\"}\n{\"a\": \"".utf8) + [0xE4, 0xB8] + Array("\"}\r\n\n{\"a\": \"文\"}\n{\"a\": \"".utf8) + [0xE4]

    @Test func aLineCutInsideACharacterIsRejectedAtEveryChunkSize() throws {
        for size in 1...12 {
            let reader = try JSONLinesReader(bytes: text, chunkSize: size)
            var lines: [JSONLine] = []
            while let l = try reader.next() { lines.append(l) }
            #expect(lines.map(\.line) == [1, 2, 4, 5], "chunk size \(size)")
            #expect(lines.map { $0.problem != nil } == [false, true, false, true], "chunk size \(size)")
            #expect(lines[1].problem?.contains("第 8 个字节") == true, "chunk size \(size): \(lines[1].problem ?? "")")
        }
    }

    @Test func theFileIsCountedAndOnlyTheBadLinesRejected() throws {
        let folder = try TempFolder(files: [:])
        try text.write(to: folder.path + "/q.jsonl")
        let file = try JSONLinesFile("q.jsonl", in: SourceConfig(id: "bank", path: folder.path, displayPath: "in"))
        let report = SourceReport(sourceID: "bank")
        let kept = try file.readRows(into: report) { row throws(RowReject) -> RowDecision<String> in .keep(try row.text("a")) }
        #expect(kept == ["中", "文"])
        #expect(report.rejects.map(\.line) == [2, 5])
        #expect(report.files.first.map { [$0.read, $0.accepted, $0.rejected] } == [4, 2, 2])
    }

    @Test func csvFilesStillStopWithTheEncodingHint() throws {
        let reader = try CSVReader(bytes: Array("a\n".utf8) + [0xE4, 0x41] + Array("\n".utf8))
        #expect(throws: Diagnostic.self) { try reader.readAll() }
    }
}
