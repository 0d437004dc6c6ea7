@testable import ConnectorKit
import HechaCore
import Testing

/// Old Mac exports end their lines in a lone CR: they must read as lines, not as one header line.
struct LineEndTests {
    func records(_ text: String, chunkSize: Int) throws -> [CSVRecord] {
        try CSVReader(bytes: Array(text.utf8), chunkSize: chunkSize).readAll()
    }

    @Test func aFileOfLoneCRLineEndsReadsAsLinesAtEveryChunkSize() throws {
        let text = "\u{FEFF}证件号码,姓名\r441900198001011237,张三\r\"44190019\r8001011237\",李四\r\r3,王五\r"
        for size in [1, 2, 3, 5, 8, 16, 1 << 20] {
            let all = try records(text, chunkSize: size)
            #expect(all.map(\.fields) == [["证件号码", "姓名"], ["441900198001011237", "张三"],
                                          ["44190019\n8001011237", "李四"], ["3", "王五"]], "chunk size \(size)")
            #expect(all.map(\.line) == [1, 2, 3, 6], "chunk size \(size)")
        }
    }

    @Test func crlfAndLFFilesKeepALoneCRInsideAFieldAsData() throws {
        for size in [1, 2, 3, 7, 1 << 20] {
            #expect(try records("a,b\r\n1,2\r\n", chunkSize: size).map(\.fields) == [["a", "b"], ["1", "2"]])
            #expect(try records("a,b\n1\r2,3\n", chunkSize: size).map(\.fields) == [["a", "b"], ["1\r2", "3"]])
            #expect(try records("a,b\r", chunkSize: size).map(\.fields) == [["a", "b"]])
        }
    }

    @Test func anExportFileWithLoneCRsHasItsRowsCounted() throws {
        let folder = try TempFolder(files: ["t.csv": "号牌号码,车辆类型\r粤S1,小型轿车\r粤S2,货车\r"])
        let file = try SourceConfig(id: "v", path: folder.path, displayPath: "data/v").openCSV("t.csv", required: ["号牌号码", "车辆类型"])
        let report = SourceReport(sourceID: "v")
        let kept = try file.readRows(into: report) { row throws(RowReject) -> RowDecision<String> in .keep(try row.text("车辆类型")) }
        #expect(kept == ["小型轿车", "货车"])
        #expect(report.files.first?.read == 2)
    }

    @Test func jsonLinesWithLoneCRsReadAsLines() throws {
        let reader = try JSONLinesReader(bytes: Array("{\"a\": 1}\r{\"a\": 2}\r\r{\"a\": 3}".utf8), chunkSize: 3)
        var lines: [Int] = []
        while let l = try reader.next() { lines.append(l.line) }
        #expect(lines == [1, 2, 4])
    }
}
