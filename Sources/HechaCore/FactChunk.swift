import Foundation

/// A batch of facts of one schema, encoded: one 64-bit slot per field and one for the file and
/// line; text in a byte arena; values that fit no slot kept aside.
///
/// Filled by one thread before it is stored in a ``FactTable`` (under the store's lock) or in the
/// roster's ``RosterRows``, never changed afterwards; a class so that reading a fact does not copy
/// the chunk.
final class FactChunk: @unchecked Sendable {
    let schema: RecordSchema
    /// Slots per fact: one per field, then the origin.
    private let width: Int
    /// How each field is stored, by position.
    private let kinds: [Kind]
    private var slots: [UInt64] = []
    private var arena: [UInt8] = []
    private var overflow: [Value] = []
    private var origins: [SourceOrigin] = []
    /// The key number of each fact; set when the chunk is stored.
    var keys: [Int32] = []

    private enum Kind: UInt8 { case bool, date, month, number, string, other }

    init(schema: RecordSchema, capacity: Int) {
        self.schema = schema
        width = schema.fields.count + 1
        kinds = schema.fields.map { f -> Kind in
            switch f.type {
            case .bool: return .bool
            case .date: return .date
            case .month: return .month
            case .number: return .number
            case .string: return .string
            default: return .other
            }
        }
        slots.reserveCapacity(capacity * width)
    }

    var count: Int { slots.count / width }

    // Slot layout: the top two bits are a tag. 00: the value inline in the low 62 bits (signed
    // for numbers, days and months; offset << 22 | length for text); 01: an index into `overflow`;
    // all ones: unknown.
    private static let unknownSlot = UInt64.max
    private static let overflowTag: UInt64 = 1 << 62
    private static let payloadMask: UInt64 = (1 << 62) - 1
    private static let lengthBits: UInt64 = 22

    @inline(__always) private static func inline(_ v: Int64) -> UInt64 { UInt64(bitPattern: v) & payloadMask }
    @inline(__always) private static func signed(_ slot: UInt64) -> Int64 { Int64(bitPattern: slot << 2) >> 2 }

    func append(_ record: Record) {
        precondition(record.schema === schema || record.schema == schema,
                     "a collection holds facts of one schema: \(schema.name) and \(record.schema.name)")
        let base = slots.count
        var previousText: UInt64?
        for (f, (v, k)) in zip(record.fields, kinds).enumerated() {
            let slot = encode(v, as: k, sameFieldAbove: base >= width ? slots[base - width + f] : nil, previousText: previousText)
            if k == .string, slot & Self.overflowTag == 0, slot != Self.unknownSlot { previousText = slot }
            slots.append(slot)
        }
        if let ref = record.source {
            var o = origins.firstIndex { $0 === ref.origin }
            if o == nil {
                origins.append(ref.origin)
                o = origins.count - 1
            }
            precondition(ref.line >= 0 && ref.line < 1 << 40, "line \(ref.line) out of range")
            slots.append(UInt64(o!) << 40 | UInt64(ref.line))
        } else {
            slots.append(Self.unknownSlot)
        }
    }

    /// A value is inline only when it is of its field's type; anything else goes to `overflow`.
    ///
    /// Text equal to the same field of the row above (exports are mostly sorted: a household's
    /// members, one household's payments) or to the row's previous text field (an id as written
    /// and as normalised) points at those bytes instead of copying them again.
    private func encode(_ v: Value, as type: Kind, sameFieldAbove: UInt64?, previousText: UInt64?) -> UInt64 {
        switch (v, type) {
        case (.unknown, _): return Self.unknownSlot
        case (.bool(let b), .bool): return b ? 1 : 0
        case (.date(let d), .date): return Self.inline(Int64(d.ordinal))
        case (.month(let m), .month): return Self.inline(Int64(m.ordinal))
        case (.number(let n), .number):
            if let t = n.tenThousandths { return Self.inline(t) }
        case (.string(var s), .string):
            let n = s.utf8.count
            if n < 1 << Self.lengthBits, arena.count < 1 << 39 {
                if let above = sameFieldAbove, isText(above, equalTo: &s) { return above }
                if let previousText, isText(previousText, equalTo: &s) { return previousText }
                let offset = UInt64(arena.count)
                arena.append(contentsOf: s.utf8)
                return offset << Self.lengthBits | UInt64(n)
            }
        default: break
        }
        overflow.append(v)
        return Self.overflowTag | UInt64(overflow.count - 1)
    }

    /// Whether `slot` is inline text with the bytes of `s`.
    private func isText(_ slot: UInt64, equalTo s: inout String) -> Bool {
        guard slot != Self.unknownSlot, slot & Self.overflowTag == 0 else { return false }
        let offset = Int(slot >> Self.lengthBits), length = Int(slot & ((1 << Self.lengthBits) - 1))
        return s.withUTF8 { u in
            u.count == length && arena.withUnsafeBufferPointer { a in
                length == 0 || memcmp(a.baseAddress! + offset, u.baseAddress!, length) == 0
            }
        }
    }

    /// Decodes fact number `row`.
    func record(_ row: Int, decoding: [Bool]? = nil) -> Record {
        Record(schema: schema, fields: values(row, decoding: decoding), source: source(row))
    }

    /// The field values of row `row`, in the schema's order, with room for `reserving` values in
    /// all (a view appends its own fields). Fields left out by `decoding` are `unknown`; text
    /// stored once for two fields of the row shares one String.
    func values(_ row: Int, decoding: [Bool]? = nil, reserving: Int = 0) -> [Value] {
        let base = row * width
        var values: [Value] = []
        values.reserveCapacity(max(reserving, width - 1))
        var shared: (slot: UInt64, value: Value)?
        for (f, kind) in kinds.enumerated() {
            guard decoding?[f] ?? true else {
                values.append(.unknown)
                continue
            }
            let slot = slots[base + f]
            if kind == .string, let shared, shared.slot == slot {
                values.append(shared.value)
                continue
            }
            let value = decode(slot, as: kind)
            if kind == .string { shared = (slot, value) }
            values.append(value)
        }
        return values
    }

    /// The value of field number `field` of row `row`.
    func value(_ row: Int, field: Int) -> Value { decode(slots[row * width + field], as: kinds[field]) }

    /// Where row `row` was read, or nil for a record not read from a file.
    func source(_ row: Int) -> SourceRef? {
        let o = slots[row * width + width - 1]
        return o == Self.unknownSlot ? nil : SourceRef(origin: origins[Int(o >> 40)], line: Int(o & ((1 << 40) - 1)))
    }

    private func decode(_ slot: UInt64, as type: Kind) -> Value {
        if slot == Self.unknownSlot { return .unknown }
        if slot & Self.overflowTag != 0 { return overflow[Int(slot & Self.payloadMask)] }
        switch type {
        case .bool: return .bool(slot != 0)
        case .date: return .date(Day(ordinal: Int32(truncatingIfNeeded: Self.signed(slot))))
        case .month: return .month(Month(ordinal: Int32(truncatingIfNeeded: Self.signed(slot))))
        case .number: return .number(Exact(tenThousandths: Self.signed(slot)))
        case .string:
            let offset = Int(slot >> Self.lengthBits), length = Int(slot & ((1 << Self.lengthBits) - 1))
            return arena.withUnsafeBufferPointer { .string(String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<offset + length]), as: UTF8.self)) }
        case .other: preconditionFailure("a fact field of a collection type is stored as an overflow value")
        }
    }
}
