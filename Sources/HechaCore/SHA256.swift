import Crypto

/// SHA-256 (FIPS 180-4), for the manifest's hashes of input, ruleset and calendar files: anyone can
/// check that a run used exactly these files with `sha256sum`. The one place the project hashes:
/// every caller goes through this type and its hex helpers.
///
/// The compression is swift-crypto's (BoringSSL on Linux, which uses the processor's SHA
/// instructions; CryptoKit on macOS). `benchmarks/sha256.sh` measured it against the hand-written
/// SHA-NI code it replaced, on 2 GiB in 1 MiB chunks: 847 MB/s against 523 MB/s (medians of five
/// interleaved runs; `benchmarks/README.md`).
///
/// Streaming: feed bytes with ``update(_:)`` as they are read, then take ``hexDigest()`` once.
/// For content identity, not for secrets.
///
/// ```swift
/// var h = SHA256()
/// h.update(Array("abc".utf8))
/// h.hexDigest()   // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public struct SHA256 {
    private var hash = Crypto.SHA256()

    /// An empty message.
    public init() {}

    /// Adds bytes to the message.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

    /// Adds bytes to the message, straight from `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hash.update(bufferPointer: bytes)
    }

    /// The 32-byte digest of everything added so far (more may be added afterwards).
    public func digest() -> [UInt8] { Array(hash.finalize()) }

    /// The digest as 64 lowercase hexadecimal characters.
    public func hexDigest() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for b in hash.finalize() { bytes.append(digits[Int(b >> 4)]); bytes.append(digits[Int(b & 0xF)]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The hex digest of `bytes`.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var h = SHA256()
        h.update(bytes)
        return h.hexDigest()
    }
}
