import ConnectorKit
import ConnectorTesting
import HechaCore
import PublicSecurityConnector
import Testing

struct PublicSecurityTests {
    @Test func readsTheGB18030Fixture() throws {
        let facts = FactStore()
        let report = SourceReport(sourceID: PublicSecurityConnector.id)
        try PublicSecurityConnector().read(ReadRequest(source: Fixtures.source("public-security"), index: Fixtures.index,
                                                       facts: facts, report: report))
        let counts = try #require(report.files.first)
        #expect([counts.read, counts.accepted, counts.rejected, counts.duplicates, counts.unmatched] == [9, 4, 3, 1, 1])
        #expect(report.rejects.map { "\($0.file):\($0.line): \($0.reason)" } == [
            "data/public-security/死亡人员.csv:7: 死亡日期 '2024-13-01' 不是有效日期",
            "data/public-security/死亡人员.csv:8: 数据来源 '派出所证明' 不在允许的取值中（户籍注销 | 火化记录 | 医学死亡证明）",
            "data/public-security/死亡人员.csv:9: 公民身份号码 为空",
        ])
        #expect(report.rejects.first?.raw == "441900198001011237,张三,2024-13-01,户籍注销")
        #expect(facts.lines("deaths") == [
            #"441900198001011237: death{id: "441900198001011237", name: "张三", date: 2024-03-05, source: "户籍注销"} @2"#,
            #"441900198506152342: death{id: "441900198506152342", name: "李四", date: 2024-01-10, source: "火化记录"} @3"#,
            #"441900198506152342: death{id: "441900198506152342", name: "李四", date: 2024-01-12, source: "医学死亡证明"} @4"#,
            #"441900199009095679: death{id: "441900199009095679", name: "钱七，"小七"", date: 2024-06-01, source: "火化记录"} @10"#,
        ])
    }

    @Test func readingItAsUTF8FailsWithAHint() {
        do {
            try PublicSecurityConnector().read(ReadRequest(source: Fixtures.source("public-security", encoding: "UTF-8"),
                                                           index: Fixtures.index, facts: FactStore(),
                                                           report: SourceReport(sourceID: "public-security")))
            Issue.record("expected a diagnostic")
        } catch {
            #expect(error.location == SourceLocation(file: "data/public-security/死亡人员.csv", line: 1))
            #expect(error.hint?.contains("encoding: gb18030") == true)
        }
    }

    @Test func conformance() {
        let check = ConnectorConformance(PublicSecurityConnector.self, fixture: Fixtures.root + "/public-security",
                                         fixtureEncoding: .gb18030, index: Fixtures.index)
        #expect(check.failures() == [])
    }
}
