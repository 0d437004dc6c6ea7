/// Checks that bytes are well-formed UTF-8, chunk by chunk.
enum UTF8Validation {
    /// The outcome of checking one chunk.
    enum Outcome: Equatable {
        /// Every byte is part of a complete, valid character.
        case valid
        /// Valid up to `at`, where a character begins that the chunk cuts off (more bytes may follow).
        case incomplete(at: Int)
        /// The byte at `at` cannot start or continue a character.
        case invalid(at: Int)
    }

    static func check(_ p: UnsafeBufferPointer<UInt8>) -> Outcome {
        let n = p.count
        var i = 0
        while i < n {
            // ASCII fast path, eight bytes at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= n { break }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            // Chinese text: a three-byte character with an ordinary lead byte (E1–EC, EE–EF, no
            // range limits on the next byte) and two continuation bytes. Anything else, including
            // a character the chunk cuts off, is decided below.
            if b >= 0xE1 && b != 0xED && b <= 0xEF && i + 2 < n && p[i + 1] & 0xC0 == 0x80 && p[i + 2] & 0xC0 == 0x80 {
                i += 3
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return .invalid(at: i)
            }
            for k in 1..<length {
                if i + k >= n { return .incomplete(at: i) }
                let c = p[i + k]
                let lo: UInt8 = k == 1 ? low : 0x80
                let hi: UInt8 = k == 1 ? high : 0xBF
                if c < lo || c > hi { return .invalid(at: i) }
            }
            i += length
        }
        return .valid
    }
}
