import HechaCore

/// A resident identity card number (公民身份号码, 身份证号) as normalised for matching.
///
/// ``init(_:)`` trims blanks (U+3000 included), folds full-width digits and letters to half-width,
/// upper-cases `x`, and converts a 15-digit legacy number to 18 digits (inserting `19` before the
/// two-digit birth year and computing the check character). The result is valid when it has 18
/// characters — 17 digits and a check character (a digit or `X`) — a birth date that exists with
/// a year of 1900 or later, and the ISO 7064 MOD 11-2 check character.
public struct IDNumber: Sendable, Hashable, CustomStringConvertible {
    /// The normalised text, also when invalid (as far as it could be normalised).
    public let text: String
    /// Why the number is invalid; `nil` when valid.
    public let problem: String?

    /// Whether the number is a well-formed 18-character id number.
    public var isValid: Bool { problem == nil }

    /// A valid id already checked (by ``plainBody(_:)``).
    init(validBody body: UInt64) {
        text = IDNumber.text(body: body)
        problem = nil
    }

    /// Normalises `raw` as written in an export.
    public init(_ raw: String) {
        var s = FieldText.normalized(raw)
        if s.contains("x") { s = s.replacingLowercaseX() }
        guard !s.isEmpty else {
            text = ""
            problem = "为空"
            return
        }
        let chars = Array(s.utf8)
        let allDigits = chars.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if chars.count == 15 && allDigits {
            // Always converted (the rules see the 18-digit form), then checked like any 18-digit id:
            // a legacy number with an impossible birth date stays invalid after conversion.
            let body = Array(chars[0..<6]) + Array("19".utf8) + Array(chars[6..<15])
            let converted = String(decoding: body, as: UTF8.self) + String(IDNumber.checkCharacter(body))
            text = converted
            problem = IDNumber.problem(of: Array(converted.utf8), text: converted)
                .map { "15 位旧号码 '\(s)' 转换为 18 位后：\($0)" }
            return
        }
        text = s
        problem = IDNumber.problem(of: chars, text: s)
    }

    private static func problem(of chars: [UInt8], text s: String) -> String? {
        guard chars.count == 18 else {
            return "'\(s)' 长度为 \(s.count) 位，应为 18 位（或 15 位旧号码）"
        }
        let body = Array(chars[0..<17])
        guard body.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return "'\(s)' 前 17 位应全为数字"
        }
        let last = chars[17]
        guard (last >= 0x30 && last <= 0x39) || last == UInt8(ascii: "X") else {
            return "'\(s)' 最后一位应为数字或 X"
        }
        let year = Int(String(decoding: chars[6..<10], as: UTF8.self))!
        let month = Int(String(decoding: chars[10..<12], as: UTF8.self))!
        let day = Int(String(decoding: chars[12..<14], as: UTF8.self))!
        guard year >= 1900, Day(year: year, month: month, day: day) != nil else {
            return "'\(s)' 中的出生日期 \(String(decoding: chars[6..<14], as: UTF8.self)) 不存在"
        }
        let expected = checkCharacter(body)
        guard Character(Unicode.Scalar(last)) == expected else {
            return "'\(s)' 校验位错误（应为 \(expected)）"
        }
        return nil
    }

    /// The ISO 7064 MOD 11-2 check character of the first 17 digits (ASCII).
    public static func checkCharacter(_ first17: [UInt8]) -> Character {
        precondition(first17.count == 17)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (d, w) in zip(first17, weights) { sum += Int(d - 0x30) * w }
        return Array("10X98765432")[sum % 11]
    }

    /// The normalised text (see ``text``), also when the number is invalid.
    public var description: String { text }

    /// The 17-digit body of a valid id written plainly (ASCII, 18 characters, blanks around it
    /// allowed, `x` or `X`), checked exactly as ``init(_:)`` checks; `nil` for anything else
    /// (which ``init(_:)`` then normalises or explains).
    @inline(__always)
    static func plainBody(_ p: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var lo = 0, hi = p.count
        while lo < hi && (p[lo] == 0x20 || p[lo] == 0x09) { lo += 1 }
        while hi > lo && (p[hi - 1] == 0x20 || p[hi - 1] == 0x09) { hi -= 1 }
        guard hi - lo == 18 else { return nil }
        var body: UInt64 = 0
        var sum = 0
        for k in 0..<17 {
            let d = p[lo + k] &- 0x30
            guard d < 10 else { return nil }
            body = body &* 10 &+ UInt64(d)
            sum += Int(d) * weights[k]
        }
        let last = p[lo + 17]
        let expected = checks[sum % 11]
        guard last == expected || (expected == 0x58 && last == 0x78) else { return nil }
        let date = Int((body / 1000) % 100_000_000)
        let year = date / 10000, month = (date / 100) % 100, day = date % 100
        guard year >= 1900, Day.isValid(year: year, month: month, day: day) else { return nil }
        return body
    }

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checks: [UInt8] = Array("10X98765432".utf8)

    /// The 18-character text of a valid id's body.
    static func text(body: UInt64) -> String {
        var sum = 0
        var v = body
        var digits = [UInt8](repeating: 0x30, count: 18)
        for k in stride(from: 16, through: 0, by: -1) {
            let d = Int(v % 10)
            v /= 10
            digits[k] = UInt8(0x30 + d)
            sum += d * weights[k]
        }
        digits[17] = checks[sum % 11]
        return String(decoding: digits, as: UTF8.self)
    }
}

extension String {
    fileprivate func replacingLowercaseX() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "x" ? "X" : $0 }))
    }
}
