/// A calendar date (no time, no time zone), stored as days since 1970-01-01.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it); consecutive dates differ by 1.
    public let ordinal: Int32

    /// The date `ordinal` days after 1970-01-01. Not checked: keep it within years 1…9999, or ``month`` traps.
    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// `nil` when the date does not exist (2023-02-29, month 13, …).
    public init?(year: Int, month: Int, day: Int) {
        guard Day.isValid(year: year, month: month, day: day) else { return nil }
        ordinal = Int32(Day.daysFromCivil(year, month, day))
    }

    /// Whether the date exists (years 1…9999): what ``init(year:month:day:)`` checks, without
    /// counting the days (for the id numbers of every row of an agency file).
    @inlinable
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month) && day >= 1 && day <= Day.daysIn(year: year, month: month)
    }

    /// Whether `y` is a Gregorian leap year (divisible by 4, centuries only when divisible by 400).
    @inlinable
    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// The number of days (28…31) in `month` (1…12) of `year`; any other month number counts as 31.
    @inlinable
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The proleptic Gregorian year, month (1…12) and day of month (1…31).
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The calendar year, e.g. 2024.
    public var year: Int { components.year }
    /// The calendar month the date falls in.
    public var month: Month { let c = components; return Month(year: c.year, month: c.month)! }

    /// 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (Int(ordinal) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + Int32(days)) }

    /// Adds calendar months, clamping to the last day of the month (2024-01-31 + 1 month = 2024-02-29).
    public func adding(months: Int) -> Day {
        let c = components
        let target = Month(year: c.year, month: c.month)!.adding(months)
        let last = Day.daysIn(year: target.year, month: target.monthNumber)
        return Day(year: target.year, month: target.monthNumber, day: min(c.day, last))!
    }

    /// Whether `a` is an earlier date than `b`.
    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// ISO form `YYYY-MM-DD`.
    public var description: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// Parses exactly `YYYY-MM-DD` (the form used in YAML and reports).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }
}

/// A calendar month, stored as `year * 12 + (month - 1)`.
public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `year * 12 + (month - 1)`; consecutive months differ by 1.
    public let ordinal: Int32

    /// The month with that ordinal (`year * 12 + month - 1`). Not checked: keep the year within 1…9999.
    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// `nil` unless `year` is 1…9999 and `month` is 1…12.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        ordinal = Int32(year * 12 + month - 1)
    }

    /// The calendar year, e.g. 2024.
    public var year: Int { Int(ordinal) / 12 }
    /// 1…12.
    public var monthNumber: Int { Int(ordinal) % 12 + 1 }
    /// The first day of the month.
    public var firstDay: Day { Day(year: year, month: monthNumber, day: 1)! }
    /// The last day of the month (28th…31st, leap years counted).
    public var lastDay: Day { Day(year: year, month: monthNumber, day: Day.daysIn(year: year, month: monthNumber))! }
    /// The month `months` months later (earlier when negative).
    public func adding(_ months: Int) -> Month { Month(ordinal: ordinal + Int32(months)) }

    /// Whether `a` is an earlier month than `b`.
    public static func < (a: Month, b: Month) -> Bool { a.ordinal < b.ordinal }

    /// `YYYY-MM`.
    public var description: String { "\(pad(year, 4))-\(pad(monthNumber, 2))" }

    /// Parses exactly `YYYY-MM`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(year: y, month: m)
    }
}

@inline(__always) func pad(_ v: Int, _ width: Int) -> String {
    var s = String(v)
    while s.count < width { s = "0" + s }
    return s
}
