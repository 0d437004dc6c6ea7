import ConnectorKit
import ConnectorTesting
import HechaCore
import IncomeConnector
import Testing

struct IncomeTests {
    @Test func readsTheMessyFixture() throws {
        let facts = FactStore()
        let report = SourceReport(sourceID: IncomeConnector.id)
        try IncomeConnector().read(ReadRequest(source: Fixtures.source("income"), index: Fixtures.index,
                                               facts: facts, report: report))
        let counts = try #require(report.files.first)
        #expect(counts.file == "data/income/收入明细.csv")
        #expect([counts.read, counts.accepted, counts.rejected, counts.duplicates, counts.unmatched] == [13, 5, 6, 1, 1])
        #expect(report.rejects.map { "\($0.line): \($0.reason)" } == [
            "9: 所属期 '202413' 既不是有效月份（如 202403、2024-03、2024年3月）也不是有效年份（如 2024）",
            "10: 收入类型 '彩票中奖' 不在允许的取值中（工资薪金 | 劳务报酬 | 经营所得 | 养老金 | 失业保险金 | 农业经营收入）",
            "11: 金额 为空",
            "12: 所属期 为空",
            "13: 数据来源 为空",
            "14: 所属期 '2024-03-05' 既不是有效月份（如 202403、2024-03、2024年3月）也不是有效年份（如 2024）",
        ])
        #expect(facts.lines("incomes") == [
            #"441900198001011237: income{id: "441900198001011237", annual: false, month: 2024-03, year: 2024, type: "工资薪金", amount: 4000, source: "税务"} @2"#,
            #"441900198506152342: income{id: "441900198506152342", annual: false, month: 2024-04, year: 2024, type: "养老金", amount: 1234.5, source: "人社"} @3"#,
            #"44190020100301345X: income{id: "44190020100301345X", annual: false, month: 2024-05, year: 2024, type: "劳务报酬", amount: 800, source: "税务"} @4"#,
            #"441900199009095679: income{id: "441900199009095679", annual: true, month: unknown, year: 2023, type: "农业经营收入", amount: 12000, source: "农业农村"} @5"#,
            #"441900198001011237: income{id: "441900198001011237", annual: true, month: unknown, year: 2024, type: "农业经营收入", amount: 6000.5, source: "农业农村"} @6"#,
        ])
    }

    @Test(arguments: [
        ("202403", false, "2024-03", 2024), ("2024-3", false, "2024-03", 2024), ("２０２４年１２月", false, "2024-12", 2024),
        ("2023", true, nil, 2023), ("2023年", true, nil, 2023),
    ] as [(String, Bool, String?, Int)])
    func periods(text: String, annual: Bool, month: String?, year: Int) throws {
        let p = try IncomeConnector.period(text)
        #expect(p.annual == annual)
        #expect(p.month?.description == month)
        #expect(p.year == year)
    }

    @Test func impossiblePeriodsAreProblems() {
        for bad in ["202413", "1899", "24", "2024-03-05", "2024Q1", "20240"] {
            #expect(throws: ValueProblem.self, "\(bad)") { try IncomeConnector.period(bad) }
        }
    }

    @Test func schemaNamesEveryColumn() {
        let schema = IncomeConnector.income
        #expect(schema.fields.map(\.name) == ["id", "annual", "month", "year", "type", "amount", "source"])
        #expect(schema.fields.map(\.type) == [.string, .bool, .month, .number, .string, .number, .string])
        #expect(schema.fields.allSatisfy { $0.column != nil })
        #expect(schema.fields.filter(\.optional).map(\.name) == ["month"])
        #expect(IncomeConnector.factSchemas.map(\.collection) == ["incomes"])
    }

    @Test func conformance() {
        let check = ConnectorConformance(IncomeConnector.self, fixture: Fixtures.root + "/income",
                                         optionalColumns: ["备注"], index: Fixtures.index)
        #expect(check.failures() == [])
    }
}
