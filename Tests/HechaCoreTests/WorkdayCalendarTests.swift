import HechaCore
import Testing

struct WorkdayCalendarTests {
    /// 2024's National Day week: Oct 1–7 off, Sun Sep 29 and Sat Oct 12 are workdays.
    let calendar = WorkdayCalendar(
        name: "test", firstYear: 2024, lastYear: 2024,
        daysOff: Set((1...7).map { Day(year: 2024, month: 10, day: $0)! }),
        makeUpWorkdays: [Day(iso: "2024-09-29")!, Day(iso: "2024-10-12")!])

    @Test func countsWorkdaysAfterTheStartUpToTheEnd() throws {
        let d = { (s: String) in Day(iso: s)! }
        #expect(try calendar.workdays(from: d("2024-09-20"), to: d("2024-09-20")) == 0)
        #expect(try calendar.workdays(from: d("2024-09-20"), to: d("2024-09-23")) == 1)  // Fri → Mon
        #expect(try calendar.workdays(from: d("2024-09-27"), to: d("2024-09-29")) == 1)  // the make-up Sunday
        #expect(try calendar.workdays(from: d("2024-09-30"), to: d("2024-10-07")) == 0)  // the holiday week
        #expect(try calendar.workdays(from: d("2024-09-20"), to: d("2024-10-16")) == 15)
        #expect(try calendar.workdays(from: d("2024-10-16"), to: d("2024-09-20")) == -15)
    }

    @Test func knowsMakeUpDaysAndHolidays() throws {
        #expect(try calendar.isWorkday(Day(iso: "2024-10-12")!))
        #expect(try !calendar.isWorkday(Day(iso: "2024-10-02")!))
        #expect(try !calendar.isWorkday(Day(iso: "2024-10-13")!))
    }

    @Test func aDateOutsideTheYearsIsAnError() {
        #expect(throws: CalendarError.self) { try calendar.workdays(from: Day(iso: "2023-12-29")!, to: Day(iso: "2024-01-05")!) }
        #expect(throws: CalendarError.self) { try calendar.workdays(from: Day(iso: "2024-12-30")!, to: Day(iso: "2025-01-02")!) }
    }
}
