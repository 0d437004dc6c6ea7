import CivilAffairsConnector
import ConnectorKit
import ConnectorTesting
import HechaCore
import Testing

struct CivilAffairsTests {
    func readAll() throws -> (Roster, FactStore, SourceReport) {
        let report = SourceReport(sourceID: CivilAffairsConnector.id)
        let connector = CivilAffairsConnector()
        let source = Fixtures.source("civil-affairs")
        let roster = try connector.readRoster(RosterRequest(source: source, report: report))
        let facts = FactStore()
        try connector.read(ReadRequest(source: source, index: roster.index, facts: facts, report: report))
        return (roster, facts, report)
    }

    @Test func countsAndRejects() throws {
        let (_, _, report) = try readAll()
        let counts = report.files.map { "\($0.file): \($0.read) = \($0.accepted) + \($0.rejected) + \($0.duplicates) + \($0.unmatched)" }
        #expect(counts == [
            "data/civil-affairs/低保家庭.csv: 8 = 3 + 4 + 1 + 0",
            "data/civil-affairs/家庭成员.csv: 11 = 6 + 2 + 1 + 2",
            "data/civil-affairs/发放记录.csv: 9 = 4 + 3 + 1 + 1",
            "data/civil-affairs/申请记录.csv: 6 = 3 + 2 + 0 + 1",
        ])
        #expect(report.rejects.map { "\($0.file.split(separator: "/").last!):\($0.line): \($0.reason)" } == [
            "低保家庭.csv:6: 户编号 'H001' 重复：第 2 行已有该户且内容不同",
            "低保家庭.csv:7: 救助类别 '临时救助' 不在允许的取值中（城市低保 | 农村低保 | 特困供养）",
            "低保家庭.csv:8: 管理类别 'D' 不在允许的取值中（A | B | C）",
            "低保家庭.csv:9: 状态 '暂停' 不在允许的取值中（在保 | 停保）",
            "家庭成员.csv:11: 保障对象 '也许' 应为 是 或 否",
            "家庭成员.csv:13: 姓名 为空",
            "发放记录.csv:8: 发放月份 '2024-13' 不是有效月份",
            "发放记录.csv:9: 实发金额 为空",
            "发放记录.csv:10: 实发金额 'abc' 不是有效金额",
            "申请记录.csv:6: 受理日期 '2024-02-30' 不是有效日期",
            "申请记录.csv:7: 首次发放日期 '2024-3-32' 不是有效日期",
        ])
    }

    @Test func theRoster() throws {
        let (roster, _, _) = try readAll()
        #expect(roster.households.map(\.id) == ["H001", "H002", "H003"])
        #expect(roster.households.map { $0.record.description } == [
            #"household{id: "H001", head_name: "张三", head_id: "441900198001011237", district: "东莞市", town: "莞城街道", village: "东正社区", program: "城市低保", category: "A", per_capita_income: 300, allowance: 1070, enrolled: 2020-01-15, status: "在保", last_review: 2024-06-30}"#,
            #"household{id: "H002", head_name: "李四", head_id: "441900198506152342", district: "东莞市", town: "石龙镇", village: unknown, program: "农村低保", category: "B", per_capita_income: 0, allowance: 1370, enrolled: 2021-03-01, status: "在保", last_review: 2024-06-30}"#,
            #"household{id: "H003", head_name: "王五", head_id: "441900197007074568", district: "东莞市", town: "虎门镇", village: "北栅社区", program: "特困供养", category: "C", per_capita_income: 0, allowance: 1781, enrolled: 2019-05-01, status: "停保", last_review: 2024-01-31}"#,
        ])
        let h1 = roster.households[0]
        #expect(h1.members.map(\.personID) == ["441900198001011237", "44190020100301345X", nil])
        #expect(h1.members[0].record["address"] == .string("东莞市莞城街道\r\n东正社区1号"))
        #expect(h1.members[0].record["phone"] == .string("13800000001"))
        #expect(h1.members[0].record.source == SourceRef(source: "civil-affairs", file: "家庭成员.csv", line: 2))
        #expect(h1.members[1].record.source?.line == 4)
        let invalid = h1.members[2].record
        #expect(invalid["id"] == .string("12345"))
        #expect(invalid["raw_id"] == .string("12345"))
        #expect(invalid["id_valid"] == .bool(false))
        #expect(invalid["id_problem"] == .string("'12345' 长度为 5 位，应为 18 位（或 15 位旧号码）"))
        #expect(invalid["coresident"] == .bool(false))
        #expect(invalid["phone"] == .unknown)
        let h2 = roster.households[1]
        #expect(h2.members.map(\.personID) == ["441900198506152342", nil])
        #expect(h2.members[0].record["raw_id"] == .string("441900850615234"))
        #expect(h2.members[0].record["id_valid"] == .bool(true))
        #expect(h2.members[0].record["id_problem"] == .unknown)
        #expect(h2.members[1].record["id_problem"] == .string("为空"))
        #expect(roster.households[2].members.count == 1)
        #expect(roster.index.households(ofPerson: "44190020100301345X") == [0])
        #expect(roster.index.personCount == 4)
    }

    @Test func paymentsAndApplications() throws {
        let (_, facts, _) = try readAll()
        #expect(facts.lines("payments") == [
            #"H001: payment{household: "H001", month: 2024-01, amount: 1070, paid_date: 2024-01-10} @2"#,
            #"H001: payment{household: "H001", month: 2024-02, amount: 1070, paid_date: 2024-02-10} @3"#,
            #"H001: payment{household: "H001", month: 2024-03, amount: 1070, paid_date: 2024-03-10} @4"#,
            #"H002: payment{household: "H002", month: 2024-01, amount: 1370, paid_date: 2024-01-10} @6"#,
        ])
        #expect(facts.lines("applications") == [
            #"H001: application{id: "A001", household: "H001", type: "新申请", accepted: 2019-12-01, approved: 2019-12-20, first_paid: 2020-01-15} @2"#,
            #"H002: application{id: "A002", household: "H002", type: "新申请", accepted: 2021-02-01, approved: unknown, first_paid: unknown} @3"#,
            #"H003: application{id: "A003", household: "H003", type: "新申请", accepted: 2019-04-01, approved: 2019-04-20, first_paid: unknown} @4"#,
        ])
        #expect(facts.collection("payments")["H001"]?.first?.source == SourceRef(source: "civil-affairs", file: "发放记录.csv", line: 2))
    }

    @Test func schemas() {
        #expect(CivilAffairsConnector.factSchemas.map { "\($0.collection):\($0.record.name):\($0.key)" } == [
            "payments:payment:household", "applications:application:household",
        ])
        #expect(CivilAffairsConnector.payment.fields.map(\.name) == ["household", "month", "amount", "paid_date"])
        #expect(CivilAffairsConnector.application.fields.map(\.name) == ["id", "household", "type", "accepted", "approved", "first_paid"])
        #expect(CivilAffairsConnector.factSchemas.allSatisfy { $0.record.fields.allSatisfy { $0.column != nil } })
    }

    @Test func conformance() {
        let check = ConnectorConformance(CivilAffairsConnector.self, fixture: Fixtures.root + "/civil-affairs",
                                         optionalColumns: ["村居", "联系电话", "现住址"])
        #expect(check.failures() == [])
    }
}
