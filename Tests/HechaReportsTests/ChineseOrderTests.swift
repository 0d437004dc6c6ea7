import Foundation
import HechaReports
import Testing

/// Townships in the order a Chinese reader expects: by pinyin, not by code point.
struct ChineseOrderTests {
    /// 远安县's townships, shuffled, and in pinyin order (chéng, hé, huā, jiù, léi, máo, míng, yáng).
    static let shuffled = ["鸣凤镇", "花林寺镇", "旧县镇", "洋坪镇", "茅坪场镇", "嫘祖镇", "河口乡", "城关镇"]
    static let byPinyin = ["城关镇", "河口乡", "花林寺镇", "旧县镇", "嫘祖镇", "茅坪场镇", "鸣凤镇", "洋坪镇"]

    @Test func foundationOrdersByPinyinHere() {
        #expect(ChineseOrder.sorted(Self.shuffled) == Self.byPinyin)
        #expect(Self.shuffled.sorted() != Self.byPinyin)  // code point order is another one
    }

    @Test func theUnknownTownshipComesLastAndTiesAreBrokenByCodePoint() {
        let names = ChineseOrder.sorted(["鸣凤镇", HouseholdDirectory.unknownTown, "城关镇", "Ａ", "A"])
        #expect(names.last == HouseholdDirectory.unknownTown)
        #expect(ChineseOrder.sorted(names.reversed()) == names)
    }

    @Test func theReportTablesAndChartListTownshipsByPinyin() throws {
        let input = ReportFixture.input(towns: Self.shuffled)
        #expect(ReportTotals(input).towns.map(\.name) == Self.byPinyin)
        let html = HTMLReport.text(input)
        let chart = try #require(html.range(of: "<svg class=\"chart\""))
        let positions = Self.byPinyin.map { html.range(of: ">" + $0 + "<", range: chart.lowerBound..<html.endIndex)!.lowerBound }
        #expect(positions == positions.sorted(), "chart labels by pinyin")
        let table = try #require(html.range(of: "<thead><tr><th>镇街</th>"))
        let rows = Self.byPinyin.map { html.range(of: "<tr><td>" + $0 + "</td>", range: table.lowerBound..<chart.lowerBound)!.lowerBound }
        #expect(rows == rows.sorted(), "table rows by pinyin")
    }

    @Test func findingsCSVListsTownshipsAndVillagesByPinyin() {
        let input = ReportFixture.input(towns: Self.shuffled + ["鸣凤镇", "鸣凤镇"],
                                        villages: Self.shuffled.map { _ in "" } + ["西门村", "东门村"])
        let lines = FindingsCSV.text(input).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        let towns = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] }
        let firstSeen = towns.reduce(into: [String]()) { if !$0.contains(String($1)) { $0.append(String($1)) } }
        #expect(firstSeen == Self.byPinyin)
        let mingfeng = lines.filter { $0.contains(",鸣凤镇,") }.map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] }
        #expect(mingfeng == ["", "东门村", "西门村"])  // dōng before xī
    }
}
