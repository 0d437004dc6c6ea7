import ConnectorKit
import HechaCore
import Testing

struct TextEncodingTests {
    static let fixtures = String(#filePath).split(separator: "/").dropLast().joined(separator: "/").prepending("/") + "/Fixtures"

    @Test func namesAreMatchedIgnoringCase() throws {
        #expect(TextEncoding(name: "UTF-8") == .utf8)
        #expect(TextEncoding(name: "utf8") == .utf8)
        #expect(TextEncoding(name: "GB18030") == .gb18030)
        #expect(TextEncoding(name: " gbk ") == .gb18030)
        #expect(TextEncoding(name: "GB2312") == .gb18030)
        #expect(TextEncoding(name: "latin1") == nil)
    }

    @Test func anUnknownNameIsADiagnosticAtTheSourceEntry() throws {
        let source = SourceConfig(id: "public-security", path: "/nowhere", encoding: "big5",
                                  declaredAt: SourceLocation(file: "regions/dg.yaml", line: 12, column: 3))
        #expect(throws: Diagnostic.error("unknown encoding 'big5' for source 'public-security'",
                                         at: SourceLocation(file: "regions/dg.yaml", line: 12, column: 3),
                                         hint: "use one of: utf-8, gb18030, gbk, gb2312")) {
            try TextEncoding.resolve(for: source, default: .utf8)
        }
    }

    @Test func gb18030FilesDecode() throws {
        for size in [1, 2, 3, 5, 1 << 20] {
            let reader = try CSVReader(path: Self.fixtures + "/gb18030.csv", displayPath: "gb18030.csv", encoding: .gb18030, chunkSize: size)
            let r = try reader.readAll()
            #expect(r.map(\.fields) == [
                ["公民身份号码", "姓名", "死亡日期", "数据来源"],
                ["441900198001011237", "张三", "2024-03-05", "户籍注销"],
                ["441900198506152342", "李四，小名\"阿四\"", "2024年3月5日", "火化记录"],
            ], "chunk size \(size)")
        }
    }

    @Test func gb18030ReadAsUTF8IsADiagnosticThatHintsAtTheEncoding() throws {
        do {
            _ = try CSVReader(path: Self.fixtures + "/gb18030.csv", displayPath: "data/ps/死亡人员.csv", encoding: .utf8, sourceID: "public-security").readAll()
            Issue.record("expected a diagnostic")
        } catch {
            #expect(error.description == """
                data/ps/死亡人员.csv:1: error: cannot decode the file as utf-8: byte 0xB9 at byte offset 0 is not valid
                  hint: if the export uses another encoding, set `encoding:` in the region file's source entry (sources: → public-security: {path: …, encoding: gb18030})
                """)
        }
    }

    @Test func invalidGB18030IsADiagnostic() throws {
        let bytes: [UInt8] = Array("a,b\n".utf8) + [0xB9, 0xAB, 0x2C, 0x81, 0x20, 0x0A]
        #expect(throws: Diagnostic.self) { try CSVReader(bytes: bytes, displayPath: "x.csv", encoding: .gb18030).readAll() }
        do {
            _ = try CSVReader(bytes: bytes, displayPath: "x.csv", encoding: .gb18030).readAll()
        } catch {
            #expect(error.location?.line == 2)
            #expect(error.message.contains("byte offset 7"))
        }
        // A character cut off by the end of the file.
        #expect(throws: Diagnostic.self) { try CSVReader(bytes: Array("a\n".utf8) + [0xB9], encoding: .gb18030).readAll() }
    }

    @Test func utf8WithBOMAndInvalidBytesInAFile() throws {
        do {
            _ = try CSVReader(path: Self.fixtures + "/bad-utf8.csv", displayPath: "bad-utf8.csv").readAll()
            Issue.record("expected a diagnostic")
        } catch {
            #expect(error.location == SourceLocation(file: "bad-utf8.csv", line: 3))
        }
    }
}

extension String {
    func prepending(_ s: String) -> String { s + self }
}
