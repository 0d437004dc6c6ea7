import ConnectorKit
import HechaCore
import Testing

struct JSONValueTests {
    @Test func parsesObjectsKeepingNumberText() throws {
        let v = try JSONValue.parse(Array(#" {"a": "x\u00e9\ud83d\ude00\n", "b": 12345.67, "c": [true, false, null, -0.5e2], "d": {}, "e": "中文 1", "f": "前\"后", "g": ""} "#.utf8))
        #expect(v == .object([
            "a": .string("xé😀\n"), "b": .number("12345.67"),
            "c": .array([.bool(true), .bool(false), .null, .number("-0.5e2")]), "d": .object([:]),
            "e": .string("中文 1"), "f": .string("前\"后"), "g": .string(""),
        ]))
    }

    @Test(arguments: [
        (#"{"a": "1""#, "第 10 个字符处：行在 JSON 结束前就结束了（被截断？）"),
        (#"{"a": "1"#, "第 7 个字符处：字符串没有结束引号（被截断？）"),
        (#"{"a" "1"}"#, "第 6 个字符处：键名后应为 ':'"),
        (#"{"a": 1,}"#, "第 9 个字符处：应为用双引号括起的键名"),
        (#"{"a": 01}"#, "第 8 个字符处：应为 ',' 或 '}'"),
        (#"{"a": 1} x"#, "第 10 个字符处：JSON 之后还有多余的字符"),
        (#"{"a": 1, "a": 2}"#, "第 10 个字符处：键 'a' 出现了不止一次"),
        (#"{"证": 余额}"#, "第 7 个字符处：意外的字符 '余'"),
        (#"{"a": "\x"}"#, #"第 8 个字符处：无效的转义 '\x'"#),
        ("{\"a\": \"\t\"}", "第 8 个字符处：字符串中有未转义的控制字符"),
        (#"{"a": tru}"#, "第 10 个字符处：意外的字符 '}'"),
    ] as [(String, String)])
    func rejectsInvalidJSON(text: String, reason: String) {
        #expect(throws: ValueProblem(reason)) { try JSONValue.parse(Array(text.utf8)) }
    }
}

struct JSONLinesFileTests {
    private func read(_ files: [String: String]) throws -> (SourceReport, [String]) {
        let folder = try TempFolder(files: files)
        let report = SourceReport(sourceID: "bank")
        let facts = FactStore()
        let schema = RecordSchema(name: "t", title: "t", fields: [FieldSchema("id", .string), FieldSchema("v", .number)])
        let request = ReadRequest(source: SourceConfig(id: "bank", path: folder.path, displayPath: "in"),
                                  index: PersonIndex(householdsByPerson: ["441900198001011237": [0]], householdByID: [:]),
                                  facts: facts, report: report)
        try request.readJSONLinesFacts(collection: "t") { row throws(RowReject) in
            let id = try row.personID("id")
            guard request.index.containsPerson(id) else { return .unmatched }
            return .keep(Record(schema: schema, fields: [.string(id), .number(try row.money("v"))], source: row.origin), key: id)
        }
        let lines = facts.collection("t").values.flatMap { $0 }.map { "\($0.source!.file):\($0.source!.line) \($0)" }.sorted()
        return (report, lines)
    }

    @Test func countsEveryLineOnceAndKeepsGoingAfterABadOne() throws {
        let text = "\u{FEFF}{\"id\": \"441900198001011237\", \"v\": \"1,234.50元\"}\r\n"
            + "{\"id\": \"441900198001011237\", \"v\": 7}\r\n"
            + "\r\n"
            + "{\"id\": \"441900198001011237\", \"v\": \r\n"
            + "[1]\n"
            + "{\"id\": 441900198001011237, \"v\": 1}\n"
            + "{\"id\": \"441900198001011237\", \"v\": true}\n"
            + "{\"id\": \"441900198001011237\", \"v\": \"\"}\n"
            + "{\"id\": \"441900198001011237\", \"v\": 7}\n"
            + "{\"id\": \"441900197007074568\", \"v\": 1}\n"
            + "{\"id\": \"441900198001011237\", \"v\": 8}"
        let (report, facts) = try read(["b.jsonl": text, "a.JSONL": "{\"id\": \"441900198001011237\", \"v\": 0}\n", "c.csv": "x\n"])
        #expect(report.files.map(\.file) == ["in/a.JSONL", "in/b.jsonl"])
        let b = report.files[1]
        #expect([b.read, b.accepted, b.rejected, b.duplicates, b.unmatched] == [10, 3, 5, 1, 1])
        #expect(report.rejects.map { "\($0.line): \($0.reason)" } == [
            "4: 不是有效的 JSON：第 35 个字符处：行在 JSON 结束前就结束了（被截断？）",
            "5: 不是 JSON 对象（实为数组）",
            "6: id 应为字符串，实为数字",
            "7: v 应为字符串或数字，实为布尔值",
            "8: v 为空",
        ])
        #expect(report.rejects[0].raw == "{\"id\": \"441900198001011237\", \"v\": ")
        #expect(facts == [
            "a.JSONL:1 t{id: \"441900198001011237\", v: 0}",
            "b.jsonl:1 t{id: \"441900198001011237\", v: 1234.5}",
            "b.jsonl:11 t{id: \"441900198001011237\", v: 8}",
            "b.jsonl:2 t{id: \"441900198001011237\", v: 7}",
        ])
    }

    /// The plain-form shortcuts of the accessors (dates, amounts, choices, roster ids) give what the
    /// general parsers give, on plain and unusual forms alike.
    @Test func accessorsAgreeWithTheGeneralParsers() throws {
        let lines = [
            #"{"id": "441900198001011237", "d": "2024-03-05", "v": 12.5, "t": "活期"}"#,
            #"{"id": " 441900198001011237 ", "d": "20240305", "v": "1,234.50元", "t": " 活期 "}"#,
            #"{"id": "44190019800101123x", "d": "2024年3月5日", "v": "-0.01", "t": "定期"}"#,
            #"{"id": "441900198001011237", "d": "2024-02-30", "v": 1e3, "t": "理财产品"}"#,
            #"{"id": "４４１９００１９８００１０１１２３７", "d": " 2024-03-05", "v": "12.345", "t": "活期"}"#,
            #"{"id": "441900197007074568", "d": "2024-03-05", "v": 1, "t": "活期"}"#,
        ]
        let folder = try TempFolder(files: ["q.jsonl": lines.joined(separator: "\n") + "\n"])
        let report = SourceReport(sourceID: "bank")
        let facts = FactStore()
        let request = ReadRequest(source: SourceConfig(id: "bank", path: folder.path, displayPath: "in"),
                                  index: PersonIndex(householdsByPerson: ["441900198001011237": [0]], householdByID: [:]),
                                  facts: facts, report: report)
        let kinds = ["活期", "定期", "理财"]
        try request.readJSONLinesFacts(collection: "t") { row throws(RowReject) in
            func text(_ key: String) -> String {
                switch row.members[key] { case .string(let s)?: return s; case .number(let n)?: return n; default: return "" }
            }
            #expect((try? row.day("d")) == (try? DateText.day(text("d"))), "line \(row.line)")
            #expect((try? row.money("v")) == (try? MoneyText.amount(text("v"))) ?? nil, "line \(row.line)")
            #expect((try? row.oneOf("t", kinds)) == (try? ChoiceText.oneOf(text("t"), kinds)), "line \(row.line)")
            let general = IDNumber(text("id"))
            let expected = general.problem != nil ? "invalid" : general.text == "441900198001011237" ? general.text : "not on the roster"
            let fast: String
            do throws(RowReject) { fast = try row.personID("id", in: request.index) ?? "not on the roster" } catch { fast = "invalid" }
            #expect(fast == expected, "line \(row.line)")
            return .unmatched
        }
        #expect(report.files[0].read == lines.count)
    }

    @Test func aFolderWithoutJSONLinesFilesIsADiagnostic() throws {
        #expect {
            _ = try self.read(["readme.txt": "x"])
        } throws: { error in
            let d = error as? Diagnostic
            return d?.message == "no *.jsonl file in folder 'in' (source 'bank')" && d?.hint?.contains("files found: readme.txt") == true
        }
        let source = SourceConfig(id: "bank", path: "/nonexistent-folder-for-tests", displayPath: "data/banking")
        #expect(throws: Diagnostic.error("the folder 'data/banking' of source 'bank' does not exist",
                                         hint: "set `path:` of 'bank' in the region file to the folder that holds the *.jsonl files")) {
            _ = try source.files(withExtension: "jsonl")
        }
    }
}
