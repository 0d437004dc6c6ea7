import HechaCore
import HechaReports
import Testing

/// Every writer on the hand-made input, compared byte for byte with its golden file
/// (Tests/HechaReportsTests/Golden; regenerate with `HECHA_UPDATE_GOLDEN=1 swift test`).
struct WriterGoldenTests {
    @Test func findingsJSONL() {
        #expect(Golden.matches(FindingWriter.text(ReportFixture.input().findings), "findings.jsonl"))
    }

    @Test func findingsCSV() {
        #expect(Golden.matches(FindingsCSV.text(ReportFixture.input()), "findings.csv"))
    }

    @Test func findingsByTownship() {
        let files = FindingsCSV.byTownship(ReportFixture.input())
        #expect(files.map(\.name) == ["城关_新区-1f495e56.csv", "鸣凤镇.csv", "（未知镇街）.csv"])
        for f in files { #expect(Golden.matches(f.text, "by-township/" + f.name), "\(f.name)") }
    }

    @Test func rejectsCSV() {
        #expect(Golden.matches(RejectsCSV.text(ReportFixture.input().sources[0].rejects), "rejects-civil-affairs.csv"))
    }

    @Test func manifest() {
        let text = ManifestWriter.text(ReportFixture.input(), outputs: [("report.html", String(repeating: "e", count: 64))],
                                       times: .init(started: "2025-01-05T08:00:00Z", finished: "2025-01-05T08:00:02Z"))
        #expect(Golden.matches(text, "manifest.json"))
    }

    @Test func htmlInChinese() {
        #expect(Golden.matches(HTMLReport.text(ReportFixture.input(.chinese)), "report.zh.html"))
    }

    @Test func htmlInEnglish() {
        #expect(Golden.matches(HTMLReport.text(ReportFixture.input(.english)), "report.en.html"))
    }
}

/// What the writers must and must not contain, independent of the golden files.
struct WriterContentTests {
    let input = ReportFixture.input()

    @Test func humanFacingOutputsCarryNoFullIdOrFullName() {
        let outputs = [HTMLReport.text(input), HTMLReport.text(ReportFixture.input(.english)), FindingsCSV.text(input)]
            + FindingsCSV.byTownship(input).map(\.text)
        for text in outputs {
            #expect(!text.contains("420525194703150027"))
            #expect(text.contains("420525********0027") || !text.contains("鸣凤社区"))
            #expect(!text.contains("李秀英") && !text.contains("王大明") && !text.contains("欧阳娜娜"))
        }
        #expect(FindingsCSV.text(input).contains("李**"))
        #expect(FindingWriter.text(input.findings).contains("420525194703150027"))
    }

    @Test func csvIsForExcel() {
        let csv = FindingsCSV.text(input)
        #expect(csv.hasPrefix("\u{FEFF}线索编号,镇街,"))
        #expect(csv.contains("\r\n"))
        // amounts are plain numbers, rounded half-up once
        #expect(csv.contains(",5600.33,"))
        #expect(csv.contains(",1234.56,"))
        // quotes and commas in a field are quoted
        #expect(csv.contains("\"SQ2024,\"\"01\"\"\""))
    }

    @Test func htmlIsSelfContainedAndEscaped() {
        let html = HTMLReport.text(input)
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("https://"))
        #expect(!html.contains("<link") && !html.contains("src="))
        #expect(!html.contains("<b>村</b>"))
        #expect(html.contains("\\u003cb\\u003e村\\u003c/b\\u003e"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("table class=\"sortable findings\""))
    }

    @Test func totalsInTenThousandYuan() {
        let totals = ReportTotals(input)
        // over: 5600.00 + 1/3 + 1234.56; under: 50 + 7
        #expect(totals.total.overpaid == Exact(683456, 100) + Exact(1, 3))
        #expect(ReportTotals.tenThousands(totals.total.overpaid) == "0.68")
        #expect(ReportTotals.tenThousands(totals.total.underpaid) == "0.01")
        #expect(ReportTotals.tenThousands(Exact(12345, 1)) == "1.23")
        #expect(ReportTotals.tenThousands(Exact(12350, 1)) == "1.24")
        #expect(totals.categories.map(\.name) == ["死亡仍发放", "多发少发", "其他"])
        #expect(totals.categories.map(\.leads) == [1, 3, 1])
        #expect(totals.categories[1].households == 3)
        #expect(totals.total.households == 4)
        #expect(totals.towns.map(\.name) == ["城关/新区", "鸣凤镇", "（未知镇街）"])  // chéng before míng
    }

    @Test func manifestCountsAddUp() {
        let text = ManifestWriter.text(input, outputs: [], times: .init(started: "a", finished: "b"))
        #expect(text.contains("\"rows_total\": {\n    \"read\": 15,\n    \"accepted\": 8,\n    \"rejected\": 1,\n    \"duplicates\": 1,\n    \"unmatched\": 5\n  }"))
        #expect(text.contains("\"rules_run\": [\n    \"deceased-still-paid\""))
    }
}
