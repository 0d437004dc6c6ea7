/// Working days: Monday–Friday that are not statutory days off, plus weekend days declared
/// make-up workdays (调休). Only dates inside the calendar's years can be counted; anything else
/// is an error, never a guess.
public struct WorkdayCalendar: Sendable {
    /// The calendar's name as its file declares it (`china`), shown in messages.
    public let name: String
    /// The first year covered, from 1 January.
    public let firstYear: Int
    /// The last year covered, through 31 December.
    public let lastYear: Int
    /// Statutory days off: not workdays even on a weekday.
    public let daysOff: Set<Day>
    /// Weekend days that are workdays (调休上班日).
    public let makeUpWorkdays: Set<Day>
    private let start: Day
    private let end: Day
    /// cumulative[i] = number of workdays in [start, start + i].
    private let cumulative: [Int32]

    /// Builds the calendar for `firstYear`…`lastYear` (years within 1…9999, or it traps), counting workdays once up front.
    public init(name: String, firstYear: Int, lastYear: Int, daysOff: Set<Day>, makeUpWorkdays: Set<Day>) {
        self.name = name
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.daysOff = daysOff
        self.makeUpWorkdays = makeUpWorkdays
        start = Day(year: firstYear, month: 1, day: 1)!
        end = Day(year: lastYear, month: 12, day: 31)!
        var cum: [Int32] = []
        cum.reserveCapacity(Int(end.ordinal - start.ordinal) + 1)
        var total: Int32 = 0
        var d = start
        while d <= end {
            let weekend = d.isoWeekday >= 6
            let work = makeUpWorkdays.contains(d) || (!weekend && !daysOff.contains(d))
            if work { total += 1 }
            cum.append(total)
            d = d.adding(days: 1)
        }
        cumulative = cum
    }

    /// Whether `d` is inside the years the calendar covers.
    public func covers(_ d: Day) -> Bool { d >= start && d <= end }

    /// Whether `d` is a workday; throws ``CalendarError`` when `d` is outside the calendar's years.
    public func isWorkday(_ d: Day) throws(CalendarError) -> Bool {
        guard covers(d) else { throw CalendarError(date: d, calendar: self) }
        let i = Int(d.ordinal - start.ordinal)
        return cumulative[i] - (i > 0 ? cumulative[i - 1] : 0) == 1
    }

    /// The number of workdays d with a < d ≤ b (negative when b < a).
    public func workdays(from a: Day, to b: Day) throws(CalendarError) -> Int {
        guard covers(a) else { throw CalendarError(date: a, calendar: self) }
        guard covers(b) else { throw CalendarError(date: b, calendar: self) }
        let ia = Int(a.ordinal - start.ordinal), ib = Int(b.ordinal - start.ordinal)
        return Int(cumulative[ib]) - Int(cumulative[ia])
    }
}

/// A date outside the years a calendar covers.
public struct CalendarError: Error, Sendable, CustomStringConvertible {
    /// The date that could not be counted.
    public var date: Day
    /// The calendar's name.
    public var name: String
    /// The first year the calendar covers.
    public var firstYear: Int
    /// The last year the calendar covers.
    public var lastYear: Int

    init(date: Day, calendar: WorkdayCalendar) {
        self.date = date
        name = calendar.name
        firstYear = calendar.firstYear
        lastYear = calendar.lastYear
    }

    /// An English sentence naming the date, the calendar and its years.
    public var description: String {
        "date \(date) is outside the years of calendar '\(name)' (\(firstYear)–\(lastYear)); workdays cannot be counted"
    }
}
