@testable import ConnectorKit
import Testing

/// The chunk validator agrees with a byte-by-byte reading of the UTF-8 rules on every outcome:
/// valid, a character cut off at the end (and where it starts), an invalid byte (and where).
struct UTF8ValidationTests {
    /// The rules of RFC 3629, one byte at a time.
    static func reference(_ bytes: [UInt8]) -> UTF8Validation.Outcome {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int, second: ClosedRange<UInt8>
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return .invalid(at: i)
            }
            for k in 1..<length {
                if i + k >= bytes.count { return .incomplete(at: i) }
                if !(k == 1 ? second : 0x80...0xBF).contains(bytes[i + k]) { return .invalid(at: i) }
            }
            i += length
        }
        return .valid
    }

    static func check(_ bytes: [UInt8]) -> UTF8Validation.Outcome { bytes.withUnsafeBufferPointer { UTF8Validation.check($0) } }

    @Test func chineseTextAndEdgeCases() {
        let text = Array("粤B12345,小型轿车,正常,2024-03-05,张三\n".utf8)
        #expect(Self.check(text) == .valid)
        for cut in 0...text.count {
            let prefix = Array(text[..<cut])
            #expect(Self.check(prefix) == Self.reference(prefix), "cut at \(cut)")
        }
        let cases: [[UInt8]] = [
            [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xEF, 0xBF, 0xBF],
            [0xE4, 0xB8], [0xE4, 0xB8, 0x41], [0xE4, 0x41, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF0, 0x9F, 0x98, 0x80], [0x41, 0xE4, 0xB8, 0xAD, 0xFF], [0xE9, 0xBF, 0xBF, 0xE9],
        ]
        for c in cases { #expect(Self.check(c) == Self.reference(c), "\(c)") }
    }

    @Test func randomBytesAgreeWithTheReference() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x41, 0x2C, 0x0A, 0x80, 0x8F, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE4, 0xE9, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            #expect(Self.check(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }
}
