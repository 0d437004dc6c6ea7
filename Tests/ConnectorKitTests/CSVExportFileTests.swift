import ConnectorKit
import HechaCore
import Testing

struct CSVExportFileTests {
    let columns = ["号牌号码", "车辆类型", "所有人证件号码", "初次登记日期", "机动车状态", "购置价格"]

    func source(_ folder: TempFolder) -> SourceConfig {
        SourceConfig(id: "vehicle-registry", path: folder.path, displayPath: "data/vehicles")
    }

    @Test func columnsMatchByNameInAnyOrderIgnoringExtrasAndBlanks() throws {
        let folder = try TempFolder(files: ["机动车登记.csv": "\u{FEFF} 购置价格 ,备注,号牌号码\u{3000}\n10000,x,粤S1\n"])
        let file = try source(folder).openCSV("机动车登记.csv", required: ["号牌号码"], optional: ["购置价格", "车辆类型"])
        #expect(file.header == ["购置价格", "备注", "号牌号码"])
        #expect(file.displayPath == "data/vehicles/机动车登记.csv")
        #expect(file.hasColumn("购置价格") && !file.hasColumn("车辆类型"))
        let report = SourceReport(sourceID: "vehicle-registry")
        let kept = try file.readRows(into: report) { row throws(RowReject) -> RowDecision<String> in
            #expect(row.optionalText("车辆类型") == nil)
            #expect(row.origin == SourceRef(source: "vehicle-registry", file: "机动车登记.csv", line: 2))
            return .keep(try row.text("号牌号码") + "/" + (try row.optionalMoney("购置价格")!.description))
        }
        #expect(kept == ["粤S1/10000"])
    }

    /// The byte-level fast paths (a choice matched byte for byte, a plain month or year) agree with
    /// the general parsers on every form, and leave whatever they do not recognise to them.
    @Test func plainFormsAgreeWithTheGeneralParsers() throws {
        let types = ["工资薪金", "农业经营收入", "A"]
        let lines = [
            "工资薪金,2024-03", "农业经营收入,202403", " 工资薪金 ,2024年3月", "\"工资薪金\",2024", "A,2024年",
            "\u{3000}A,２０２４-０３", "B,2024-13", "工资,1899", "\"农业经营收入\"\"\",20240",
        ]
        let folder = try TempFolder(files: ["t.csv": "类型,所属期\n" + lines.joined(separator: "\n") + "\n"])
        let file = try source(folder).openCSV("t.csv", required: ["类型", "所属期"])
        let report = SourceReport(sourceID: "vehicle-registry")
        let kept = try file.readRows(into: report) { row throws(RowReject) -> RowDecision<String> in
            let general: String
            do throws(ValueProblem) { general = try ChoiceText.oneOf(row.field("类型")!, types) } catch { general = "✗" }
            let fast: String
            do throws(RowReject) { fast = try row.oneOf("类型", types) } catch { fast = "✗" }
            #expect(fast == general, "line \(row.line)")
            let raw = row.field("所属期")!
            if let m = row.plainMonth("所属期") { #expect(m == (try? DateText.month(raw)), "line \(row.line)") }
            if let y = row.plainYear("所属期") { #expect(y == (try? DateText.year(raw)), "line \(row.line)") }
            return .keep("\(fast) \(row.plainMonth("所属期").map { "\($0)" } ?? "-") \(row.plainYear("所属期").map { "\($0)" } ?? "-")")
        }
        #expect(kept == [
            "工资薪金 2024-03 -", "农业经营收入 2024-03 -", "工资薪金 - -", "工资薪金 - 2024", "A - -",
            "A - -", "✗ - -", "✗ - -", "✗ - -",
        ])
    }

    @Test func yesNoAndRequiredIDsAgreeWithTheGeneralParsers() throws {
        let lines = ["是,441900198001011237", "否, 441900198001011237", " 是 ,44190019800101123x", "x,４４１９００１９８００１０１１２３７", "\"否\",123", ","]
        let folder = try TempFolder(files: ["m.csv": "共同生活,身份证号\n" + lines.joined(separator: "\n") + "\n"])
        let file = try source(folder).openCSV("m.csv", required: ["共同生活", "身份证号"])
        let kept = try file.readRows(into: SourceReport(sourceID: "vehicle-registry")) { row throws(RowReject) -> RowDecision<String> in
            let yes: String
            do throws(RowReject) { yes = try row.yesNo("共同生活") ? "是" : "否" } catch { yes = "✗" }
            let general: String
            do throws(ValueProblem) { general = try ChoiceText.yesNo(row.field("共同生活")!) ? "是" : "否" } catch { general = "✗" }
            #expect(yes == general, "line \(row.line)")
            let id: String
            do throws(RowReject) { id = try row.requiredIDNumber("身份证号").text } catch { id = "✗" }
            let trimmed = FieldText.trimmed(row.field("身份证号")!)
            #expect(id == (trimmed.isEmpty ? "✗" : IDNumber(trimmed).text), "line \(row.line)")
            return .keep(yes + " " + id)
        }
        #expect(kept == ["是 441900198001011237", "否 441900198001011237", "是 44190019800101123X", "✗ 441900198001011237",
                         "否 123", "✗ ✗"])
    }

    @Test func aMissingRequiredColumnNamesFileColumnAndColumnsFound() throws {
        let folder = try TempFolder(files: ["机动车登记.csv": "号牌号码,车辆类型,初次登记日期,机动车状态,购置价格\n"])
        #expect(throws: Diagnostic.self) { try source(folder).openCSV("机动车登记.csv", required: columns) }
        do {
            _ = try source(folder).openCSV("机动车登记.csv", required: columns)
        } catch {
            #expect(error.description == """
                data/vehicles/机动车登记.csv:1: error: missing required column '所有人证件号码'
                  hint: columns found: 号牌号码, 车辆类型, 初次登记日期, 机动车状态, 购置价格
                """)
        }
    }

    @Test func aMisspeltColumnGetsASuggestion() throws {
        let folder = try TempFolder(files: ["f.csv": "号牌号,x\n"])
        do {
            _ = try source(folder).openCSV("f.csv", required: ["号牌号码"])
            Issue.record("expected a diagnostic")
        } catch {
            #expect(error.message == "missing required column '号牌号码'; did you mean '号牌号'?")
        }
    }

    @Test func aMissingFileNamesTheFileAndTheFolder() throws {
        let folder = try TempFolder(files: ["机动车.csv": "a\n"])
        var s = source(folder)
        s.declaredAt = SourceLocation(file: "regions/dg.yaml", line: 20, column: 3)
        do {
            _ = try s.openCSV("机动车登记.csv", required: columns)
            Issue.record("expected a diagnostic")
        } catch {
            #expect(error.description == """
                regions/dg.yaml:20:3: error: missing file '机动车登记.csv' in folder 'data/vehicles' (source 'vehicle-registry')
                  hint: put the export named 机动车登记.csv in that folder; files found: 机动车.csv
                """)
        }
        let gone = SourceConfig(id: "vehicle-registry", path: folder.path + "/nope", displayPath: "data/nope")
        #expect(throws: Diagnostic.self) { try gone.openCSV("机动车登记.csv", required: columns) }
    }

    @Test func anEmptyFileIsADiagnostic() throws {
        let folder = try TempFolder(files: ["f.csv": ""])
        #expect(throws: Diagnostic.self) { try source(folder).openCSV("f.csv", required: ["a"]) }
    }
}
