/// A 128-bit hash of a row's raw bytes, to recognise exact duplicate rows without keeping them.
/// Two independent 64-bit lanes of multiply-fold mixing, eight bytes at a time: fast enough to run
/// on every row of a file of tens of millions, and wide enough that two different rows of one file
/// never share a fingerprint in practice.
public struct RowFingerprint: Sendable, Hashable {
    let high: UInt64
    let low: UInt64

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The fingerprint of `raw`, a row's bytes as written (without its line end).
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

/// The fingerprints of rows seen so far in one file. Open addressing on the fingerprint's own bits
/// (it is a hash already, so nothing is hashed again), both halves side by side in one array.
struct FingerprintSet {
    /// high, low of each slot; (0, 0) marks an empty slot.
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0
    /// Whether the fingerprint (0, 0) itself is in the set.
    private var hasZero = false

    init() {
        slots = [UInt64](repeating: 0, count: 2 * 1024)
        mask = 1023
    }

    @inline(__always) private func home(_ f: RowFingerprint) -> Int { Int(truncatingIfNeeded: f.low) & mask }

    func contains(_ f: RowFingerprint) -> Bool {
        if f.high == 0 && f.low == 0 { return hasZero }
        return slots.withUnsafeBufferPointer { p in
            var i = home(f)
            while true {
                let h = p[2 * i], l = p[2 * i + 1]
                if h == f.high && l == f.low { return true }
                if h == 0 && l == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds `f`; false when it was already there.
    @discardableResult
    mutating func insert(_ f: RowFingerprint) -> Bool {
        if f.high == 0 && f.low == 0 {
            defer { hasZero = true }
            return !hasZero
        }
        if (count + 1) * 10 > (mask + 1) * 7 { grow() }
        let start = home(f), mask = self.mask
        let inserted = slots.withUnsafeMutableBufferPointer { p -> Bool in
            var i = start
            while true {
                let h = p[2 * i], l = p[2 * i + 1]
                if h == f.high && l == f.low { return false }
                if h == 0 && l == 0 {
                    p[2 * i] = f.high
                    p[2 * i + 1] = f.low
                    return true
                }
                i = (i + 1) & mask
            }
        }
        if inserted { count += 1 }
        return inserted
    }

    private mutating func grow() {
        let old = slots
        let size = (mask + 1) * 2
        slots = [UInt64](repeating: 0, count: 2 * size)
        mask = size - 1
        let mask = self.mask
        old.withUnsafeBufferPointer { p in
            slots.withUnsafeMutableBufferPointer { q in
                var k = 0
                while k < p.count {
                    let h = p[k], l = p[k + 1]
                    if h != 0 || l != 0 {
                        var i = Int(truncatingIfNeeded: l) & mask
                        while q[2 * i] != 0 || q[2 * i + 1] != 0 { i = (i + 1) & mask }
                        q[2 * i] = h
                        q[2 * i + 1] = l
                    }
                    k += 2
                }
            }
        }
    }
}
