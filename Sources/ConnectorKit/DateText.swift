import HechaCore

/// Reads the date, month and year forms agencies write.
///
/// - Dates: `2024-03-05`, `2024-3-5`, `20240305`, `2024/3/5`, `2024年3月5日`.
/// - Months: `2024-03`, `2024-3`, `202403`, `2024/03`, `2024年3月`.
/// - Years: `2024`, `2024年`.
///
/// Full-width digits are accepted; a date that does not exist (`2024-02-30`, month 13) or a year
/// outside 1900–2100 is a ``ValueProblem``. Nothing else is guessed.
public enum DateText {
    /// Years accepted in agency data; others are typing errors.
    public static let years = 1900...2100

    /// Parses a calendar date.
    public static func day(_ raw: String) throws(ValueProblem) -> Day {
        let s = FieldText.normalized(raw)
        guard let parts = split(s, count: 3) else { throw ValueProblem("'\(raw)' 不是有效日期") }
        guard years.contains(parts[0]) else { throw ValueProblem("'\(raw)' 不是有效日期（年份超出 \(years.lowerBound)–\(years.upperBound)）") }
        guard let d = Day(year: parts[0], month: parts[1], day: parts[2]) else {
            throw ValueProblem("'\(raw)' 不是有效日期")
        }
        return d
    }

    /// `YYYY-MM-DD` or `YYYYMMDD` in ASCII, a real date with a year in ``years``; `nil` otherwise
    /// (``day(_:)`` then decides).
    @inline(__always)
    static func isoDay(_ p: UnsafeBufferPointer<UInt8>) -> Day? {
        @inline(__always) func d(_ i: Int) -> Int? { let v = Int(p[i]) - 0x30; return v >= 0 && v < 10 ? v : nil }
        let y: Int, m: Int, dd: Int
        if p.count == 10 && p[4] == 0x2D && p[7] == 0x2D {
            guard let a = d(0), let b = d(1), let c = d(2), let e = d(3), let f = d(5), let g = d(6), let h = d(8), let k = d(9) else { return nil }
            y = a * 1000 + b * 100 + c * 10 + e; m = f * 10 + g; dd = h * 10 + k
        } else if p.count == 8 {
            guard let a = d(0), let b = d(1), let c = d(2), let e = d(3), let f = d(4), let g = d(5), let h = d(6), let k = d(7) else { return nil }
            y = a * 1000 + b * 100 + c * 10 + e; m = f * 10 + g; dd = h * 10 + k
        } else {
            return nil
        }
        guard years.contains(y) else { return nil }
        return Day(year: y, month: m, day: dd)
    }

    /// `YYYY-MM` or `YYYYMM` in ASCII, a real month with a year in ``years``; `nil` otherwise.
    @inline(__always)
    static func isoMonth(_ p: UnsafeBufferPointer<UInt8>) -> Month? {
        @inline(__always) func d(_ i: Int) -> Int? { let v = Int(p[i]) - 0x30; return v >= 0 && v < 10 ? v : nil }
        let y: Int, m: Int
        if p.count == 7 && p[4] == 0x2D {
            guard let a = d(0), let b = d(1), let c = d(2), let e = d(3), let f = d(5), let g = d(6) else { return nil }
            y = a * 1000 + b * 100 + c * 10 + e; m = f * 10 + g
        } else if p.count == 6 {
            guard let a = d(0), let b = d(1), let c = d(2), let e = d(3), let f = d(4), let g = d(5) else { return nil }
            y = a * 1000 + b * 100 + c * 10 + e; m = f * 10 + g
        } else {
            return nil
        }
        guard years.contains(y) else { return nil }
        return Month(year: y, month: m)
    }

    /// Parses a calendar month.
    public static func month(_ raw: String) throws(ValueProblem) -> Month {
        let s = FieldText.normalized(raw)
        guard let parts = split(s, count: 2), years.contains(parts[0]),
              let m = Month(year: parts[0], month: parts[1])
        else { throw ValueProblem("'\(raw)' 不是有效月份") }
        return m
    }

    /// Parses a year (the annual periods of income records).
    public static func year(_ raw: String) throws(ValueProblem) -> Int {
        var s = FieldText.normalized(raw)
        if s.hasSuffix("年") { s.removeLast() }
        guard s.utf8.count == 4, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(s), years.contains(y)
        else { throw ValueProblem("'\(raw)' 不是有效年份") }
        return y
    }

    /// Splits `s` into `count` numbers: separated by `-` or `/`, written with 年/月/日, or packed
    /// digits (`YYYYMMDD`, `YYYYMM`). `nil` when it is none of these.
    static func split(_ s: String, count: Int) -> [Int]? {
        let u = Array(s.utf8)
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        if !u.isEmpty, u.allSatisfy(isDigit) {
            guard u.count == 4 + 2 * (count - 1) else { return nil }
            var out = [Int(String(decoding: u[0..<4], as: UTF8.self))!]
            for k in 0..<(count - 1) {
                out.append(Int(String(decoding: u[(4 + 2 * k)..<(6 + 2 * k)], as: UTF8.self))!)
            }
            return out
        }
        var pieces: [Substring]
        if s.contains("年") {
            // 2024年3月5日 / 2024年3月: each number followed by its unit, nothing after the last.
            let units: [Character] = count == 3 ? ["年", "月", "日"] : ["年", "月"]
            pieces = []
            var rest = Substring(s)
            for unit in units {
                guard let i = rest.firstIndex(of: unit) else { return nil }
                pieces.append(rest[..<i].drop { $0 == " " })
                rest = rest[rest.index(after: i)...]
            }
            guard rest.isEmpty else { return nil }
        } else {
            let sep: Character = s.contains("/") ? "/" : "-"
            pieces = s.split(separator: sep, omittingEmptySubsequences: false)
        }
        guard pieces.count == count else { return nil }
        var out: [Int] = []
        for (k, p) in pieces.enumerated() {
            let width = k == 0 ? 4...4 : 1...2
            guard width.contains(p.utf8.count), p.utf8.allSatisfy(isDigit), let n = Int(p) else { return nil }
            out.append(n)
        }
        return out
    }
}
