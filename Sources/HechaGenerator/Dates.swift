/// Calendar dates and months for the generator, independent of the evaluator's own types.
struct Date3: Comparable, Hashable, Sendable {
    var y: Int, m: Int, d: Int

    init(_ y: Int, _ m: Int, _ d: Int) { self.y = y; self.m = m; self.d = d }

    /// Days since 1970-01-01 (proleptic Gregorian).
    var ordinal: Int {
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        d = doy - (153 * mp + 2) / 5 + 1
        m = mp < 10 ? mp + 3 : mp - 9
        y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    }

    func adding(days n: Int) -> Date3 { Date3(ordinal: ordinal + n) }

    /// `n` calendar months later, clamped to the month's last day.
    func adding(months n: Int) -> Date3 {
        let k = y * 12 + (m - 1) + n
        let ny = k / 12, nm = k % 12 + 1
        return Date3(ny, nm, min(d, Date3.daysIn(ny, nm)))
    }

    /// The month as one number: year × 12 + month − 1.
    var monthKey: Int { y * 12 + m - 1 }

    static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func < (a: Date3, b: Date3) -> Bool { (a.y, a.m, a.d) < (b.y, b.m, b.d) }
}

extension Random {
    /// A date between `a` and `b`, both included.
    mutating func date(_ a: Date3, _ b: Date3) -> Date3 { Date3(ordinal: int(a.ordinal, b.ordinal)) }
}
