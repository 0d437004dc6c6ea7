/// A 128-bit hash of a row's raw bytes, to recognise exact duplicate rows without keeping them.
/// Two independent 64-bit lanes of multiply-fold mixing, eight bytes at a time: fast enough to run
/// on every row of a file of tens of millions, and wide enough that two different rows of one file
/// never share a fingerprint in practice.
public struct RowFingerprint: Sendable, Hashable {
    let high: UInt64
    let low: UInt64

    public init(_ raw: ArraySlice<UInt8>) {
        self = raw.withUnsafeBytes { RowFingerprint($0) }
    }

    @inline(__always)
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let m = a.multipliedFullWidth(by: b)
        return m.high ^ m.low
    }

    init(_ bytes: UnsafeRawBufferPointer) {
        var a: UInt64 = 0x243F_6A88_85A3_08D3
        var b: UInt64 = 0x1319_8A2E_0370_7344
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            a = Self.fold(a ^ w, 0xA076_1D64_78BD_642F)
            b = Self.fold(b ^ (w >> 32 | w << 32), 0xE703_7ED1_A0B4_28DB)
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                w |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            a = Self.fold(a ^ w, 0x8EBC_6AF0_9C88_C6E3)
            b = Self.fold(b ^ (w >> 32 | w << 32), 0x5899_65CC_7537_4CC3)
        }
        high = Self.fold(a ^ UInt64(n), 0x1D8E_4E27_C47D_124F)
        low = Self.fold(b ^ UInt64(n) ^ high, 0xA076_1D64_78BD_642F)
    }
}
