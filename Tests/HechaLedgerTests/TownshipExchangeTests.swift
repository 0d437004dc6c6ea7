import Foundation
@testable import HechaLedger
import Testing
import TestSupport

/// The township worksheet out and back in: good rows applied, each bad row rejected with its line,
/// a second import of the same file changing nothing.
struct TownshipExchangeTests {
    let town = "茅坪场镇"

    /// A ledger after one run of the demo, with the worksheet of 茅坪场镇 (12 leads) exported.
    func exported(_ backend: LedgerBackend) throws -> (dir: String, store: LedgerStore, rows: [(line: Int, cells: [String])]) {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        try LedgerFixture.run(dir, ledger: ledger)
        let store = try LedgerStore(path: ledger)
        let (text, count) = try TownshipExchange.export(store, township: town)
        #expect(count == 12)
        #expect(text.hasPrefix("\u{FEFF}线索编号,规则,镇街,"))
        #expect(text.contains(",核查结果,处理方式,追回金额,核查人,核查日期,备注\r\n"))
        return (dir, store, try CSVCells.records(text))
    }

    @Test(arguments: LedgerBackend.available) func anImportAppliesTheGoodRowsAndRejectsEachBadOneWithItsLine(backend: LedgerBackend) throws {
        let (dir, store, records) = try exported(backend)
        let header = records[0].cells
        let col = { (name: String) in header.firstIndex(of: name)! }
        var rows = records.dropFirst().map(\.cells)
        func fill(_ i: Int, _ result: String, _ how: String = "", _ amount: String = "", _ date: String = "", _ remark: String = "") {
            rows[i][col("核查结果")] = result; rows[i][col("处理方式")] = how; rows[i][col("追回金额")] = amount
            rows[i][col("核查人")] = "王五"; rows[i][col("核查日期")] = date; rows[i][col("备注")] = remark
        }
        fill(0, "属实", "追回", "1711.50", "2025-01-20", "=HYPERLINK(\"x\")")  // line 2: good
        fill(1, "不属实", "非共同生活")                                          // line 3: good
        fill(2, "done")                                                         // line 4: unknown status
        fill(3, "不属实", "不知道")                                              // line 5: unknown reason
        fill(4, "属实", "追回", "12,34x")                                        // line 6: bad amount
        fill(5, "属实", "停发", "", "2025-13-01")                                // line 7: bad date
        fill(6, "核查中")                                                        // line 8: good
        rows[7][col("线索编号")] = "0000000000000000"; fill(7, "属实", "停发")   // line 9: unknown lead
        // line 10: a lead of another township pasted in
        let other = try #require(try store.leads().first { $0.township != town })
        rows[8][col("线索编号")] = other.id; fill(8, "无法核实")
        let file = dir + "/\(town).csv"
        try CSVCells.file(header: header, rows: rows).write(toFile: file, atomically: true, encoding: .utf8)
        let report = try TownshipExchange.importFile(file, into: store, by: "\(town) 民政办", settings: LedgerFixture.settings, at: "2025-01-21T09:00:00Z")
        #expect(report.applied == 3)
        #expect(report.empty == rows.count - 9)
        #expect(report.rejected.count == 6)
        #expect(report.rejected[0].hasPrefix("\(file):4: error: unknown 核查结果 'done'"))
        #expect(report.rejected[1].hasPrefix("\(file):5: error: unknown dismiss reason '不知道'"))
        #expect(report.rejected[2].hasPrefix("\(file):6: error: bad amount '12,34x'"))
        #expect(report.rejected[3].hasPrefix("\(file):7: error: bad date '2025-13-01'"))
        #expect(report.rejected[4].hasPrefix("\(file):9: error: unknown lead '0000000000000000'"))
        #expect(report.rejected[5].hasPrefix("\(file):10: error: lead \(other.id) belongs to township \(other.township), not \(town)"))
        let confirmed = try #require(try store.lead(rows[0][col("线索编号")]))
        #expect(confirmed.status == .confirmed && confirmed.action == "追回" && confirmed.amountSettled == "1711.50")
        #expect(confirmed.outcomeDate == "2025-01-20" && confirmed.note == "核查人 王五; =HYPERLINK(\"x\")")
        #expect(try store.lead(rows[1][col("线索编号")])?.reason == "非共同生活")
        #expect(try store.lead(other.id)?.status == .open)
        // the same file again: nothing changes, no event is added
        let events = try store.read { db in try db.value("SELECT COUNT(*) FROM events") as Int? }
        let again = try TownshipExchange.importFile(file, into: store, by: "\(town) 民政办", settings: LedgerFixture.settings, at: "2025-01-22T09:00:00Z")
        #expect(again.applied == 0 && again.unchanged == 3 && again.rejected.count == 6)
        #expect(try store.read { db in try db.value("SELECT COUNT(*) FROM events") as Int? } == events)
    }

    @Test func cellsThatWouldRunAsFormulasAreNeutralisedAndReadBack() throws {
        #expect(CSVCells.field("=1+2") == "'=1+2")
        #expect(CSVCells.field("+86 139") == "'+86 139")
        #expect(CSVCells.field("-5") == "'-5")
        #expect(CSVCells.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVCells.field("\tx") == "'\tx")
        #expect(CSVCells.field("\rx") == "\"'\rx\"")
        #expect(CSVCells.field("a,b") == "\"a,b\"")
        #expect(CSVCells.field("1234.50") == "1234.50")
        let text = CSVCells.file(header: ["a", "b"], rows: [["=cmd|' /C calc'!A0", "say \"hi\", then\nleave"]])
        #expect(text == "\u{FEFF}a,b\r\n'=cmd|' /C calc'!A0,\"say \"\"hi\"\", then\nleave\"\r\n")
        let records = try CSVCells.records(text + "x,y\r\n")
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].cells == ["=cmd|' /C calc'!A0", "say \"hi\", then\nleave"])
        #expect(throws: LedgerError.self) { try CSVCells.records("a,b\r\n\"open,x\r\n") }
    }

    @Test(arguments: LedgerBackend.available) func aWorksheetWithoutItsColumnsIsRefused(backend: LedgerBackend) throws {
        let (dir, store, _) = try exported(backend)
        let file = dir + "/wrong.csv"
        try "\u{FEFF}编号,结果\r\nabc,属实\r\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect {
            _ = try TownshipExchange.importFile(file, into: store, by: "x", settings: LedgerFixture.settings, at: "t")
        } throws: { e in "\(e)".contains("wrong.csv:1: error: missing column(s) 线索编号, 镇街, 核查结果") }
    }
}
