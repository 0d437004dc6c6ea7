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

    /// Equal values are equal fractions: both sides are always reduced, so `1/2 == 2/4`.
    public static func == (a: Exact, b: Exact) -> Bool {
        switch (a.storage, b.storage) {
        case (.small(let n1, let d1), .small(let n2, let d2)): return n1 == n2 && d1 == d2
        default: return a.numerator == b.numerator && a.denominator == b.denominator
        }
    }

    /// Hashes the reduced numerator and denominator, consistent with `==`.
    public func hash(into h: inout Hasher) {
        h.combine(numerator)
        h.combine(denominator)
    }

    /// The number 0.
    public static let zero = Exact(0)
    /// The number 1.
    public static let one = Exact(1)

    /// The whole number `integer`.
    public init(_ integer: Int) {
        storage = .small(Int64(integer), 1)
    }

    /// An amount given in fen (hundredths of a yuan).
    public init(fen: Int64) {
        self.init(unchecked: Int128(fen), 100)
    }

    /// `numerator / denominator`, reduced (the sign moves to the numerator). Traps when `denominator` is 0.
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
    init(small n: Int64, _ d: Int64) {
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

    /// Whether the value is a whole number (denominator 1).
    public var isInteger: Bool { denominator == 1 }
    /// Whether the value is below zero.
    public var isNegative: Bool { numerator < 0 }
    /// Whether the value is zero.
    public var isZero: Bool { numerator == 0 }

    /// The integer value when this is a whole number that fits in `Int`.
    public var intValue: Int? {
        guard denominator == 1, let v = Int(exactly: numerator) else { return nil }
        return v
    }

    /// `a + b`. Traps when the result does not fit; rules use ``adding(_:)``.
    public static func + (a: Exact, b: Exact) -> Exact { a.unwrap { (x) throws(ExactError) in try x.adding(b) } }
    /// `-a`. Traps when the result does not fit; rules use ``negated()``.
    public static prefix func - (a: Exact) -> Exact { a.unwrap { (x) throws(ExactError) in try x.negated() } }
    /// `a - b`. Traps when the result does not fit; rules use ``subtracting(_:)``.
    public static func - (a: Exact, b: Exact) -> Exact { a.unwrap { (x) throws(ExactError) in try x.subtracting(b) } }
    /// `a × b`. Traps when the result does not fit; rules use ``multiplied(by:)``.
    public static func * (a: Exact, b: Exact) -> Exact { a.unwrap { (x) throws(ExactError) in try x.multiplied(by: b) } }

    private init(storage: Storage) { self.storage = storage }

    /// `n / d` already in lowest terms with `d` > 0 (neither part `Int64.min`), stored as it is.
    init(lowestTerms n: Int64, _ d: Int64) { storage = .small(n, d) }

    private func unwrap(_ operation: (Exact) throws(ExactError) -> Exact) -> Exact {
        do throws(ExactError) { return try operation(self) } catch { preconditionFailure("exact number: \(error)") }
    }

    /// Division; `nil` when dividing by zero (or when the result does not fit).
    public func divided(by b: Exact) -> Exact? { try? dividing(by: b) }

    /// `n / d` reduced, or an error when a part is `Int128.min` (whose negation does not fit).
    private static func checked(_ n: Int128, _ d: Int128) throws(ExactError) -> Exact {
        guard d != 0 else { throw .divisionByZero }
        guard n != .min, d != .min else { throw .overflow }
        return Exact(unchecked: n, d)
    }

    /// `self + b`, or ``ExactError/overflow`` when a part of the result needs more than 127 bits.
    public func adding(_ b: Exact) throws(ExactError) -> Exact {
        if case .small(let n1, let d1) = storage, case .small(let n2, let d2) = b.storage,
            let sum = Exact.smallSum(n1, d1, n2, d2) {
            return sum
        }
        if denominator == b.denominator { return try Exact.checked(try numerator.plus(b.numerator), denominator) }
        let g = Exact.gcd(denominator, b.denominator)
        let d = try (denominator / g).times(b.denominator)
        return try Exact.checked(try numerator.times(d / denominator).plus(try b.numerator.times(d / b.denominator)), d)
    }

    /// `-self`; cannot overflow (no part is ever `Int128.min`), but says so if it did.
    public func negated() throws(ExactError) -> Exact {
        if case .small(let n, let d) = storage, n != .min { return Exact(storage: .small(-n, d)) }
        return try Exact.checked(-numerator, denominator)
    }

    /// `self - b`, or ``ExactError/overflow``.
    public func subtracting(_ b: Exact) throws(ExactError) -> Exact { try adding(try b.negated()) }

    /// `self × b`, or ``ExactError/overflow``.
    public func multiplied(by b: Exact) throws(ExactError) -> Exact {
        if case .small(let n1, let d1) = storage, case .small(let n2, let d2) = b.storage,
            let product = Exact.smallProduct(n1, d1, n2, d2) {
            return product
        }
        let g1 = Exact.gcd(abs(numerator), b.denominator)
        let g2 = Exact.gcd(abs(b.numerator), denominator)
        return try Exact.checked(try (numerator / g1).times(b.numerator / g2), try (denominator / g2).times(b.denominator / g1))
    }

    /// `self ÷ b`, or ``ExactError/divisionByZero`` or ``ExactError/overflow``.
    public func dividing(by b: Exact) throws(ExactError) -> Exact {
        guard b.numerator != 0 else { throw .divisionByZero }
        return try multiplied(by: Exact(unchecked: b.denominator, b.numerator))
    }

    /// Exact for every pair of values: the cross products are compared at 256 bits.
    public static func < (a: Exact, b: Exact) -> Bool {
        if case .small(let n1, let d1) = a.storage, case .small(let n2, let d2) = b.storage {
            if d1 == d2 { return n1 < n2 }
            // the cross products of 64-bit parts fit 128 bits
            let l = n1.multipliedFullWidth(by: d2), r = n2.multipliedFullWidth(by: d1)
            return (l.high, l.low) < (r.high, r.low)
        }
        let l = a.numerator.multipliedFullWidth(by: b.denominator)
        let r = b.numerator.multipliedFullWidth(by: a.denominator)
        return (l.high, l.low) < (r.high, r.low)
    }

    /// The value rounded half away from zero to `places` decimals, as a whole number of
    /// 10^-places in magnitude: (whole part, decimals), never overflowing.
    private func roundedParts(places: Int) -> (negative: Bool, whole: UInt128, fraction: UInt128, scale: UInt128)? {
        guard places >= 0, places <= 38 else { return nil }
        var scale: UInt128 = 1
        for _ in 0..<places { scale *= 10 }
        let m = numerator.magnitude, d = denominator.magnitude
        var whole = m / d
        let r = m % d
        // r × scale < d × scale, so the quotient fits
        var (fraction, remainder) = d.dividingFullWidth(r.multipliedFullWidth(by: scale))
        if remainder >= d - remainder { fraction += 1 }
        if fraction == scale { fraction = 0; whole += 1 }
        return (numerator < 0, whole, fraction, scale)
    }

    /// Rounds half away from zero to `places` decimal places ("四舍五入"), or
    /// ``ExactError/overflow`` when the rounded value needs more than 38 digits.
    public func checkedRounded(places: Int) throws(ExactError) -> Exact {
        if case .small(let n, let d) = storage, let rounded = Exact.smallRounded(n, d, places: places) { return rounded }
        guard let p = roundedParts(places: places) else { throw .overflow }
        let (scaled, o1) = p.whole.multipliedReportingOverflow(by: p.scale)
        let (units, o2) = scaled.addingReportingOverflow(p.fraction)
        guard !o1, !o2, units <= UInt128(Int128.max) else { throw .overflow }
        return try Exact.checked(p.negative ? -Int128(units) : Int128(units), Int128(p.scale))
    }

    /// Rounds half away from zero to `places` decimal places ("四舍五入"); traps when the
    /// result does not fit (rules use ``checkedRounded(places:)``).
    public func rounded(places: Int) -> Exact { unwrap { (x) throws(ExactError) in try x.checkedRounded(places: places) } }

    /// The value rounded half-up to the fen, in fen; saturates at the Int128 bounds (above 10³⁶ yuan).
    public var fen: Int128 {
        guard let r = try? checkedRounded(places: 2) else { return isNegative ? .min + 1 : .max }
        return r.numerator * (100 / r.denominator)
    }

    /// Decimal text with exactly `places` decimals after rounding half-up, e.g. `"1234.50"`.
    /// Works for every value (the digits are never put in one integer).
    public func decimalString(places: Int = 2) -> String {
        guard let p = roundedParts(places: min(max(0, places), 38)) else { return description }
        var text = String(p.whole)
        if places > 0 {
            var f = String(p.fraction)
            while f.count < places { f = "0" + f }
            text += "." + f
        }
        return p.negative && (p.whole != 0 || p.fraction != 0) ? "-" + text : text
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
            for p in 0...min(38, max(places, 1) * 2) where (try? checkedRounded(places: p)) == self {
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

    /// Parses plain decimal text such as `12`, `-3.5`, `1370.00` as the `Substring` form does; `nil` for anything else.
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

/// Why an exact operation has no result.
public enum ExactError: Error, Sendable, CustomStringConvertible {
    /// A part of the result (numerator or denominator) needs more than 127 bits (about 38 digits).
    case overflow
    /// A division whose divisor is zero.
    case divisionByZero

    /// A short English explanation of why there is no result.
    public var description: String {
        switch self {
        case .overflow: return "the result is too large to compute exactly (more than 38 digits)"
        case .divisionByZero: return "division by zero"
        }
    }
}

extension Int128 {
    fileprivate static func abs(_ v: Int128) -> Int128 { v < 0 ? -v : v }

    fileprivate func plus(_ b: Int128) throws(ExactError) -> Int128 {
        let (r, o) = addingReportingOverflow(b)
        if o { throw .overflow }
        return r
    }

    fileprivate func times(_ b: Int128) throws(ExactError) -> Int128 {
        let (r, o) = multipliedReportingOverflow(by: b)
        if o { throw .overflow }
        return r
    }
}
