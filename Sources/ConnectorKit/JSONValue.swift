#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// A JSON value as read from one line of a JSON Lines export.
///
/// Numbers keep the text they were written with, so that an amount such as `12345.67` is read
/// exactly (see ``MoneyText``) and never passes through floating point.
public enum JSONValue: Sendable, Hashable {
    /// The literal `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as written (`12345.67`, `-3`, `1e3`).
    case number(String)
    /// A string, its escapes decoded.
    case string(String)
    /// An array, its elements in order.
    case array([JSONValue])
    /// An object; a key written twice makes the whole text invalid rather than picking one.
    case object([String: JSONValue])

    /// What kind of value this is, in the words reject reasons use: `字符串`, `数字`, `布尔值`,
    /// `null`, `数组`, `对象`.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "布尔值"
        case .number: return "数字"
        case .string: return "字符串"
        case .array: return "数组"
        case .object: return "对象"
        }
    }

    /// Parses one complete JSON text (RFC 8259) from UTF-8 bytes.
    ///
    /// - Throws: a ``ValueProblem`` naming the character position (1-based) and what was wrong,
    ///   e.g. `第 131 个字符处：行在 JSON 结束前就结束了（被截断？）`.
    public static func parse(_ bytes: some Collection<UInt8>) throws(ValueProblem) -> JSONValue {
        var parser = JSONLineParser(Array(bytes))
        return try parser.document()
    }
}

/// A strict recursive-descent JSON parser over one line's bytes.
struct JSONLineParser {
    private let b: [UInt8]
    private var i = 0
    private var depth = 0
    static let maxDepth = 64

    init(_ bytes: [UInt8]) { b = bytes }

    mutating func document() throws(ValueProblem) -> JSONValue {
        skipBlanks()
        let v = try value()
        skipBlanks()
        guard i == b.count else { throw fail("JSON 之后还有多余的字符") }
        return v
    }

    /// The 1-based character (not byte) position of `at`.
    private func position(_ at: Int) -> Int {
        var n = 1
        for k in 0..<min(at, b.count) where b[k] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    private func fail(_ what: String, at: Int? = nil) -> ValueProblem {
        ValueProblem("第 \(position(at ?? i)) 个字符处：\(what)")
    }

    private var truncated: ValueProblem { fail("行在 JSON 结束前就结束了（被截断？）") }

    private mutating func skipBlanks() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    private func unexpected() -> ValueProblem {
        guard i < b.count else { return truncated }
        var end = i + 1
        while end < b.count, b[end] & 0xC0 == 0x80 { end += 1 }
        return fail("意外的字符 '\(String(decoding: b[i..<end], as: UTF8.self))'")
    }

    private mutating func value() throws(ValueProblem) -> JSONValue {
        guard i < b.count else { throw truncated }
        switch b[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw unexpected()
        }
    }

    private mutating func literal(_ word: String) throws(ValueProblem) {
        for c in word.utf8 {
            guard i < b.count else { throw truncated }
            guard b[i] == c else { throw unexpected() }
            i += 1
        }
    }

    private mutating func nest() throws(ValueProblem) {
        depth += 1
        guard depth <= Self.maxDepth else { throw fail("嵌套超过 \(Self.maxDepth) 层") }
    }

    private mutating func object() throws(ValueProblem) -> JSONValue {
        try nest()
        i += 1
        var members: [String: JSONValue] = [:]
        skipBlanks()
        if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
        while true {
            skipBlanks()
            guard i < b.count else { throw truncated }
            guard b[i] == UInt8(ascii: "\"") else { throw fail("应为用双引号括起的键名") }
            let keyAt = i
            let key = try string()
            guard members[key] == nil else { throw fail("键 '\(key)' 出现了不止一次", at: keyAt) }
            skipBlanks()
            guard i < b.count else { throw truncated }
            guard b[i] == UInt8(ascii: ":") else { throw fail("键名后应为 ':'") }
            i += 1
            skipBlanks()
            members[key] = try value()
            skipBlanks()
            guard i < b.count else { throw truncated }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            guard b[i] == UInt8(ascii: "}") else { throw fail("应为 ',' 或 '}'") }
            i += 1
            depth -= 1
            return .object(members)
        }
    }

    private mutating func array() throws(ValueProblem) -> JSONValue {
        try nest()
        i += 1
        var items: [JSONValue] = []
        skipBlanks()
        if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(items) }
        while true {
            skipBlanks()
            items.append(try value())
            skipBlanks()
            guard i < b.count else { throw truncated }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            guard b[i] == UInt8(ascii: "]") else { throw fail("应为 ',' 或 ']'") }
            i += 1
            depth -= 1
            return .array(items)
        }
    }

    private mutating func string() throws(ValueProblem) -> String {
        let start = i
        i += 1
        // Most strings have no escapes: up to the closing quote, they are taken as they are.
        let contentStart = i
        while i < b.count, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "\\"), b[i] >= 0x20 { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: "\"") {
            i += 1
            return b.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[contentStart..<i - 1]), as: UTF8.self) }
        }
        var out = Array(b[contentStart..<i])
        while true {
            guard i < b.count else { throw fail("字符串没有结束引号（被截断？）", at: start) }
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if c < 0x20 { throw fail("字符串中有未转义的控制字符") }
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { throw truncated }
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
                        throw fail("\\u 转义的代理对不完整")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("\\u 转义的代理对不完整") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("\\u 转义的代理对不完整")
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw fail("无效的转义 '\\\(String(decoding: [e], as: UTF8.self))'", at: i - 2)
            }
        }
    }

    private mutating func hex4() throws(ValueProblem) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < b.count else { throw truncated }
            let c = b[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 0x41 + 10)
            default: throw fail("\\u 后应为 4 位十六进制数")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private mutating func number() throws(ValueProblem) -> String {
        let start = i
        let isDigit = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
        func digits(_ p: inout JSONLineParser) -> Int {
            let s = p.i
            while p.i < p.b.count, isDigit(p.b[p.i]) { p.i += 1 }
            return p.i - s
        }
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { throw truncated }
        if b[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits(&self) == 0 {
            throw fail("数字格式不对", at: start)
        }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw fail("数字格式不对", at: start) }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw fail("数字格式不对", at: start) }
        }
        return String(decoding: b[start..<i], as: UTF8.self)
    }
}
