/// Arithmetic on fractions whose parts fit 64 bits (every amount, count and month in practice),
/// without the 128-bit divisions of the general path: a household's entitlement for a month is a
/// product, a sum, a comparison and a rounding, computed a dozen times for each of a million
/// households, and 128-bit division (`__divti3`, `__modti3`) was a visible part of it.
///
/// Each function gives exactly what the general path gives, or `nil` when a part would not fit
/// 64 bits, and the caller then takes the general path. Parts are never `Int64.min` (``Exact``
/// keeps them so), so negating one cannot overflow.
extension Exact {
    /// The greatest common divisor of two non-negative numbers; gcd(0, b) is b.
    @inline(__always)
    static func smallGCD(_ a: Int64, _ b: Int64) -> Int64 {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// `n1/d1 × n2/d2` (reduced inputs, positive denominators), reduced: the cross factors are
    /// cancelled first, so the product is already in lowest terms.
    static func smallProduct(_ n1: Int64, _ d1: Int64, _ n2: Int64, _ d2: Int64) -> Exact? {
        let g1 = smallGCD(n1 < 0 ? -n1 : n1, d2), g2 = smallGCD(n2 < 0 ? -n2 : n2, d1)
        // gcd(0, d) is d > 0, so neither divisor is zero
        let (n, o1) = (n1 / g1).multipliedReportingOverflow(by: n2 / g2)
        let (d, o2) = (d1 / g2).multipliedReportingOverflow(by: d2 / g1)
        guard !o1, !o2, n != .min else { return nil }
        return Exact(lowestTerms: n, d)
    }

    /// `n1/d1 + n2/d2` (reduced inputs, positive denominators), reduced.
    static func smallSum(_ n1: Int64, _ d1: Int64, _ n2: Int64, _ d2: Int64) -> Exact? {
        if d1 == d2 {
            let (n, overflow) = n1.addingReportingOverflow(n2)
            guard !overflow, n != .min else { return nil }
            return Exact(small: n, d1)
        }
        let g = smallGCD(d1, d2)
        let (d, o1) = (d1 / g).multipliedReportingOverflow(by: d2)
        let (a, o2) = n1.multipliedReportingOverflow(by: d2 / g)
        let (b, o3) = n2.multipliedReportingOverflow(by: d1 / g)
        guard !o1, !o2, !o3 else { return nil }
        let (n, o4) = a.addingReportingOverflow(b)
        guard !o4, n != .min, d != .min else { return nil }
        return Exact(small: n, d)
    }

    /// `n/d` rounded half away from zero to `places` decimals (`places` at most 18, so that
    /// 10^places fits), or `nil` when the result does not fit 64 bits.
    static func smallRounded(_ n: Int64, _ d: Int64, places: Int) -> Exact? {
        guard places >= 0, places <= 18 else { return nil }
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let m = n.magnitude, du = UInt64(d)
        var whole = m / du
        let r = m % du
        // r < d, so r × scale ÷ d < scale fits
        let wide = r.multipliedFullWidth(by: scale)
        var (fraction, remainder) = du.dividingFullWidth((wide.high, wide.low))
        if remainder >= du - remainder { fraction += 1 }
        if fraction == scale { fraction = 0; whole += 1 }
        let (scaled, o1) = whole.multipliedReportingOverflow(by: scale)
        let (units, o2) = scaled.addingReportingOverflow(fraction)
        guard !o1, !o2, units <= UInt64(Int64.max) else { return nil }
        let value = Int64(units)
        return Exact(small: n < 0 ? -value : value, Int64(scale))
    }
}
