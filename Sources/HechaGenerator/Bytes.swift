/// Appending text to a byte buffer without building Strings: rows are written straight into one
/// large `[UInt8]` that is flushed in big writes.
extension Array where Element == UInt8 {
    @inline(__always) mutating func put(_ s: StaticString) {
        s.withUTF8Buffer { append(contentsOf: $0) }
    }

    @inline(__always) mutating func put(_ s: String) { append(contentsOf: s.utf8) }

    @inline(__always) mutating func put(_ bytes: [UInt8]) { append(contentsOf: bytes) }

    @inline(__always) mutating func comma() { append(0x2C) }

    @inline(__always) mutating func newline() { append(0x0A) }

    /// A non-negative integer, zero-padded to `width` digits.
    mutating func digits(_ value: Int, width: Int = 0) {
        var n = 1
        var p = 10
        while n < 19 && value >= p { n += 1; p &*= 10 }
        var pad = width - n
        while pad > 0 { append(0x30); pad -= 1 }
        var div = 1
        for _ in 1..<n { div *= 10 }
        var v = value
        while div > 0 {
            append(UInt8(0x30 + v / div))
            v %= div
            div /= 10
        }
    }

    /// An amount in fen as yuan with two decimals: `1234.50`.
    mutating func money(_ fen: Int) {
        if fen < 0 { append(0x2D) }
        let a = abs(fen)
        digits(a / 100)
        append(0x2E)
        digits(a % 100, width: 2)
    }

    /// An amount in one of the ways agencies write money; `style` 0 is the plain form.
    mutating func money(_ fen: Int, style: Int) {
        switch style {
        case 1:  // thousands separators, quoted as CSV needs
            let yuan = fen / 100
            if yuan >= 1000 {
                append(0x22)
                defer { append(0x22) }
                var groups: [Int] = []
                var v = yuan
                while v >= 1000 { groups.append(v % 1000); v /= 1000 }
                digits(v)
                for g in groups.reversed() { append(0x2C); digits(g, width: 3) }
                append(0x2E); digits(fen % 100, width: 2)
            } else {
                money(fen)
            }
        case 2:  // 元 suffix
            money(fen); put("元")
        case 3:  // no trailing zeros
            digits(fen / 100)
            let c = fen % 100
            if c != 0 {
                append(0x2E)
                if c % 10 == 0 { digits(c / 10) } else { digits(c, width: 2) }
            }
        default:
            money(fen)
        }
    }

    /// A date; `style` 0 `2024-03-05`, 1 `20240305`, 2 `2024/3/5`, 3 `2024年3月5日`.
    mutating func date(_ d: Date3, style: Int = 0) {
        switch style {
        case 1: digits(d.y, width: 4); digits(d.m, width: 2); digits(d.d, width: 2)
        case 2: digits(d.y); append(0x2F); digits(d.m); append(0x2F); digits(d.d)
        case 3: digits(d.y); put("年"); digits(d.m); put("月"); digits(d.d); put("日")
        default: digits(d.y, width: 4); append(0x2D); digits(d.m, width: 2); append(0x2D); digits(d.d, width: 2)
        }
    }

    /// A month (year × 12 + month − 1); `style` 0 `2024-03`, 1 `202403`, 2 `2024年3月`.
    mutating func month(_ key: Int, style: Int = 0) {
        let y = key / 12, m = key % 12 + 1
        switch style {
        case 1: digits(y, width: 4); digits(m, width: 2)
        case 2: digits(y); put("年"); digits(m); put("月")
        default: digits(y, width: 4); append(0x2D); digits(m, width: 2)
        }
    }
}

/// Identity numbers: a 17-digit body kept as an integer, its ISO 7064 MOD 11-2 check character
/// computed here (independently of the connectors' `IDNumber`).
enum IDText {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checks: [UInt8] = Array("10X98765432".utf8)

    /// The body from its parts: 6-digit area, birth date, 3-digit sequence.
    static func body(area: Int, birth: Date3, sequence: Int) -> UInt64 {
        UInt64(area) * 100_000_000_000 + UInt64(birth.y * 10000 + birth.m * 100 + birth.d) * 1000 + UInt64(sequence)
    }

    static func check(_ body: UInt64) -> UInt8 {
        var v = body
        var sum = 0
        for i in stride(from: 16, through: 0, by: -1) {
            sum += Int(v % 10) * weights[i]
            v /= 10
        }
        return checks[sum % 11]
    }

    /// The 18 characters.
    static func text(_ body: UInt64) -> String {
        var b: [UInt8] = []
        b.reserveCapacity(18)
        b.digits(Int(body), width: 17)
        b.append(check(body))
        return String(decoding: b, as: UTF8.self)
    }

    static let fullWidthDigits: [[UInt8]] = (0..<10).map { Array(String(UnicodeScalar(0xFF10 + $0)!).utf8) }

    /// Writes the id as an export might: `style` 0 plain, 1 with surrounding spaces, 2 full-width
    /// digits, 3 a lowercase `x`, 4 the 15-digit legacy form. Styles that do not apply (no `X`, a
    /// birth year outside the 1900s) fall back to plain.
    static func write(_ body: UInt64, style: Int, into out: inout [UInt8]) {
        let c = check(body)
        switch style {
        case 1:
            out.append(0x20); out.digits(Int(body), width: 17); out.append(c); out.append(0x20); out.append(0x20)
        case 2:
            var tmp: [UInt8] = []
            tmp.digits(Int(body), width: 17)
            for d in tmp { out.append(contentsOf: fullWidthDigits[Int(d - 0x30)]) }
            if c == UInt8(ascii: "X") { out.put("Ｘ") } else { out.append(contentsOf: fullWidthDigits[Int(c - 0x30)]) }
        case 3 where c == UInt8(ascii: "X"):
            out.digits(Int(body), width: 17); out.append(UInt8(ascii: "x"))
        case 4 where (body / 1_000_000_000) % 100 == 19:
            // area (6) + yy (2) + mmdd (4) + sequence (3)
            var tmp: [UInt8] = []
            tmp.digits(Int(body), width: 17)
            out.append(contentsOf: tmp[0..<6])
            out.append(contentsOf: tmp[8..<17])
        default:
            out.digits(Int(body), width: 17); out.append(c)
        }
    }
}
