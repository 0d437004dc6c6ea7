/// The 户编号 of the roster, looked up by the id's bytes: the payments and
/// applications of a city's roster are millions of rows, each naming its household, and a
/// dictionary of Strings would make a String of each and hash it with SipHash. The lookup gives
/// back the roster's own String, so the kept fact shares its storage.
///
/// Open addressing over a power-of-two table: each slot holds 32 bits of the id's hash above the
/// number + 1 of the id (0: empty), so most probes of another id are told apart without comparing bytes.
struct HouseholdTable: Sendable {
    /// The ids, in the order the slots number them.
    private let ids: [String]
    private let slots: [UInt64]
    private let mask: Int

    /// A table of the ids of `householdByID`.
    init(_ householdByID: [String: Int]) {
        let ids = Array(householdByID.keys)
        var size = 16
        while size < ids.count * 2 { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        for (n, id) in ids.enumerated() {
            var id = id
            let hash = id.withUTF8 { HouseholdTable.hash($0) }
            var i = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[i] != 0 { i = (i + 1) & (size - 1) }
            slots[i] = (hash >> 32) << 32 | UInt64(n + 1)
        }
        self.ids = ids
        self.slots = slots
        mask = size - 1
    }

    /// The roster's String of the household whose id is `bytes` (UTF-8), or nil.
    @inline(__always)
    func household(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let hash = HouseholdTable.hash(bytes)
        let tag = hash >> 32
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if slot >> 32 == tag {
                let id = ids[Int(slot & 0xFFFF_FFFF) - 1]
                let same = id.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) } ?? id.utf8.elementsEqual(bytes)
                if same { return id }
            }
            i = (i + 1) & mask
        }
    }

    /// A 64-bit hash of the bytes, eight at a time (multiply and fold).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        while i + 8 <= raw.count {
            h = fold(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < raw.count {
            var tail: UInt64 = 0
            for k in i..<raw.count { tail |= UInt64(raw[k]) << (8 * UInt64(k - i)) }
            h = fold(h ^ tail)
        }
        return fold(h)
    }

    @inline(__always)
    private static func fold(_ x: UInt64) -> UInt64 {
        let m = x.multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
        return m.high ^ m.low
    }
}
