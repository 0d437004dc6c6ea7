import ConnectorKit
import ConnectorTesting
import HechaCore
import RealEstateConnector
import Testing

struct RealEstateTests {
    @Test func readsTheMessyFixture() throws {
        let facts = FactStore()
        let report = SourceReport(sourceID: RealEstateConnector.id)
        try RealEstateConnector().read(ReadRequest(source: Fixtures.source("real-estate"), index: Fixtures.index,
                                                   facts: facts, report: report))
        let counts = try #require(report.files.first)
        #expect(counts.file == "data/real-estate/不动产登记.csv")
        #expect([counts.read, counts.accepted, counts.rejected, counts.duplicates, counts.unmatched] == [13, 5, 6, 1, 1])
        #expect(report.rejects.map { "\($0.line): \($0.reason)" } == [
            "9: 规划用途 '仓储' 不在允许的取值中（住宅 | 商业 | 办公 | 工业 | 车位）",
            "10: 建筑面积 '89.5元' 不是有效数值",
            "11: 登记日期 '2024-02-30' 不是有效日期",
            "12: 权利人证件号 '441900198001011236' 校验位错误（应为 7），不是有效的身份证号",
            "13: 权属状态 为空",
            "14: 建筑面积 为空",
        ])
        #expect(facts.lines("properties") == [
            #"441900198001011237: property{unit: "441900001001JC00001F00010001", owner_id: "441900198001011237", location: "东城街道东纵路1号", use: "住宅", area: 89.5, registered: 2019-05-01, status: "现势"} @2"#,
            #"441900198506152342: property{unit: "441900001001JC00001F00010001", owner_id: "441900198506152342", location: "东城街道东纵路1号", use: "住宅", area: 1089.5, registered: 2019-05-01, status: "现势"} @3"#,
            #"44190020100301345X: property{unit: "441900001002JC00002F00020001", owner_id: "44190020100301345X", location: "南城街道"金座"商铺", use: "商业", area: 39.02, registered: 2021-03-05, status: "历史"} @4"#,
            #"441900199009095679: property{unit: "441900001003JC00003F00030001", owner_id: "441900199009095679", location: "地下车库B1-12", use: "车位", area: 12.5, registered: 2023-01-01, status: "现势"} @5"#,
            #"441900198001011237: property{unit: "441900001004JC00004F00040001", owner_id: "441900198001011237", location: "厂房,南区", use: "工业", area: 1200, registered: 2020-01-01, status: "现势"} @6"#,
        ])
    }

    @Test func schemaNamesEveryColumn() {
        let schema = RealEstateConnector.property
        #expect(schema.fields.map(\.name) == ["unit", "owner_id", "location", "use", "area", "registered", "status"])
        #expect(schema.fields.map(\.type) == [.string, .string, .string, .string, .number, .date, .string])
        #expect(schema.fields.allSatisfy { $0.column != nil && !$0.optional })
        #expect(RealEstateConnector.factSchemas.map(\.collection) == ["properties"])
        #expect(RealEstateConnector.factSchemas.map(\.key) == [.person])
    }

    @Test func conformance() {
        let check = ConnectorConformance(RealEstateConnector.self, fixture: Fixtures.root + "/real-estate",
                                         optionalColumns: ["登记机构"], index: Fixtures.index)
        #expect(check.failures() == [])
    }
}
