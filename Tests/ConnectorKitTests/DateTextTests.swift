import ConnectorKit
import HechaCore
import Testing

struct DateTextTests {
    @Test(arguments: ["2024-03-05", "20240305", "2024/3/5", "2024年3月5日", "2024-3-5", " 2024/03/05 ", "２０２４－０３－０５", "2024年03月05日"])
    func daysInEveryWrittenForm(text: String) throws {
        #expect(try DateText.day(text) == Day(year: 2024, month: 3, day: 5))
    }

    @Test func impossibleOrUnknownDatesAreRejected() throws {
        #expect(throws: ValueProblem("'2024-13-01' 不是有效日期")) { try DateText.day("2024-13-01") }
        #expect(throws: ValueProblem("'2023-02-29' 不是有效日期")) { try DateText.day("2023-02-29") }
        #expect(throws: ValueProblem("'20240230' 不是有效日期")) { try DateText.day("20240230") }
        #expect(throws: ValueProblem("'0024-03-05' 不是有效日期（年份超出 1900–2100）")) { try DateText.day("0024-03-05") }
        for bad in ["", "2024-03", "2024.03.05", "24-3-5", "2024-003-05", "2024年3月5", "2024-03-05 12:00", "abc", "2024/3-5"] {
            #expect(throws: ValueProblem.self, "\(bad)") { try DateText.day(bad) }
        }
        #expect(try DateText.day("2024-02-29") == Day(year: 2024, month: 2, day: 29))
    }

    @Test(arguments: ["2024-03", "202403", "2024年3月", "2024-3", "2024/03", "２０２４０３"])
    func monthsInEveryWrittenForm(text: String) throws {
        #expect(try DateText.month(text) == Month(year: 2024, month: 3))
    }

    @Test func badMonthsAreRejected() throws {
        #expect(throws: ValueProblem("'2024-13' 不是有效月份")) { try DateText.month("2024-13") }
        for bad in ["", "2024", "20240305", "202400", "2024年3月5日", "2024-03-05"] {
            #expect(throws: ValueProblem.self, "\(bad)") { try DateText.month(bad) }
        }
    }

    @Test func years() throws {
        #expect(try DateText.year("2024") == 2024)
        #expect(try DateText.year("2024年") == 2024)
        #expect(throws: ValueProblem("'24' 不是有效年份")) { try DateText.year("24") }
        #expect(throws: ValueProblem.self) { try DateText.year("202403") }
    }
}
