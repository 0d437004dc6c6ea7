#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks a line's JSON without building values, and finds one top-level string member: the fast
/// path for lines about people outside the roster. Conservative: it answers only for lines it can
/// decide exactly like ``JSONLineParser`` (a valid object, no escapes in keys, no key twice);
/// anything else returns `nil` and takes the full parse.
struct JSONLineScan {
    private let p: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0

    /// The byte range of the string value of the top-level `key`, or an empty range at 0 when the
    /// key is absent or not a string without escapes; `nil` when the line is not a plainly valid object.
    static func member(_ key: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var scan = JSONLineScan(p: line)
        return scan.document(key)
    }

    private init(p: UnsafeBufferPointer<UInt8>) { self.p = p }

    private mutating func blanks() {
        while i < p.count, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0A || p[i] == 0x0D { i += 1 }
    }

    private mutating func document(_ key: [UInt8]) -> Range<Int>? {
        blanks()
        guard i < p.count, p[i] == UInt8(ascii: "{") else { return nil }
        guard let found = object(find: key) else { return nil }
        blanks()
        return i == p.count ? found : nil
    }

    /// The most keys an object may have for the scan to check them for repeats (on the stack, no
    /// allocation a line); an object with more takes the full parse.
    static let keysChecked = 32

    /// An object; with `find`, the range of that member's plain string value.
    private mutating func object(find: [UInt8]?) -> Range<Int>? {
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: Self.keysChecked) { keys in
            object(find: find, keys: keys)
        }
    }

    /// ``object(find:)`` with `keys` to hold the keys read so far.
    private mutating func object(find: [UInt8]?, keys: UnsafeMutableBufferPointer<Range<Int>>) -> Range<Int>? {
        depth += 1
        guard depth <= JSONLineParser.maxDepth else { return nil }
        i += 1
        var keyCount = 0
        var found = 0..<0
        blanks()
        if i < p.count, p[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return found }
        while true {
            blanks()
            guard i < p.count, p[i] == UInt8(ascii: "\"") else { return nil }
            guard let k = string(), !k.escaped else { return nil }
            guard keyCount < keys.count else { return nil }
            for other in keys[..<keyCount] where other.count == k.range.count {
                if memcmp(p.baseAddress! + other.lowerBound, p.baseAddress! + k.range.lowerBound, other.count) == 0 { return nil }
            }
            keys.initializeElement(at: keyCount, to: k.range)
            keyCount += 1
            blanks()
            guard i < p.count, p[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            blanks()
            guard i < p.count else { return nil }
            if let find, k.range.count == find.count, find.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p.baseAddress! + k.range.lowerBound, find.count) == 0 }) {
                if p[i] == UInt8(ascii: "\"") {
                    guard let v = string() else { return nil }
                    if !v.escaped { found = v.range }
                } else {
                    guard value() else { return nil }
                }
            } else {
                guard value() else { return nil }
            }
            blanks()
            guard i < p.count else { return nil }
            if p[i] == UInt8(ascii: ",") { i += 1; continue }
            guard p[i] == UInt8(ascii: "}") else { return nil }
            i += 1
            depth -= 1
            return found
        }
    }

    private mutating func value() -> Bool {
        guard i < p.count else { return false }
        switch p[i] {
        case UInt8(ascii: "{"): return object(find: nil) != nil
        case UInt8(ascii: "["):
            depth += 1
            guard depth <= JSONLineParser.maxDepth else { return false }
            i += 1
            blanks()
            if i < p.count, p[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return true }
            while true {
                blanks()
                guard value() else { return false }
                blanks()
                guard i < p.count else { return false }
                if p[i] == UInt8(ascii: ",") { i += 1; continue }
                guard p[i] == UInt8(ascii: "]") else { return false }
                i += 1
                depth -= 1
                return true
            }
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return false
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= p.count, memcmp(word.utf8Start, p.baseAddress! + i, n) == 0 else { return false }
        i += n
        return true
    }

    /// A string; its content range and whether it holds escapes (which are then only checked
    /// to be well-formed enough for the full parser to judge: any backslash sends the line there).
    private mutating func string() -> (range: Range<Int>, escaped: Bool)? {
        i += 1
        let start = i
        while i < p.count {
            let c = p[i]
            if c == UInt8(ascii: "\"") { i += 1; return (start..<(i - 1), false) }
            if c < 0x20 || c == UInt8(ascii: "\\") { return nil }
            i += 1
        }
        return nil
    }

    private mutating func number() -> Bool {
        @inline(__always) func digits(_ s: inout JSONLineScan) -> Int {
            let from = s.i
            while s.i < s.p.count, s.p[s.i] >= 0x30 && s.p[s.i] <= 0x39 { s.i += 1 }
            return s.i - from
        }
        if p[i] == UInt8(ascii: "-") { i += 1 }
        guard i < p.count else { return false }
        if p[i] == UInt8(ascii: "0") { i += 1 } else if digits(&self) == 0 { return false }
        if i < p.count, p[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { return false }
        }
        if i < p.count, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            if i < p.count, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { return false }
        }
        return true
    }
}
