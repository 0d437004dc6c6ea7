import ConnectorKit
import HechaCore
import Testing

struct CSVReaderTests {
    func records(_ text: String, chunkSize: Int = 1 << 20) throws -> [CSVRecord] {
        try CSVReader(bytes: Array(text.utf8), chunkSize: chunkSize).readAll()
    }

    /// The same input read in chunks of every small size gives the same records.
    func expectSameAtEveryChunkSize(_ text: String) throws -> [CSVRecord] {
        let whole = try records(text)
        for size in 1...9 {
            let parts = try records(text, chunkSize: size)
            #expect(parts.map(\.fields) == whole.map(\.fields), "chunk size \(size)")
            #expect(parts.map(\.line) == whole.map(\.line), "chunk size \(size)")
            #expect(parts.map(\.problem) == whole.map(\.problem), "chunk size \(size)")
            #expect(parts.map(\.rawText) == whole.map(\.rawText), "chunk size \(size)")
        }
        return whole
    }

    /// Long unquoted fields are skipped eight bytes at a time: a comma, line break or quote at any
    /// offset of a field, after ASCII or Chinese text, still ends it where a byte-by-byte reading does.
    @Test func longFieldsEndAtEveryOffset() throws {
        var rows: [[String]] = []
        for length in 0...20 {
            for filler in ["x", "测"] {
                let field = String(repeating: filler, count: length)
                rows.append([field, "1" + field, field + "2"])
            }
        }
        let text = rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        let r = try expectSameAtEveryChunkSize(text)
        #expect(r.map(\.fields) == rows)
        // a stray quote inside a long field is still found
        let bad = try records("abcdefghijklmnop\"qrstuvwxyz,1\n")
        #expect(bad.first?.problem != nil)
    }

    @Test func plainRecordsWithLFAndCRLF() throws {
        let r = try expectSameAtEveryChunkSize("a,b,c\r\n1,2,3\n4,,6\r\n")
        #expect(r.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"], ["4", "", "6"]])
        #expect(r.map(\.line) == [1, 2, 3])
        #expect(r.map(\.rawText) == ["a,b,c", "1,2,3", "4,,6"])
    }

    @Test func quotesCommasAndEmbeddedLineBreaks() throws {
        let text = "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\"\n4,\"\"\n5,last"
        let r = try expectSameAtEveryChunkSize(text)
        #expect(r.map(\.fields) == [["id", "note"], ["1", "a, b"], ["2", "say \"hi\""], ["3", "two\r\nlines"], ["4", ""], ["5", "last"]])
        #expect(r.map(\.line) == [1, 2, 3, 4, 6, 7])
        #expect(r[3].rawText == "3,\"two\r\nlines\"")
        #expect(r.allSatisfy { $0.problem == nil })
    }

    @Test func byteOrderMarkAndBlankLinesAreDropped() throws {
        let r = try expectSameAtEveryChunkSize("\u{FEFF}a,b\n\n1,2\r\n\r\n")
        #expect(r.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(r.map(\.line) == [1, 3])
    }

    @Test func charactersAfterAClosingQuoteRejectOnlyThatRecord() throws {
        let r = try expectSameAtEveryChunkSize("a,b\n\"x\"y,2\n3,4\n")
        #expect(r.count == 3)
        #expect(r[1].problem == "第 1 个字段的结束引号后还有字符")
        #expect(r[1].line == 2)
        #expect(r[1].rawText == "\"x\"y,2")
        #expect(r[2].fields == ["3", "4"])
        #expect(r[2].problem == nil)
    }

    @Test func aBareQuoteInsideAFieldIsAProblem() throws {
        let r = try expectSameAtEveryChunkSize("a,b\n1,2\"3\n4,5\n")
        #expect(r[1].problem == "第 2 个字段中有未加引号包围的引号")
        #expect(r[2].fields == ["4", "5"])
    }

    @Test func anUnterminatedQuoteDoesNotSwallowTheRestOfTheFile() throws {
        let r = try expectSameAtEveryChunkSize("a,b\n1,2\n3,\"open\n5,6\n7,8")
        #expect(r.map(\.line) == [1, 2, 3, 4, 5])
        #expect(r[2].problem == "引号未闭合：从第 3 行开始的带引号字段直到文件末尾都没有结束引号")
        #expect(r[2].rawText == "3,\"open")
        #expect(r[3].fields == ["5", "6"])
        #expect(r[4].fields == ["7", "8"])
    }

    @Test func lastRecordWithoutLineBreakAndEmptyTrailingField() throws {
        let r = try expectSameAtEveryChunkSize("a,b\n1,")
        #expect(r.map(\.fields) == [["a", "b"], ["1", ""]])
        let q = try expectSameAtEveryChunkSize("a,b\r\n1,\"x\"\r")
        #expect(q.map(\.fields) == [["a", "b"], ["1", "x"]])
    }

    @Test func invalidUTF8IsADiagnosticWithLineAndOffset() throws {
        let bytes: [UInt8] = Array("a,b\n1,2\n".utf8) + [0x33, 0xFF, 0x0A]
        #expect(throws: Diagnostic.self) { try CSVReader(bytes: bytes, displayPath: "x.csv").readAll() }
        do {
            _ = try CSVReader(bytes: bytes, displayPath: "x.csv").readAll()
        } catch {
            #expect(error.location == SourceLocation(file: "x.csv", line: 3))
            #expect(error.message == "cannot decode the file as utf-8: byte 0xFF at byte offset 9 is not valid")
            #expect(error.hint?.contains("encoding:") == true)
        }
    }

    @Test func utf8SplitAcrossChunksIsFine() throws {
        let r = try expectSameAtEveryChunkSize("姓名,证件\n张三,４４\n")
        #expect(r[1].fields == ["张三", "４４"])
    }
}
