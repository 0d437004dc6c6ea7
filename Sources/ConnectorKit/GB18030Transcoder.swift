#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts GB18030 bytes to UTF-8 with the C library's `iconv`, chunk by chunk.
final class GB18030Transcoder {
    /// The outcome of converting one chunk.
    enum Outcome {
        /// All input converted.
        case done
        /// Converted up to `at`; the bytes from there start a character the chunk cuts off.
        case incomplete(at: Int)
        /// The input byte at `at` does not start a valid GB18030 character.
        case invalid(at: Int)
    }

    private let cd: iconv_t

    /// `nil` when the C library has no GB18030 converter installed.
    init?() {
        let cd = iconv_open("UTF-8", "GB18030")
        if Int(bitPattern: cd) == -1 { return nil }
        self.cd = cd!
    }

    deinit { iconv_close(cd) }

    /// Appends the UTF-8 form of `input` to `output`.
    func convert(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Outcome {
        guard input.count > 0 else { return .done }
        var consumed = 0
        var scratch = [UInt8](repeating: 0, count: max(4096, input.count * 2))
        while consumed < input.count {
            var inLeft = input.count - consumed
            var outLeft = scratch.count
            var err: Int32 = 0
            scratch.withUnsafeMutableBufferPointer { out in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: input.baseAddress! + consumed)
                    .assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self)
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                err = r == -1 ? errno : 0
            }
            output.append(contentsOf: scratch[0..<(scratch.count - outLeft)])
            consumed = input.count - inLeft
            switch err {
            case 0: continue
            case E2BIG: continue
            case EINVAL: return .incomplete(at: consumed)
            default: return .invalid(at: consumed)
            }
        }
        return .done
    }
}
