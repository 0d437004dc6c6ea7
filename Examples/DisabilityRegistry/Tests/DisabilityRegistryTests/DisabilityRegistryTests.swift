import ConnectorKit
import ConnectorTesting
import DisabilityRegistryConnector
import Foundation
import Testing

/// The package's root, found from this file's location.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

struct DisabilityRegistryTests {
    static let fixture = packageRoot + "/Tests/DisabilityRegistryTests/Fixtures/disability"
    /// Persons on the pretend roster.
    static let index = PersonIndex.matching(persons: ["441900198001011237", "441900198506152342", "44190020100301345X",
                                                      "441900199009095679"])

    @Test func readsTheMessyFixture() throws {
        let facts = FactStore()
        let report = SourceReport(sourceID: DisabilityRegistryConnector.id)
        let source = SourceConfig(id: DisabilityRegistryConnector.id, path: Self.fixture, displayPath: "data/disability", encoding: nil)
        try DisabilityRegistryConnector().read(ReadRequest(source: source, index: Self.index, facts: facts, report: report))
        let counts = try #require(report.files.first)
        #expect(counts.file == "data/disability/残疾人登记.csv")
        #expect([counts.read, counts.accepted, counts.rejected, counts.duplicates, counts.unmatched] as [Int] == [7, 3, 2, 1, 1])
        #expect(report.rejects.map { "\($0.line): \($0.reason)" } == [
            "6: 残疾等级 '五级' 不是一至四级（写作 一级、1级 或 1）",
            "8: 身份证号 '441900198001011236' 校验位错误（应为 7），不是有效的身份证号",
        ])
        let grades = facts.collection("disabilities").mapValues { $0.map { "\($0)" } }
        #expect(grades["44190020100301345X"] == [#"disability{id: "44190020100301345X", name: "王五", category: "智力", grade: 1, issued: 2015-07-20}"#])
        #expect(grades["441900199009095679"] == [#"disability{id: "441900199009095679", name: "赵六", category: "视力", grade: 4, issued: unknown}"#])
    }

    @Test func conformance() {
        let check = ConnectorConformance(DisabilityRegistryConnector.self, fixture: Self.fixture,
                                         optionalColumns: ["发证日期", "备注"], index: Self.index)
        #expect(check.failures() == [])
    }
}
