import ConnectorKit
import ConnectorTesting
import HechaCore
import MarketRegulationConnector
import Testing

struct MarketRegulationTests {
    @Test func readsTheMessyFixture() throws {
        let facts = FactStore()
        let report = SourceReport(sourceID: MarketRegulationConnector.id)
        try MarketRegulationConnector().read(ReadRequest(source: Fixtures.source("market-regulation"), index: Fixtures.index,
                                                         facts: facts, report: report))
        let counts = try #require(report.files.first)
        #expect(counts.file == "data/market-regulation/市场主体.csv")
        #expect([counts.read, counts.accepted, counts.rejected, counts.duplicates, counts.unmatched] == [12, 5, 5, 1, 1])
        #expect(report.rejects.map { "\($0.line): \($0.reason)" } == [
            "9: 登记状态 为空",
            "10: 主体类型 '外商独资企业' 不在允许的取值中（个体工商户 | 有限责任公司 | 股份有限公司 | 农民专业合作社）",
            "11: 注册资本(万元) '-5' 不能为负数",
            "12: 成立日期 '2024-13-01' 不是有效日期",
            "13: 注册资本(万元) '1.1234567' 超过 6 位小数",
        ])
        #expect(facts.lines("businesses") == [
            #"441900198001011237: business{credit_code: "91441900MA00000001", name: "东莞市甲科技有限公司", type: "有限责任公司", representative_id: "441900198001011237", capital_wan: 50, founded: 2019-05-01, status: "存续"} @2"#,
            #"441900198506152342: business{credit_code: "92441900MA00000002", name: "东莞市乙杂货店", type: "个体工商户", representative_id: "441900198506152342", capital_wan: 9.99, founded: 2020-01-01, status: "存续"} @3"#,
            #"44190020100301345X: business{credit_code: "93441900MA00000003", name: "东莞市丙香菇专业合作社", type: "农民专业合作社", representative_id: "44190020100301345X", capital_wan: 1200.5, founded: 2021-03-05, status: "吊销"} @4"#,
            #"441900199009095679: business{credit_code: "91441900MA00000004", name: "东莞市丁股份有限公司", type: "股份有限公司", representative_id: "441900199009095679", capital_wan: 0.123456, founded: 2023-01-01, status: "注销"} @5"#,
            #"441900198506152342: business{credit_code: "92441900MA00000005", name: "东莞市戊小吃店", type: "个体工商户", representative_id: "441900198506152342", capital_wan: 10, founded: 2022-02-02, status: "存续"} @6"#,
        ])
    }

    @Test func schemaNamesEveryColumn() {
        let schema = MarketRegulationConnector.business
        #expect(schema.fields.map(\.name) == ["credit_code", "name", "type", "representative_id", "capital_wan", "founded", "status"])
        #expect(schema.fields.map(\.type) == [.string, .string, .string, .string, .number, .date, .string])
        #expect(schema.fields.allSatisfy { $0.column != nil && !$0.optional })
        #expect(MarketRegulationConnector.factSchemas.map(\.collection) == ["businesses"])
    }

    @Test func conformance() {
        let check = ConnectorConformance(MarketRegulationConnector.self, fixture: Fixtures.root + "/market-regulation",
                                         optionalColumns: ["住所"], index: Fixtures.index)
        #expect(check.failures() == [])
    }
}
