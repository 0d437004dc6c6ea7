import ConnectorKit
import HechaCore
import HechaReports
import Testing

/// No value from the data becomes a formula in a CSV file Hecha writes (CSV injection, OWASP):
/// findings.csv, by-township/*.csv and rejects/*.csv.
struct CSVInjectionTests {
    static let hostile = ["=HYPERLINK(\"http://evil.example\",\"点此\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
                          "\tx=1", "\r=1"]

    /// The fields of a CSV file's lines (after the header), as a spreadsheet reads them.
    static func rows(_ csv: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, atStart = true
        var chars = Array(csv.dropFirst()).makeIterator()  // the byte-order mark
        var pending: Character? = nil
        while let ch = pending ?? chars.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(ch) }
            } else if ch == "\"" && atStart {
                quoted = true
            } else if ch == "," {
                row.append(field); field = ""; atStart = true; continue
            } else if ch == "\r\n" {
                row.append(field); rows.append(row); row = []; field = ""; atStart = true; continue
            } else { field.append(ch) }
            atStart = false
        }
        return Array(rows.dropFirst())
    }

    /// Whether a spreadsheet would evaluate the cell: it starts with a formula character, and is
    /// not one of Hecha's own `="…"` codes holding a plain string.
    static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.first, "=+-@\t\r".contains(first) else { return false }
        if cell.hasPrefix("=\""), cell.hasSuffix("\""), cell.count >= 3 {
            let inner = cell.dropFirst(2).dropLast()
            return inner.replacingOccurrences(of: "\"\"", with: "").contains("\"")
        }
        return true
    }

    let input: ReportInput = {
        var input = ReportFixture.input(towns: hostile, villages: hostile.reversed(), headNames: ["=abc", "+x", "-y", "@z", "张三", "李四"])
        input.findings.append(Finding(rule: "underpaid", household: "T0", amount: Exact(-12000, 100),
                                      evidence: [SourceRef(source: "civil-affairs", file: "=发放记录.csv", line: 9)]))
        input.households.households["\"&HYPERLINK(\"x\")&\""] = HouseholdInfo(town: "鸣凤镇", headName: "王五")
        input.findings.append(Finding(rule: "local-check", household: "\"&HYPERLINK(\"x\")&\"", application: "=SQ1",
                                      evidence: [SourceRef(source: "civil-affairs", file: "申请记录.csv", line: 3)]))
        input.findings.sort(by: Finding.ordered)
        return input
    }()

    @Test func findingsCSVHasNoFormulaFromTheData() {
        let csv = FindingsCSV.text(input)
        let rows = Self.rows(csv)
        #expect(rows.count == input.findings.count)
        let amountColumn = FindingsCSV.header.firstIndex(of: "金额（元）")!
        for row in rows {
            #expect(row.count == FindingsCSV.header.count)
            for (i, cell) in row.enumerated() where i != amountColumn {
                #expect(!Self.isFormula(cell), "column \(FindingsCSV.header[i]): \(cell.debugDescription)")
            }
        }
        // defused as OWASP says: a quote before it, the cell quoted; shown as the text it was
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点此\"\")\","))
        #expect(csv.contains(",\"'-2+3\","))
        #expect(rows.contains { $0.contains("'=***") })  // the masked head name =abc
        #expect(rows.contains { $0.contains("'=SQ1") })
        #expect(rows.contains { $0.contains("'=发放记录.csv:9") })
    }

    @Test func amountsStayNumbers() {
        let rows = Self.rows(FindingsCSV.text(input))
        let amountColumn = FindingsCSV.header.firstIndex(of: "金额（元）")!
        #expect(rows.contains { $0[amountColumn] == "-120.00" })
        #expect(FindingsCSV.text(input).contains(",-120.00,"))
    }

    @Test func aQuoteInAHouseholdIdCannotLeaveItsTextCode() {
        let rows = Self.rows(FindingsCSV.text(input))
        let household = FindingsCSV.header.firstIndex(of: "户编号")!
        let cell = rows.map { $0[household] }.first { $0.contains("HYPERLINK") }
        #expect(cell == "=\"\"\"&HYPERLINK(\"\"x\"\")&\"\"\"")
        #expect(cell.map(Self.isFormula) == false)
    }

    @Test func townshipFilesHaveNoFormulaFromTheData() {
        let files = FindingsCSV.byTownship(input)
        #expect(files.count == Self.hostile.count + 1)
        let amountColumn = FindingsCSV.header.firstIndex(of: "金额（元）")!
        for f in files {
            for row in Self.rows(f.text) {
                for (i, cell) in row.enumerated() where i != amountColumn { #expect(!Self.isFormula(cell), "\(f.name): \(cell)") }
            }
        }
    }

    @Test func rejectsFilesHaveNoFormulaFromTheData() {
        let rejects = Self.hostile.enumerated().map { i, v in
            RejectedRow(file: "data/civil-affairs/家庭成员.csv", line: i + 2, reason: v, raw: v + ",420525194703150027")
        }
        let rows = Self.rows(RejectsCSV.text(rejects))
        #expect(rows.count == rejects.count)
        for (row, r) in zip(rows, rejects) {
            #expect(row[1] == String(r.line))  // line numbers stay numbers
            for cell in [row[0], row[2], row[3]] { #expect(!Self.isFormula(cell), "\(cell.debugDescription)") }
            #expect(row[3] == "'" + r.raw)
        }
    }
}
