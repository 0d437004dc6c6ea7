import ConnectorKit
import HechaCore
import Testing

struct RowLoopTests {
    /// Text is trimmed of blanks at either end (ASCII and Unicode), Chinese text included, and an
    /// empty required field is a reject.
    @Test func textIsTrimmedOfEveryKindOfBlank() throws {
        let fields = ["张三", " 张三", "张三\u{3000}", "\u{3000}张三", "张三\u{A0}", "\u{FEFF}张三", "张三\u{2003}",
                      "\t张 三 ", "张 三", "a", "é", "\u{3000}", "", "\"张三\u{3000}\"", "\"x\"\"y\""]
        let text = "名称,备注\n" + fields.map { $0 + ",n" }.joined(separator: "\n") + "\n"
        let folder = try TempFolder(files: ["t.csv": text])
        let report = SourceReport(sourceID: "s")
        let file = try SourceConfig(id: "s", path: folder.path, displayPath: "in").openCSV("t.csv", required: ["名称"], optional: ["备注", "无此列"])
        let kept = try file.readRows(into: report) { row throws(RowReject) -> RowDecision<[String?]> in
            .keep([row.optionalText("名称"), try row.text("名称"), row.optionalText("无此列")])
        }
        #expect(kept == [
            ["张三", "张三", nil], ["张三", "张三", nil], ["张三", "张三", nil], ["张三", "张三", nil], ["张三", "张三", nil],
            ["张三", "张三", nil], ["张三", "张三", nil], ["张 三", "张 三", nil], ["张 三", "张 三", nil], ["a", "a", nil],
            ["é", "é", nil], ["张三", "张三", nil], ["x\"y", "x\"y", nil],
        ])
        #expect(report.rejects.map(\.reason) == ["名称 为空", "名称 为空"])
    }

    @Test func everyRowIsCountedExactlyOnce() throws {
        let text = """
            证件号码,死亡日期,金额
            441900198001011237,2024-03-05,1.5
            441900198001011237,2024-03-05,1.5
            441900198506152342,2024-13-01,2
            441900198506152342,2024-13-01,2
            441900197007074568,2024-01-01,3
            441900197007074568,2024-01-01,3
            12345,2024-01-01,4
            441900198001011237,2024-03-06
            441900198001011237,"2024-03-07"x,1
            441900198001011237,2024-03-08,
            """
        let folder = try TempFolder(files: ["d.csv": text + "\n"])
        let report = SourceReport(sourceID: "s")
        let file = try SourceConfig(id: "s", path: folder.path, displayPath: "in").openCSV("d.csv", required: ["证件号码", "死亡日期", "金额"])
        let onRoster: Set = ["441900198001011237", "441900198506152342"]
        let kept = try file.readRows(into: report) { row throws(RowReject) -> RowDecision<Int> in
            let id = try row.personID("证件号码")
            guard onRoster.contains(id) else { return .unmatched }
            _ = try row.day("死亡日期")
            _ = try row.money("金额")
            return .keep(row.line)
        }
        #expect(kept == [2])
        let counts = try #require(report.files.first)
        #expect(counts.file == "in/d.csv")
        #expect(counts.read == 10)
        #expect(counts.accepted == 1)
        #expect(counts.duplicates == 2)
        #expect(counts.unmatched == 2)
        #expect(counts.rejected == 5)
        #expect(counts.addsUp)
        #expect(report.rejects.map(\.line) == [4, 8, 9, 10, 11])
        #expect(report.rejects.map(\.reason) == [
            "死亡日期 '2024-13-01' 不是有效日期",
            "证件号码 '12345' 长度为 5 位，应为 18 位（或 15 位旧号码），不是有效的身份证号",
            "字段数为 2，表头有 3 列",
            "第 2 个字段的结束引号后还有字符",
            "金额 为空",
        ])
        #expect(report.rejects.first?.raw == "441900198506152342,2024-13-01,2")
        #expect(report.rejects.first?.file == "in/d.csv")
    }
}
