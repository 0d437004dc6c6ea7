/// The texts one column of a ``FactChunk`` has stored so far, found by their bytes, so that a
/// column of few distinct values (an income type, a township, a relation to the head) stores each
/// text once however many rows repeat it.
///
/// A column of many distinct values (ids, names, addresses) fills the table quickly; the table is
/// then dropped for the rest of the chunk, so such a column costs one hash per row only for its
/// first ``limit`` texts.
struct DistinctTexts: Sendable {
    /// How many distinct texts a column may have and still be looked up.
    static let limit = 1024
    private static let tableSize = 2048

    /// Text slot + 1 by hash position (0: empty), and each entry's hash; allocated on first use.
    private var entries: [Int64] = []
    private var hashes: [Int] = []
    private var count = 0
    /// Whether the column still looks texts up (false once it had more than ``limit``).
    private(set) var isOpen = true

    /// The hash of a text's bytes, for ``find(hash:matches:)`` and ``insert(hash:slot:)``.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var h = Hasher()
        h.combine(bytes: bytes)
        return h.finalize()
    }

    /// The slot of a text stored with `hash` for which `matches` is true, or nil.
    func find(hash: Int, matches: (Int64) -> Bool) -> Int64? {
        guard isOpen, !entries.isEmpty else { return nil }
        var i = hash & (Self.tableSize - 1)
        while entries[i] != 0 {
            if hashes[i] == hash, matches(entries[i] - 1) { return entries[i] - 1 }
            i = (i + 1) & (Self.tableSize - 1)
        }
        return nil
    }

    /// Remembers that the text with `hash` is stored at `slot` (not yet in the table).
    mutating func insert(hash: Int, slot: Int64) {
        guard isOpen else { return }
        if count == Self.limit {
            isOpen = false
            entries = []
            hashes = []
            return
        }
        if entries.isEmpty {
            entries = [Int64](repeating: 0, count: Self.tableSize)
            hashes = [Int](repeating: 0, count: Self.tableSize)
        }
        var i = hash & (Self.tableSize - 1)
        while entries[i] != 0 { i = (i + 1) & (Self.tableSize - 1) }
        entries[i] = slot + 1
        hashes[i] = hash
        count += 1
    }
}
