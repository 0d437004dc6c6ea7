@testable import ConnectorKit
import Testing

/// The fingerprint set answers like a Set of fingerprints, through growth and colliding slots.
struct FingerprintSetTests {
    @Test func behavesLikeASet() {
        var set = FingerprintSet()
        var reference = Set<RowFingerprint>()
        var seed: UInt64 = 7
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed
        }
        for n in 0..<50_000 {
            // low halves that share their low bits, repeats, and the all-zero fingerprint
            let f: RowFingerprint
            switch n % 5 {
            case 0: f = RowFingerprint(high: next(), low: next() << 20)
            case 1: f = RowFingerprint(high: UInt64(n % 97), low: UInt64(n % 89))
            case 2: f = RowFingerprint(high: 0, low: 0)
            default: f = RowFingerprint(Array("row \(n % 7000)".utf8)[...])
            }
            #expect(set.contains(f) == reference.contains(f))
            #expect(set.insert(f) == reference.insert(f).inserted)
        }
        #expect(set.count + 1 == reference.count)   // the zero fingerprint is not counted in slots
        for f in reference { #expect(set.contains(f)) }
        #expect(!set.contains(RowFingerprint(high: 1, low: 123_456_789)))
    }
}
