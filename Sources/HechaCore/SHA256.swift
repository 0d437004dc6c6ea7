import CSHA256

/// SHA-256 (FIPS 180-4), for the manifest's hashes of input, ruleset and calendar files: anyone can
/// check that a run used exactly these files with `sha256sum`.
///
/// Streaming: feed bytes with ``update(_:)`` as they are read, then take ``hexDigest()`` once.
/// Not for secrets (no constant-time guarantees); for content identity only.
///
/// ```swift
/// var h = SHA256()
/// h.update(Array("abc".utf8))
/// h.hexDigest()   // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    )
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    /// Whether blocks are compressed with the processor's SHA instructions.
    private let hardware: Bool

    /// Which compression code to use: `.best` uses the processor's SHA instructions when it has
    /// them (x86 SHA extensions) and portable code otherwise; `.portable` always uses portable code.
    public enum Implementation: Sendable { case best, portable }

    /// Whether this processor's SHA instructions are used by `.best`.
    public static let hardwareAvailable = hecha_sha256_shani_available() != 0

    public init(implementation: Implementation = .best) {
        hardware = implementation == .best && SHA256.hardwareAvailable
        buffer.reserveCapacity(64)
    }

    /// Adds bytes to the message.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

    /// Adds bytes to the message: whole 64-byte blocks are compressed straight from `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        length &+= UInt64(n)
        if !buffer.isEmpty {
            while i < n, buffer.count < 64 { buffer.append(bytes[i]); i += 1 }
            if buffer.count == 64 {
                buffer.withUnsafeBytes { compress($0) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if n - i >= 64 {
            let blocks = (n - i) / 64
            compress(blocks: UnsafeRawBufferPointer(rebasing: bytes[i..<(i + blocks * 64)]))
            i += blocks * 64
        }
        while i < n { buffer.append(bytes[i]); i += 1 }
    }

    /// The 32-byte digest of everything added so far.
    public func digest() -> [UInt8] {
        var copy = self
        let bits = length &* 8
        copy.buffer.append(0x80)
        if copy.buffer.count > 56 {
            // no room for the length in this block: pad it out and start another
            while copy.buffer.count < 64 { copy.buffer.append(0) }
            let block = copy.buffer
            block.withUnsafeBytes { copy.compress($0) }
            copy.buffer.removeAll(keepingCapacity: true)
        }
        while copy.buffer.count < 56 { copy.buffer.append(0) }
        for i in (0..<8).reversed() { copy.buffer.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        let last = copy.buffer
        last.withUnsafeBytes { copy.compress($0) }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        let s = copy.state
        for word in [s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7] {
            for shift in [24, 16, 8, 0] { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return out
    }

    /// The digest as 64 lowercase hexadecimal characters.
    public func hexDigest() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for b in digest() { bytes.append(digits[Int(b >> 4)]); bytes.append(digits[Int(b & 0xF)]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The hex digest of `bytes`.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var h = SHA256()
        h.update(bytes)
        return h.hexDigest()
    }

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private mutating func compress(_ block: UnsafeRawBufferPointer) {
        compress(blocks: block)
    }

    /// Compresses consecutive 64-byte blocks with one schedule buffer.
    private mutating func compress(blocks: UnsafeRawBufferPointer) {
        if hardware {
            let count = blocks.count / 64
            guard count > 0, let base = blocks.baseAddress else { return }
            SHA256.k.withUnsafeBufferPointer { k in
                withUnsafeMutableBytes(of: &state) { s in
                    hecha_sha256_blocks_shani(s.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                              base.assumingMemoryBound(to: UInt8.self), count, k.baseAddress!)
                }
            }
            return
        }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            SHA256.k.withUnsafeBufferPointer { k in
                var offset = 0
                while offset + 64 <= blocks.count {
                    compress(UnsafeRawBufferPointer(rebasing: blocks[offset..<(offset + 64)]), schedule: w, constants: k)
                    offset += 64
                }
            }
        }
    }

    private mutating func compress(_ block: UnsafeRawBufferPointer, schedule w: UnsafeMutableBufferPointer<UInt32>,
                                   constants k: UnsafeBufferPointer<UInt32>) {
        // unchecked indexing: every index below is in 0..<64 by construction
        let w = w.baseAddress!, k = k.baseAddress!, p = block.baseAddress!.assumingMemoryBound(to: UInt8.self)
        for i in 0..<16 {
            w[i] = UInt32(p[i &* 4]) << 24 | UInt32(p[i &* 4 &+ 1]) << 16 | UInt32(p[i &* 4 &+ 2]) << 8 | UInt32(p[i &* 4 &+ 3])
        }
        for i in 16..<64 {
            let x = w[i &- 15], y = w[i &- 2]
            let s0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x >> 3)
            let s1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y >> 10)
            w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
        }
        var a = state.0, b = state.1, c = state.2, d = state.3
        var e = state.4, f = state.5, g = state.6, h = state.7
        for i in 0..<64 {
            let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
            let ch = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
            let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
            let maj = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ maj
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ t2
        }
        state.0 &+= a; state.1 &+= b; state.2 &+= c; state.3 &+= d
        state.4 &+= e; state.5 &+= f; state.6 &+= g; state.7 &+= h
    }
}

extension UInt32 {
    fileprivate func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
