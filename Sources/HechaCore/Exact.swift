/// An exact rational number: money, counts and every other number the rule language handles.
///
/// Amounts stay fractions while they are computed (an annual income ÷ 12, a payment ÷ 3 members)
/// and are rounded half-up to the fen once, when they are shown. Never floating point.
public struct Exact: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Always reduced, denominator > 0. Values whose parts fit in 64 bits (every amount in
    /// practice) are stored inline in 16 bytes, so that facts holding numbers stay small; larger
    /// intermediate fractions are boxed.
    private enum Storage: Sendable {
        case small(Int64, Int64)
        case large(Large)
    }

    private final class Large: Sendable {
        let numerator: Int128
        let denominator: Int128
        init(_ n: Int128, _ d: Int128) {
            numerator = n
            denominator = d
        }
    }

    private let storage: Storage

    /// The numerator of the reduced fraction.
    public var numerator: Int128 {
        switch storage {
        case .small(let n, _): return Int128(n)
        case .large(let l): return l.numerator
        }
    }

    /// The denominator of the reduced fraction (always positive).
    public var denominator: Int128 {
        switch storage {
        case .small(_, let d): return Int128(d)
        case .large(let l): return l.denominator
        }
    }

    public static func == (a: Exact, b: Exact) -> Bool {
        switch (a.storage, b.storage) {
        case (.small(let n1, let d1), .small(let n2, let d2)): return n1 == n2 && d1 == d2
        default: return a.numerator == b.numerator && a.denominator == b.denominator
        }
    }

    public func hash(into h: inout Hasher) {
        h.combine(numerator)
        h.combine(denominator)
    }

    public static let zero = Exact(0)
    public static let one = Exact(1)

    public init(_ integer: Int) {
        storage = .small(Int64(integer), 1)
    }

    /// An amount given in fen (hundredths of a yuan).
    public init(fen: Int64) {
        self.init(unchecked: Int128(fen), 100)
    }

    public init(_ numerator: Int128, _ denominator: Int128) {
        precondition(denominator != 0, "zero denominator")
        self.init(unchecked: numerator, denominator)
    }

    private init(unchecked n: Int128, _ d: Int128) {
        // parts that fit 63 bits (nearly always) are reduced with 64-bit division
        if let sn = Int64(exactly: n), let sd = Int64(exactly: d), sn != .min, sd != .min {
            self.init(small: sn, sd)
            return
        }
        var n = n, d = d
        if d < 0 { n = -n; d = -d }
        let g = Exact.gcd(n < 0 ? -n : n, d)
        if g > 1 { n /= g; d /= g }
        if let sn = Int64(exactly: n), let sd = Int64(exactly: d) {
            self.init(storage: .small(sn, sd))
        } else {
            self.init(storage: .large(Large(n, d)))
        }
    }

    /// `n / d` reduced; neither part may be `Int64.min`.
    private init(small n: Int64, _ d: Int64) {
        var n = n, d = d
        if d < 0 { n = -n; d = -d }
        if d != 1 {
            var a = n < 0 ? -n : n, b = d
            while b != 0 { (a, b) = (b, a % b) }
            if a > 1 { n /= a; d /= a }
        }
        self.init(storage: .small(n, d))
    }

    static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    public var isInteger: Bool { denominator == 1 }
    public var isNegative: Bool { numerator < 0 }
    public var isZero: Bool { numerator == 0 }

    /// The integer value when this is a whole number that fits in `Int`.
    public var intValue: Int? {
        guard denominator == 1, let v = Int(exactly: numerator) else { return nil }
        return v
    }

    public static func + (a: Exact, b: Exact) -> Exact {
        if case .small(let n1, let d1) = a.storage, case .small(let n2, let d2) = b.storage, d1 == d2 {
            let (n, overflow) = n1.addingReportingOverflow(n2)
            if !overflow, n != .min { return Exact(small: n, d1) }
        }
        if a.denominator == b.denominator { return Exact(unchecked: a.numerator + b.numerator, a.denominator) }
        let g = gcd(a.denominator, b.denominator)
        let d = a.denominator / g * b.denominator
        return Exact(unchecked: a.numerator * (d / a.denominator) + b.numerator * (d / b.denominator), d)
    }
    public static prefix func - (a: Exact) -> Exact {
        if case .small(let n, let d) = a.storage, n != .min { return Exact(storage: .small(-n, d)) }
        return Exact(unchecked: -a.numerator, a.denominator)
    }

    private init(storage: Storage) { self.storage = storage }
    public static func - (a: Exact, b: Exact) -> Exact { a + (-b) }
    public static func * (a: Exact, b: Exact) -> Exact {
        let g1 = gcd(abs(a.numerator), b.denominator)
        let g2 = gcd(abs(b.numerator), a.denominator)
        return Exact(unchecked: (a.numerator / g1) * (b.numerator / g2), (a.denominator / g2) * (b.denominator / g1))
    }
    /// Division; `nil` when dividing by zero.
    public func divided(by b: Exact) -> Exact? {
        guard b.numerator != 0 else { return nil }
        return self * Exact(unchecked: b.denominator, b.numerator)
    }

    public static func < (a: Exact, b: Exact) -> Bool {
        if case .small(let n1, let d1) = a.storage, case .small(let n2, let d2) = b.storage, d1 == d2 { return n1 < n2 }
        return a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// Rounds half away from zero to `places` decimal places ("四舍五入").
    public func rounded(places: Int) -> Exact {
        var scale: Int128 = 1
        for _ in 0..<max(0, places) { scale *= 10 }
        let scaled = numerator * scale
        let q = scaled / denominator
        let r = scaled % denominator
        var result = q
        if abs(r) * 2 >= denominator { result += (scaled < 0 ? -1 : 1) }
        return Exact(unchecked: result, scale)
    }

    /// The value rounded half-up to the fen, in fen.
    public var fen: Int128 {
        let r = rounded(places: 2)
        return r.numerator * (100 / r.denominator)
    }

    /// Decimal text with exactly `places` decimals after rounding half-up, e.g. `"1234.50"`.
    public func decimalString(places: Int = 2) -> String {
        let r = rounded(places: places)
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        let units = r.numerator * (scale / r.denominator)
        let negative = units < 0
        let a = negative ? -units : units
        let whole = a / scale
        let frac = a % scale
        var text = String(whole)
        if places > 0 {
            var f = String(frac)
            while f.count < places { f = "0" + f }
            text += "." + f
        }
        return negative ? "-" + text : text
    }

    /// Shortest exact text: an integer, a finite decimal, or `n/d`.
    public var description: String {
        if denominator == 1 { return String(numerator) }
        var d = denominator
        var places = 0
        while d % 10 == 0 { d /= 10; places += 1 }
        while d % 2 == 0 || d % 5 == 0 {
            // a finite decimal exists when the denominator only has factors 2 and 5
            if d % 2 == 0 { d /= 2 } else { d /= 5 }
            places += 1
        }
        if d == 1 {
            // find the smallest number of places that is exact
            for p in 0...max(places, 1) * 2 where rounded(places: p) == self {
                return decimalString(places: p)
            }
        }
        return "\(numerator)/\(denominator)"
    }

    /// Parses plain decimal text such as `12`, `-3.5`, `1370.00`. No thousands separators.
    public init?(decimal text: Substring) {
        var s = text
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        guard !s.isEmpty else { return nil }
        var n: Int128 = 0
        var d: Int128 = 1
        var seenDot = false
        var digits = 0
        for ch in s.utf8 {
            if ch == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
                continue
            }
            guard ch >= 48, ch <= 57 else { return nil }
            digits += 1
            if digits > 30 { return nil }
            n = n * 10 + Int128(ch - 48)
            if seenDot { d *= 10 }
        }
        guard digits > 0 else { return nil }
        self.init(unchecked: negative ? -n : n, d)
    }

    public init?(decimal text: String) { self.init(decimal: text[...]) }
}

extension Exact {
    /// The value in ten-thousandths when that is a whole number below 2⁶¹ in magnitude: every
    /// amount with at most four decimals. How ``FactStore`` keeps numbers in one 64-bit slot.
    var tenThousandths: Int64? {
        guard case .small(let n, let d) = storage, 10000 % d == 0 else { return nil }
        let (p, overflow) = n.multipliedReportingOverflow(by: 10000 / d)
        guard !overflow, p >= -(1 << 61), p < (1 << 61) else { return nil }
        return p
    }

    /// The number `v` / 10000, reduced.
    init(tenThousandths v: Int64) {
        if v % 10000 == 0 {
            storage = .small(v / 10000, 1)
            return
        }
        var a = v < 0 ? -v : v, b: Int64 = 10000
        while b != 0 { (a, b) = (b, a % b) }
        storage = .small(v / a, 10000 / a)
    }
}

extension Int128 {
    fileprivate static func abs(_ v: Int128) -> Int128 { v < 0 ? -v : v }
}
