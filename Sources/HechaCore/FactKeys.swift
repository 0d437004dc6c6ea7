/// Keys (person ids, household ids) numbered in the order they were first stored.
///
/// A key that is a valid 18-character id is found by its 17-digit body in an open-addressing
/// table (``BodyNumbers``): the evaluator looks up every member of every household, and hashing a
/// million Strings in a dictionary of a million was a visible part of its time. Such a key is kept
/// as its body alone (eight bytes; its text, the body and its check character, is made again when
/// asked for), not as a String of its own: a city's store numbers a million of them. Other keys
/// (household ids, ids that are not valid) are in a dictionary.
public struct FactKeys: Sendable {
    private var byBody = BodyNumbers()
    private var others: [String: Int32] = [:]
    /// By key number: a valid id's body, or ``otherKey`` | the key's place in `otherNames`.
    private var entries: [UInt64] = []
    private var otherNames: [String] = []
    private static let otherKey: UInt64 = 1 << 63

    init() {}

    /// How many distinct keys have been stored; their numbers are `0..<count`.
    public var count: Int { entries.count }

    /// The number of `key`, or `nil` when no fact was stored under it.
    public func id(_ key: String) -> Int32? {
        if let body = PersonIndex.body(key) { return byBody.value(body) }
        return others[key]
    }

    /// The key numbered `id`. Traps unless `id` is in `0..<count`.
    public func name(_ id: Int32) -> String {
        let e = entries[Int(id)]
        return e & Self.otherKey != 0 ? otherNames[Int(e & ~Self.otherKey)] : PersonIndex.id(body: e)
    }

    /// Every key, in the order of their numbers.
    var names: [String] { (0..<Int32(count)).map(name) }

    /// Drops the tables that find a key's number, keeping the keys (``names``): for a batch that
    /// takes no more keys.
    mutating func forgetLookups() {
        byBody = BodyNumbers(slotCount: 2)
        others = [:]
    }

    mutating func intern(_ key: String) -> Int32 {
        if let body = PersonIndex.body(key) { return intern(body: body) }
        if let known = others[key] { return known }
        let id = Int32(entries.count)
        others[key] = id
        entries.append(Self.otherKey | UInt64(otherNames.count))
        otherNames.append(key)
        return id
    }

    private mutating func intern(body: UInt64) -> Int32 {
        if let known = byBody.value(body) { return known }
        let id = Int32(entries.count)
        byBody.set(body, id)
        entries.append(body)
        return id
    }

    /// Numbers every key of `other` here (in the order of their numbers there), without making
    /// their text: the number here of each key of `other`.
    mutating func intern(every other: FactKeys) -> [Int32] {
        other.entries.map { e in e & Self.otherKey != 0 ? intern(other.otherNames[Int(e & ~Self.otherKey)]) : intern(body: e) }
    }
}

/// 17-digit id bodies → numbers, by open addressing with a multiplicative hash; grows as keys
/// are added (at most half full). A value type with copy-on-write storage, like the dictionary
/// it stands in for.
struct BodyNumbers: Sendable {
    /// body + 1 (0 marks an empty slot).
    private var slots: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private var count = 0

    /// An empty map with room for half of `slotCount` (a power of two, at least 2) bodies before it grows.
    init(slotCount: Int = 1024) {
        precondition(slotCount >= 2 && slotCount & (slotCount - 1) == 0)
        slots = [UInt64](repeating: 0, count: slotCount)
        values = [Int32](repeating: 0, count: slotCount)
        shift = UInt64(64 - slotCount.trailingZeroBitCount)
    }

    @inline(__always) private static func start(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The number of `body`, or nil when it has none.
    func value(_ body: UInt64) -> Int32? {
        let key = body + 1, mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots -> Int32? in
            var i = Self.start(key, shift)
            while true {
                let k = slots[i]
                if k == key { return values[i] }
                if k == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// Numbers `body` (which must have no number yet) `value`.
    mutating func set(_ body: UInt64, _ value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        place(body + 1, value)
        count += 1
    }

    private mutating func place(_ key: UInt64, _ value: Int32) {
        let mask = slots.count - 1
        var i = Self.start(key, shift)
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = key
        values[i] = value
    }

    private mutating func grow() {
        let (oldSlots, oldValues) = (slots, values)
        slots = [UInt64](repeating: 0, count: oldSlots.count * 2)
        values = [Int32](repeating: 0, count: oldSlots.count * 2)
        shift -= 1
        for (k, v) in zip(oldSlots, oldValues) where k != 0 { place(k, v) }
    }
}
