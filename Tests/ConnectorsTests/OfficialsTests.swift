import ConnectorKit
import ConnectorTesting
import HechaCore
import OfficialsConnector
import Testing

struct OfficialsTests {
    @Test func readsTheMessyFixture() throws {
        let facts = FactStore()
        let report = SourceReport(sourceID: OfficialsConnector.id)
        try OfficialsConnector().read(ReadRequest(source: Fixtures.source("officials"), index: Fixtures.index,
                                                  facts: facts, report: report))
        let counts = try #require(report.files.first)
        #expect(counts.file == "data/officials/财政供养人员.csv")
        #expect([counts.read, counts.accepted, counts.rejected, counts.duplicates, counts.unmatched] == [11, 6, 3, 1, 1])
        #expect(report.rejects.map { "\($0.line): \($0.reason)" } == [
            "9: 人员类别 '临时聘用' 不在允许的取值中（公务员 | 参公人员 | 事业编制 | 村(社区)干部）",
            "10: 工作单位 为空",
            "11: 身份证号 为空",
        ])
        #expect(facts.lines("officials") == [
            #"441900198001011237: official{id: "441900198001011237", name: "张三", employer: "东莞市民政局", category: "公务员"} @2"#,
            #"441900198506152342: official{id: "441900198506152342", name: "李四", employer: "东莞市档案馆", category: "参公人员"} @3"#,
            #"44190020100301345X: official{id: "44190020100301345X", name: "王五", employer: "东城中心小学", category: "事业编制"} @4"#,
            #"441900199009095679: official{id: "441900199009095679", name: "赵六", employer: "东城街道,牛山社区居民委员会", category: "村(社区)干部"} @5"#,
            #"441900198001011237: official{id: "441900198001011237", name: "张三", employer: "东莞市第一中学", category: "事业编制"} @6"#,
            #"441900199009095679: official{id: "441900199009095679", name: "赵六", employer: "石龙镇西湖村村民委员会", category: "村(社区)干部"} @12"#,
        ])
    }

    @Test func schemaNamesEveryColumn() {
        let schema = OfficialsConnector.official
        #expect(schema.fields.map(\.name) == ["id", "name", "employer", "category"])
        #expect(schema.fields.allSatisfy { $0.type == .string && $0.column != nil && !$0.optional })
        #expect(OfficialsConnector.factSchemas.map(\.collection) == ["officials"])
    }

    @Test func conformance() {
        let check = ConnectorConformance(OfficialsConnector.self, fixture: Fixtures.root + "/officials",
                                         optionalColumns: ["备注"], index: Fixtures.index)
        #expect(check.failures() == [])
    }
}
