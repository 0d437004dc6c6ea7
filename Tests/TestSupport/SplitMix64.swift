/// A small seedable pseudo-random generator (SplitMix64) for tests and the fuzzer, so that a
/// generated input is the same on every run and every platform and a failure can be repeated
/// from its seed.
public struct SplitMix64: Sendable {
    /// The generator's whole state: the seed, advanced by every draw.
    public var state: UInt64

    /// A generator whose draws follow from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0 ..< `n` (0 when `n` is at most 1).
    public mutating func next(below n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}
