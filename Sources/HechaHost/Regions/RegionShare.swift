import HechaCore

/// `--share K/N`: the part of a list of regions that one of N machines runs. A region falls to
/// share `hash(name) mod N + 1`, where `name` is its region file's name without `.yaml` (the name
/// of its output subfolder) and the hash is 64-bit FNV-1a over the name's UTF-8 bytes, the same on
/// every machine and every Hecha version. A hash rather than a position in the sorted list, so
/// that adding or removing a region file moves no other region to another machine (its output
/// folder and a ledger kept on that machine stay where they are); the name rather than the region
/// code, so that the share is known without reading the file and a file that does not load still
/// falls to exactly one machine, which reports it. The shares are disjoint and cover the list;
/// with few regions they are not always the same size.
public struct RegionShare: Sendable, Equatable, CustomStringConvertible {
    /// Which share, from 1 to ``count``.
    public var index: Int
    /// How many shares the regions are spread over.
    public var count: Int

    /// Share `index` of `count`.
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `K/N` as written after `--share`, with 1 ≤ K ≤ N; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        self.init(index: k, count: n)
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// The share (1…count) the region named `name` falls to.
    public static func share(of name: String, count: Int) -> Int {
        Int(fnv1a(name) % UInt64(count)) + 1
    }

    /// Whether the region named `name` is in this share.
    public func contains(_ name: String) -> Bool { Self.share(of: name, count: count) == index }

    /// The entries of `list` in this share, in the list's order.
    public func select(_ list: RegionList) -> [RegionList.Entry] { list.entries.filter { contains($0.name) } }

    /// 64-bit FNV-1a: small, stable and well spread over short names.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
