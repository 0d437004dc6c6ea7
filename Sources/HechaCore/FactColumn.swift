/// One field of a ``FactChunk``: a slot per row, as narrow as the field's values allow.
///
/// Truth values take one byte; dates, months, text (an offset into the chunk's arena) and numbers
/// take four bytes until a number needs eight, when the column is widened once. A city's run
/// keeps tens of millions of field values, and most of them fit four bytes.
///
/// A slot is given and returned as an `Int64`: the value itself, or ``unknown`` or ``overflow``
/// (the value is kept aside by the chunk, because it does not fit a slot or is not of the field's
/// type).
struct FactColumn: Sendable {
    /// The slot of an unknown value.
    static let unknown = Int64.min
    /// The slot of a value the chunk keeps aside.
    static let overflow = Int64.min + 1

    private enum Width { case byte, word, long }
    private var width: Width
    private var bytes: [Int8] = []
    private var words: [Int32] = []
    private var longs: [Int64] = []

    /// An empty column with room for `capacity` rows; `flag` for a field of truth values (0 or 1).
    init(flag: Bool, capacity: Int) {
        width = flag ? .byte : .word
        if flag { bytes.reserveCapacity(capacity) } else { words.reserveCapacity(capacity) }
    }

    /// The number of slots.
    var count: Int {
        switch width {
        case .byte: return bytes.count
        case .word: return words.count
        case .long: return longs.count
        }
    }

    /// Whether every slot of this column is eight bytes wide.
    var isWide: Bool { width == .long }

    /// Appends a slot. A truth-value column takes only 0, 1 and the two reserved slots.
    mutating func append(_ slot: Int64) {
        switch width {
        case .byte:
            precondition(slot == 0 || slot == 1 || slot == Self.unknown || slot == Self.overflow, "a truth-value slot is 0 or 1")
            bytes.append(Self.narrow(slot, Int8.self))
        case .word:
            if slot >= Int64(Int32.min) + 2 && slot <= Int64(Int32.max) || slot == Self.unknown || slot == Self.overflow {
                words.append(Self.narrow(slot, Int32.self))
            } else {
                widen()
                longs.append(slot)
            }
        case .long:
            longs.append(slot)
        }
    }

    /// The slot of row `row`.
    subscript(row: Int) -> Int64 {
        switch width {
        case .byte: return Self.wide(bytes[row])
        case .word: return Self.wide(words[row])
        case .long: return longs[row]
        }
    }

    /// Gives back the room reserved beyond the slots there are (a chunk full of rows keeps it).
    mutating func trim() {
        Self.trim(&bytes)
        Self.trim(&words)
        Self.trim(&longs)
    }

    /// Copies `array` into storage of its size when it holds more room than it needs.
    /// (`Array(array)` would share the same storage rather than copy it.)
    static func trim<T>(_ array: inout [T]) {
        guard array.capacity > array.count + array.count / 16 else { return }
        var copy: [T] = []
        copy.reserveCapacity(array.count)
        copy.append(contentsOf: array)
        array = copy
    }

    /// The bytes the slots take.
    var memory: Int { bytes.capacity + words.capacity * 4 + longs.capacity * 8 }

    private mutating func widen() {
        longs.reserveCapacity(max(words.capacity, words.count + 1))
        for w in words { longs.append(Self.wide(w)) }
        words = []
        width = .long
    }

    /// The narrow form of a slot that fits: the reserved slots become the type's two lowest values.
    @inline(__always) private static func narrow<T: FixedWidthInteger & SignedInteger>(_ slot: Int64, _: T.Type) -> T {
        if slot == unknown { return T.min }
        if slot == overflow { return T.min + 1 }
        return T(slot)
    }

    @inline(__always) private static func wide<T: FixedWidthInteger & SignedInteger>(_ v: T) -> Int64 {
        if v == T.min { return unknown }
        if v == T.min + 1 { return overflow }
        return Int64(v)
    }
}
