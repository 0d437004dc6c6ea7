import ConnectorKit
import ConnectorTesting
import HechaCore
import Testing
import VehicleRegistryConnector

struct VehicleRegistryTests {
    @Test func readsTheMessyFixture() throws {
        let facts = FactStore()
        let report = SourceReport(sourceID: VehicleRegistryConnector.id)
        try VehicleRegistryConnector().read(ReadRequest(source: Fixtures.source("vehicle-registry"), index: Fixtures.index,
                                                        facts: facts, report: report))
        let counts = try #require(report.files.first)
        #expect(counts.file == "data/vehicle-registry/机动车登记.csv")
        #expect([counts.read, counts.accepted, counts.rejected, counts.duplicates, counts.unmatched] == [11, 5, 4, 1, 1])
        #expect(report.rejects.map { "\($0.line): \($0.reason)" } == [
            "5: 机动车状态 '被盗' 不在允许的取值中（正常 | 抵押 | 注销 | 报废）",
            "8: 所有人证件号码 '441900198001011236' 校验位错误（应为 7），不是有效的身份证号",
            "10: 初次登记日期 '2024-02-30' 不是有效日期",
            "11: 购置价格 '12.345' 超过两位小数",
        ])
        #expect(facts.lines("vehicles") == [
            #"441900198001011237: vehicle{plate: "粤S10001", type: "小型轿车", owner_id: "441900198001011237", registered: 2019-05-01, status: "正常", price: 128000} @2"#,
            #"441900198506152342: vehicle{plate: "粤S10002", type: "普通二轮摩托车", owner_id: "441900198506152342", registered: 2020-01-01, status: "抵押", price: 4500} @3"#,
            #"44190020100301345X: vehicle{plate: "粤S10003", type: "小型轿车", owner_id: "44190020100301345X", registered: 2021-03-05, status: "正常", price: unknown} @4"#,
            #"441900198001011237: vehicle{plate: "粤S10007", type: "三轮汽车", owner_id: "441900198001011237", registered: unknown, status: "报废", price: 3000} @9"#,
            #"441900198506152342: vehicle{plate: "粤S10010", type: "小型轿车,进口", owner_id: "441900198506152342", registered: 2023-01-01, status: "正常", price: 1234.5} @12"#,
        ])
        let first = try #require(facts.collection("vehicles")["441900198001011237"]?.first)
        #expect(first.source == SourceRef(source: "vehicle-registry", file: "机动车登记.csv", line: 2))
    }

    @Test func schemaNamesEveryColumn() {
        let schema = VehicleRegistryConnector.vehicle
        #expect(schema.fields.map(\.name) == ["plate", "type", "owner_id", "registered", "status", "price"])
        #expect(schema.fields.allSatisfy { $0.column != nil })
        #expect(schema.fields.filter(\.optional).map(\.name) == ["registered", "price"])
        #expect(VehicleRegistryConnector.factSchemas.map(\.collection) == ["vehicles"])
    }

    @Test func conformance() {
        let check = ConnectorConformance(VehicleRegistryConnector.self, fixture: Fixtures.root + "/vehicle-registry",
                                         index: Fixtures.index)
        #expect(check.failures() == [])
    }
}
