import Foundation
import HechaCore
import HechaReports
import Testing

/// The report's list of findings at a city's scale: compact embedded data the page renders a page
/// at a time, not one table row of markup a finding; and a print layout for A4.
struct FindingListTests {
    static func block(_ id: String, in html: String) throws -> Any {
        let open = "<script type=\"application/json\" id=\"\(id)\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        return try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
    }

    static func many(_ n: Int) -> ReportInput {
        let towns = ["鸣凤镇", "花林寺镇", "旧县镇", "洋坪镇", "茅坪场镇", "嫘祖镇", "河口乡"]
        var input = ReportFixture.input(towns: (0..<n).map { towns[$0 % towns.count] })
        input.findings = input.findings.map { f in
            var f = f
            f.rule = "overpaid"
            f.amount = Exact(1234, 100)
            f.person = "420525194703150027"
            return f
        }
        return input
    }

    @Test func theListIsCompactDataNotOneTableRowAFinding() throws {
        let small = HTMLReport.text(Self.many(10)), large = HTMLReport.text(Self.many(5000))
        func rows(_ html: String) -> Int { html.components(separatedBy: "<tr").count - 1 }
        #expect(rows(large) == rows(small), "table rows in the markup do not grow with the findings")
        let perFinding = Double(large.utf8.count - small.utf8.count) / 4990
        #expect(perFinding < 200, "\(perFinding) bytes a finding")
        let data = try #require(try Self.block("finding-rows", in: large) as? [[Any]])
        #expect(data.count == 5000)
    }

    @Test func eachRowHoldsWhatTheListShowsMasked() throws {
        let input = ReportFixture.input()
        let html = HTMLReport.text(input)
        let lookups = try #require(try Self.block("finding-lookups", in: html) as? [String: Any])
        let towns = try #require(lookups["towns"] as? [String])
        #expect(towns == ["城关/新区", "鸣凤镇", "（未知镇街）"])
        let rules = try #require(lookups["rules"] as? [[Any]])
        let rows = try #require(try Self.block("finding-rows", in: html) as? [[Any]])
        #expect(rows.count == input.findings.count)
        // HumanOrder: 城关/新区 first; H001's deceased-still-paid finding with its masked person
        #expect(towns[rows[0][1] as! Int] == "城关/新区")
        let deceased = try #require(rows.first { ($0[9] as? String) == "5600.33" })
        #expect(deceased[0] as? String == FindingID.of(input.findings.first { $0.rule == "deceased-still-paid" }!))
        #expect(deceased[3] as? String == "H001")
        #expect(deceased[4] as? String == "王**")
        #expect(deceased[6] as? String == "李**")
        #expect(deceased[7] as? String == "420525********0027")
        #expect((rules[deceased[5] as! Int][0] as? String) == "保障对象死亡后仍在发放")
        #expect((deceased[10] as? [String]) == ["死亡人员.csv:4", "发放记录.csv:30,31"])
        #expect(!html.contains("420525194703150027") && !html.contains("李秀英"))
    }

    @Test func nothingInTheDataCanCloseTheScriptElement() throws {
        let hostile = "</script><script>alert(1)</script><!--"
        let html = HTMLReport.text(ReportFixture.input(towns: [hostile], villages: [hostile], headNames: [hostile]))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.components(separatedBy: "</script>").count - 1 == 3, "the two data blocks and the script")
        let rows = try #require(try Self.block("finding-rows", in: html) as? [[Any]])
        #expect(rows[0][2] as? String == hostile)
    }

    @Test func filtersListTheTownshipsAndRulesWithFindings() {
        let html = HTMLReport.text(ReportFixture.input())
        #expect(html.contains("<select id=\"f-town\""))
        #expect(html.contains("<option value=\"0\">城关/新区</option><option value=\"1\">鸣凤镇</option><option value=\"2\">（未知镇街）</option>"))
        #expect(html.contains("<input id=\"f-text\" type=\"search\""))
    }

    @Test func itPrintsOnA4AsATable() {
        let html = HTMLReport.text(ReportFixture.input())
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("@media print {"))
        // the phone layout (findings as cards) is for screens only: A4 is narrower than 760 px
        #expect(html.contains("@media screen and (max-width: 760px)"))
        #expect(!html.contains("@media (max-width"))
    }
}
