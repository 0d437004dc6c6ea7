import HechaCore
import Testing

struct DayTests {
    @Test func rejectsImpossibleDates() {
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 2024, month: 13, day: 1) == nil)
        #expect(Day(year: 2024, month: 4, day: 31) == nil)
    }

    @Test func roundTripsThroughOrdinals() {
        for text in ["1970-01-01", "1949-12-31", "2024-02-29", "2026-12-31", "2000-03-01"] {
            #expect(Day(iso: text)?.description == text)
        }
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
    }

    @Test func weekdays() {
        #expect(Day(iso: "2024-09-29")!.isoWeekday == 7)  // a Sunday
        #expect(Day(iso: "2024-10-12")!.isoWeekday == 6)  // a Saturday
        #expect(Day(iso: "2024-12-31")!.isoWeekday == 2)  // a Tuesday
    }

    @Test func addingMonthsClampsToTheMonthsEnd() {
        #expect(Day(iso: "2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(Day(iso: "2023-01-31")!.adding(months: 1).description == "2023-02-28")
        #expect(Day(iso: "2024-08-31")!.adding(months: 3).description == "2024-11-30")
        #expect(Day(iso: "2024-03-31")!.adding(months: -1).description == "2024-02-29")
        #expect(Day(iso: "2024-06-30")!.adding(months: 6).description == "2024-12-30")
        #expect(Day(iso: "2024-12-15")!.adding(months: 1).description == "2025-01-15")
    }

    @Test func months() {
        let m = Month(iso: "2024-12")!
        #expect(m.adding(1).description == "2025-01")
        #expect(m.adding(-12).description == "2023-12")
        #expect(m.firstDay.description == "2024-12-01")
        #expect(Month(iso: "2024-02")!.lastDay.description == "2024-02-29")
        #expect(Day(iso: "2024-07-01")!.month == Month(year: 2024, month: 7))
        #expect(Month(iso: "2024-13") == nil)
    }
}
