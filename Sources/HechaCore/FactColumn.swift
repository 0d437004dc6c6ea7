/// One field of a ``FactChunk``: a slot per row, as narrow as the field's values allow.
///
/// Each value is kept as its difference from the column's first value, in one, two, four or
/// eight bytes: the column starts one byte wide and is widened (copied once) when a value's
/// difference needs more. In a chunk of one export's consecutive rows most columns are narrow:
/// truth values, months and categories take a byte, dates, line numbers and a sorted file's
/// keys two, amounts four. A city's run keeps tens of millions of field values.
///
/// A slot is given and returned as an `Int64`: the value itself, or ``unknown`` or ``overflow``
/// (the value is kept aside by the chunk, because it does not fit a slot or is not of the field's
/// type). The two lowest numbers of each width stand for those two; eight bytes hold values
/// themselves, not differences, so a slot may be any other `Int64`.
struct FactColumn: Sendable {
    /// The slot of an unknown value.
    static let unknown = Int64.min
    /// The slot of a value the chunk keeps aside.
    static let overflow = Int64.min + 1

    private enum Width { case one, two, four, eight }
    private var width = Width.one
    /// The first value appended (0 until then, and once eight bytes wide).
    private var base: Int64 = 0
    private var hasBase = false
    private var ones: [Int8] = []
    private var twos: [Int16] = []
    private var fours: [Int32] = []
    private var eights: [Int64] = []

    /// An empty column with room for `capacity` rows of one byte.
    init(capacity: Int) {
        ones.reserveCapacity(capacity)
    }

    /// The number of slots.
    var count: Int {
        switch width {
        case .one: return ones.count
        case .two: return twos.count
        case .four: return fours.count
        case .eight: return eights.count
        }
    }

    /// Appends a slot.
    mutating func append(_ slot: Int64) {
        var d: Int64 = 0
        if slot != Self.unknown && slot != Self.overflow {
            if !hasBase {
                base = slot
                hasBase = true
            }
            let (difference, overflowed) = slot.subtractingReportingOverflow(base)
            if overflowed || !Self.fits(difference, in: width) {
                widen(to: overflowed ? .eight : Self.narrowest(for: difference))
            }
            d = width == .eight ? slot : difference
        } else {
            d = slot
        }
        switch width {
        case .one: ones.append(Self.narrow(d))
        case .two: twos.append(Self.narrow(d))
        case .four: fours.append(Self.narrow(d))
        case .eight: eights.append(d)
        }
    }

    /// The slot of row `row`.
    subscript(row: Int) -> Int64 {
        switch width {
        case .one: return wide(ones[row])
        case .two: return wide(twos[row])
        case .four: return wide(fours[row])
        case .eight: return eights[row]
        }
    }

    /// Gives back the room reserved beyond the slots there are (a chunk full of rows keeps it).
    mutating func trim() {
        Self.trim(&ones)
        Self.trim(&twos)
        Self.trim(&fours)
        Self.trim(&eights)
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
    var memory: Int { ones.capacity + twos.capacity * 2 + fours.capacity * 4 + eights.capacity * 8 }

    private static func fits(_ d: Int64, in width: Width) -> Bool {
        switch width {
        case .one: return d >= Int64(Int8.min) + 2 && d <= Int64(Int8.max)
        case .two: return d >= Int64(Int16.min) + 2 && d <= Int64(Int16.max)
        case .four: return d >= Int64(Int32.min) + 2 && d <= Int64(Int32.max)
        case .eight: return true
        }
    }

    private static func narrowest(for d: Int64) -> Width {
        [Width.one, .two, .four].first { fits(d, in: $0) } ?? .eight
    }

    /// Copies the slots into the wider storage (never narrower than now).
    private mutating func widen(to target: Width) {
        let slots = (0..<count).map { self[$0] }
        let room = max(ones.capacity, twos.capacity, fours.capacity, eights.capacity, slots.count + 1)
        ones = []
        twos = []
        fours = []
        eights = []
        width = target
        if target == .eight { base = 0 }
        switch target {
        case .one: preconditionFailure("a column is widened, never narrowed")
        case .two: twos.reserveCapacity(room)
        case .four: fours.reserveCapacity(room)
        case .eight: eights.reserveCapacity(room)
        }
        for s in slots { append(s) }
    }

    /// The narrow form of a difference that fits, or of a reserved slot (the type's two lowest values).
    @inline(__always) private static func narrow<T: FixedWidthInteger & SignedInteger>(_ d: Int64) -> T {
        if d == unknown { return T.min }
        if d == overflow { return T.min + 1 }
        return T(d)
    }

    @inline(__always) private func wide<T: FixedWidthInteger & SignedInteger>(_ v: T) -> Int64 {
        if v == T.min { return Self.unknown }
        if v == T.min + 1 { return Self.overflow }
        return base + Int64(v)
    }
}
