/// A 128-bit hash of a row's raw bytes, to recognise exact duplicate rows without keeping them.
/// Hash values differ between runs (the seed is random per process), never within one.
public struct RowFingerprint: Sendable, Hashable {
    let high: Int
    let low: Int

    public init(_ raw: ArraySlice<UInt8>) {
        var a = Hasher()
        var b = Hasher()
        a.combine(0x5A as UInt8)
        b.combine(0xA5 as UInt8)
        raw.withUnsafeBytes { bytes in
            a.combine(bytes: bytes)
            b.combine(bytes: bytes)
        }
        a.combine(raw.count)
        b.combine(raw.count)
        high = a.finalize()
        low = b.finalize()
    }
}
