import AgriSubsidyConnector
import ConnectorKit
import ConnectorTesting
import HechaCore
import Testing

struct AgriSubsidyTests {
    @Test func readsTheMessyFixture() throws {
        let facts = FactStore()
        let report = SourceReport(sourceID: AgriSubsidyConnector.id)
        try AgriSubsidyConnector().read(ReadRequest(source: Fixtures.source("agri-subsidy"), index: Fixtures.index,
                                                    facts: facts, report: report))
        let counts = try #require(report.files.first)
        #expect(counts.file == "data/agri-subsidy/惠农补贴.csv")
        #expect([counts.read, counts.accepted, counts.rejected, counts.duplicates, counts.unmatched] == [11, 5, 4, 1, 1])
        #expect(report.rejects.map { "\($0.line): \($0.reason)" } == [
            "9: 发放日期 '20241301' 不是有效日期",
            "10: 金额 '12.345' 超过两位小数",
            "11: 补贴项目 为空",
            "12: 金额 为空",
        ])
        #expect(facts.lines("subsidies") == [
            #"441900198001011237: subsidy{id: "441900198001011237", item: "耕地地力保护补贴", amount: 1234.5, paid_date: 2024-03-05} @2"#,
            #"441900198506152342: subsidy{id: "441900198506152342", item: "林业补贴", amount: 1234.5, paid_date: 2024-06-10} @3"#,
            #"44190020100301345X: subsidy{id: "44190020100301345X", item: "农机购置补贴", amount: 800, paid_date: 2024-03-05} @4"#,
            #"441900199009095679: subsidy{id: "441900199009095679", item: "生态公益林补偿", amount: 500, paid_date: 2024-03-05} @5"#,
            #"441900198001011237: subsidy{id: "441900198001011237", item: "种粮一次性补贴", amount: 300, paid_date: 2024-07-01} @6"#,
        ])
    }

    @Test func schemaNamesEveryColumn() {
        let schema = AgriSubsidyConnector.subsidy
        #expect(schema.fields.map(\.name) == ["id", "item", "amount", "paid_date"])
        #expect(schema.fields.map(\.type) == [.string, .string, .number, .date])
        #expect(schema.fields.allSatisfy { $0.column != nil && !$0.optional })
        #expect(AgriSubsidyConnector.factSchemas.map(\.collection) == ["subsidies"])
    }

    @Test func conformance() {
        let check = ConnectorConformance(AgriSubsidyConnector.self, fixture: Fixtures.root + "/agri-subsidy",
                                         optionalColumns: ["发放机构"], index: Fixtures.index)
        #expect(check.failures() == [])
    }
}
