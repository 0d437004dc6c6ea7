/// Where each key's facts are in a ``FactTable``: its rows ordered by key (stable), and for each
/// key the range of that order holding its rows.
///
/// A store numbers its keys once for all collections (a million people and half a million
/// households in a city), while most collections have facts for a few of them (vehicles, companies,
/// deaths). So the keys a table has are marked in a bitmap of the store's keys, with the number of
/// marked keys before each 64-bit word, and only those keys have a start; rows are numbered in
/// four bytes when every chunk has at most 65,536 of them.
struct FactIndex: Sendable {
    /// Chunk << 16 | row, in key order; used when every chunk has at most 65,536 rows.
    private var narrowOrder: [UInt32] = []
    /// Chunk << 32 | row, in key order, otherwise.
    private var wideOrder: [UInt64] = []
    /// Bit `k % 64` of word `k / 64`: whether key `k` has facts here.
    private var present: [UInt64] = []
    /// How many keys are marked in the words before each word of `present`.
    private var markedBefore: [Int32] = []
    /// Where the rows of each marked key (in key order) start in the order; one more at the end.
    private var start: [Int32] = [0]
    /// How many keys of the store there were when the index was built.
    let keyCount: Int
    /// How many rows the index orders.
    let count: Int

    /// The index of no rows.
    init() {
        keyCount = 0
        count = 0
    }

    /// Orders the rows of `chunks` by their key numbers (a stable counting sort); keys are below `keyCount`.
    init(chunks: [FactChunk], keyCount: Int) {
        self.keyCount = keyCount
        var perKey = [Int32](repeating: 0, count: keyCount + 1)
        var total = 0
        for c in chunks {
            for row in 0..<c.count { perKey[c.key(row) + 1] += 1 }
            total += c.count
        }
        count = total
        present = [UInt64](repeating: 0, count: (keyCount + 63) / 64)
        markedBefore = [Int32](repeating: 0, count: present.count + 1)
        var marked: Int32 = 0
        var starts: [Int32] = [0]
        for k in 0..<keyCount {
            if k % 64 == 0 { markedBefore[k / 64] = marked }
            guard perKey[k + 1] > 0 else { continue }
            present[k / 64] |= 1 << UInt64(k % 64)
            marked += 1
            starts.append(starts[starts.count - 1] + perKey[k + 1])
        }
        markedBefore[present.count] = marked
        start = starts
        // perKey becomes where the next row of each key goes
        var fill = perKey
        fill[0] = 0
        for k in 0..<keyCount { fill[k + 1] += fill[k] }
        let narrow = chunks.count <= 1 << 16 && chunks.allSatisfy { $0.count <= 1 << 16 }
        if narrow {
            narrowOrder = [UInt32](repeating: 0, count: total)
        } else {
            wideOrder = [UInt64](repeating: 0, count: total)
        }
        for (ci, c) in chunks.enumerated() {
            for row in 0..<c.count {
                let k = c.key(row), at = Int(fill[k])
                if narrow { narrowOrder[at] = UInt32(ci) << 16 | UInt32(row) } else { wideOrder[at] = UInt64(ci) << 32 | UInt64(row) }
                fill[k] += 1
            }
        }
    }

    /// The positions in the order of the rows of key `k` (empty when it has none).
    func positions(ofKey k: Int) -> Range<Int> {
        guard k >= 0, k < keyCount else { return 0..<0 }
        let word = present[k / 64], bit = UInt64(1) << UInt64(k % 64)
        guard word & bit != 0 else { return 0..<0 }
        let n = Int(markedBefore[k / 64]) + (word & (bit - 1)).nonzeroBitCount
        return Int(start[n])..<Int(start[n + 1])
    }

    /// The chunk and row at position `i` of the order.
    @inline(__always) func location(_ i: Int) -> (chunk: Int, row: Int) {
        if !narrowOrder.isEmpty {
            let o = narrowOrder[i]
            return (Int(o >> 16), Int(o & 0xFFFF))
        }
        let o = wideOrder[i]
        return (Int(o >> 32), Int(o & 0xFFFF_FFFF))
    }

    /// The bytes the index takes.
    var memory: Int { narrowOrder.capacity * 4 + wideOrder.capacity * 8 + present.capacity * 8 + markedBefore.capacity * 4 + start.capacity * 4 }
}
