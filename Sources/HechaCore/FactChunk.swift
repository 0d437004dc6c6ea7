import Foundation

/// A batch of rows of one schema, encoded by column: a ``FactColumn`` per field (each value as
/// its difference from the column's first, in one to eight bytes; text as its place in the
/// chunk's byte arena), the line each row was read at, the key numbers; values that fit no slot
/// kept aside.
///
/// Filled by one thread before it is stored in a ``FactTable`` (under the store's lock) or in the
/// roster's ``RosterRows``, never changed afterwards; a class so that reading a fact does not copy
/// the chunk.
final class FactChunk: @unchecked Sendable {
    let schema: RecordSchema
    private let kinds: [Kind]
    private var columns: [FactColumn]
    /// The texts stored by each text column so far, while the chunk is filled.
    private var distinct: [DistinctTexts]
    /// Each text as its length (LEB128: seven bits a byte, low bits first) and its UTF-8 bytes.
    private var arena: [UInt8] = []
    /// Values that fit no slot, by row * field count + field.
    private var overflow: [Int: Value] = [:]
    /// The line each row was read at (``FactColumn/unknown`` for a record not read from a file).
    private var lines: FactColumn
    /// The files rows were read from; most chunks have one, and `originOfRow` is kept only once
    /// a second one comes.
    private var origins: [SourceOrigin] = []
    private var originOfRow: [UInt16] = []
    /// The number of rows.
    private(set) var count = 0
    /// The key number of each fact; set when the chunk is stored (``setKeys(_:)``).
    private var keys = FactColumn(capacity: 0)

    private enum Kind: UInt8 { case bool, date, month, number, string, other }

    /// A chunk's arena holds at most 2 GiB of text; a text that would go beyond is kept aside.
    private static let arenaLimit = Int(Int32.max) - 16

    init(schema: RecordSchema, capacity: Int) {
        self.schema = schema
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
        columns = kinds.map { _ in FactColumn(capacity: capacity) }
        distinct = kinds.map { _ in DistinctTexts() }
        lines = FactColumn(capacity: capacity)
    }


    func append(_ record: Record) {
        precondition(record.schema === schema || record.schema == schema,
                     "a collection holds facts of one schema: \(schema.name) and \(record.schema.name)")
        let row = count
        var previousText: Int64?
        for (f, (v, k)) in zip(record.fields, kinds).enumerated() {
            let slot = encode(v, as: k, field: f, row: row, previousText: previousText)
            if k == .string, slot >= 0 { previousText = slot }
            columns[f].append(slot)
        }
        if let ref = record.source {
            precondition(ref.line >= 0, "line \(ref.line) out of range")
            lines.append(Int64(ref.line))
            noteOrigin(ref.origin, row: row)
        } else {
            lines.append(FactColumn.unknown)
            if !originOfRow.isEmpty { originOfRow.append(0) }
        }
        count += 1
    }

    private func noteOrigin(_ origin: SourceOrigin, row: Int) {
        if origins.isEmpty { origins.append(origin) }
        if originOfRow.isEmpty && origins[0] === origin { return }
        var o = origins.firstIndex { $0 === origin }
        if o == nil {
            precondition(origins.count < Int(UInt16.max), "a chunk holds rows of at most \(UInt16.max) files")
            origins.append(origin)
            o = origins.count - 1
        }
        if originOfRow.isEmpty {
            originOfRow = [UInt16](repeating: 0, count: row)
        }
        originOfRow.append(UInt16(o!))
    }

    /// A value is in its slot only when it is of its field's type; anything else is kept aside.
    ///
    /// Text equal to the same field of the row above (exports are mostly sorted: a household's
    /// members, one household's payments), to the row's previous text field (an id as written
    /// and as normalised) or to a text the column already stored (see ``DistinctTexts``) points
    /// at those bytes instead of copying them again.
    private func encode(_ v: Value, as type: Kind, field: Int, row: Int, previousText: Int64?) -> Int64 {
        switch (v, type) {
        case (.unknown, _): return FactColumn.unknown
        case (.bool(let b), .bool): return b ? 1 : 0
        case (.date(let d), .date): return Int64(d.ordinal)
        case (.month(let m), .month): return Int64(m.ordinal)
        case (.number(let n), .number):
            if let t = n.tenThousandths, t > FactColumn.overflow { return t }
        case (.string(var s), .string):
            if arena.count < Self.arenaLimit - s.utf8.count {
                return s.withUTF8 { text($0, field: field, row: row, previousText: previousText) }
            }
        default: break
        }
        overflow[row * kinds.count + field] = v
        return FactColumn.overflow
    }

    private func text(_ u: UnsafeBufferPointer<UInt8>, field: Int, row: Int, previousText: Int64?) -> Int64 {
        if row > 0 {
            let above = columns[field][row - 1]
            if above >= 0, isText(above, equalTo: u) { return above }
        }
        if let previousText, isText(previousText, equalTo: u) { return previousText }
        var hash = 0
        if distinct[field].isOpen {
            hash = DistinctTexts.hash(UnsafeRawBufferPointer(u))
            if let slot = distinct[field].find(hash: hash, matches: { isText($0, equalTo: u) }) { return slot }
        }
        let slot = Int64(arena.count)
        var n = u.count
        repeat {
            arena.append(UInt8(n & 0x7F) | (n >= 0x80 ? 0x80 : 0))
            n >>= 7
        } while n > 0
        arena.append(contentsOf: u)
        distinct[field].insert(hash: hash, slot: slot)
        return slot
    }

    /// The offset and length of the text stored at `slot`.
    @inline(__always) private func textRange(_ slot: Int64) -> (start: Int, length: Int) {
        var i = Int(slot), length = 0, shift = 0
        while true {
            let b = arena[i]
            length |= Int(b & 0x7F) << shift
            i += 1
            if b < 0x80 { return (i, length) }
            shift += 7
        }
    }

    /// Whether `slot` is a text with the bytes of `u`.
    private func isText(_ slot: Int64, equalTo u: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, length) = textRange(slot)
        return u.count == length && arena.withUnsafeBufferPointer { a in
            length == 0 || memcmp(a.baseAddress! + start, u.baseAddress!, length) == 0
        }
    }

    /// Sets the key number of each fact, in row order, when the chunk is stored.
    func setKeys(_ numbers: [Int32]) {
        precondition(numbers.count == count, "one key per fact")
        var column = FactColumn(capacity: numbers.count)
        for k in numbers { column.append(Int64(k)) }
        column.trim()
        keys = column
    }

    /// The key number of fact `row` (after ``setKeys(_:)``).
    @inline(__always) func key(_ row: Int) -> Int { Int(keys[row]) }

    /// Gives back the room reserved beyond the rows there are and the tables of texts used
    /// while filling; no rows may be added afterwards.
    func seal() {
        for f in columns.indices { columns[f].trim() }
        lines.trim()
        FactColumn.trim(&arena)
        distinct = []
    }

    /// The bytes the chunk's rows take (slots, text, lines; not the values kept aside).
    var memory: Int {
        columns.reduce(0) { $0 + $1.memory } + lines.memory + arena.capacity + originOfRow.capacity * 2 + keys.memory
    }

    /// Decodes fact number `row`.
    func record(_ row: Int, decoding: [Bool]? = nil) -> Record {
        Record(schema: schema, fields: values(row, decoding: decoding), source: source(row))
    }

    /// The field values of row `row`, in the schema's order, with room for `reserving` values in
    /// all (a view appends its own fields). Fields left out by `decoding` are `unknown`; text
    /// stored once for two fields of the row shares one String.
    func values(_ row: Int, decoding: [Bool]? = nil, reserving: Int = 0) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(max(reserving, kinds.count))
        var shared: (slot: Int64, value: Value)?
        for (f, kind) in kinds.enumerated() {
            guard decoding?[f] ?? true else {
                values.append(.unknown)
                continue
            }
            let slot = columns[f][row]
            // (only text in the arena is shared: two values kept aside have the same slot)
            if kind == .string, slot >= 0, let shared, shared.slot == slot {
                values.append(shared.value)
                continue
            }
            let value = decode(slot, as: kind, row: row, field: f)
            if kind == .string, slot >= 0 { shared = (slot, value) }
            values.append(value)
        }
        return values
    }

    /// The value of field number `field` of row `row`.
    func value(_ row: Int, field: Int) -> Value { decode(columns[field][row], as: kinds[field], row: row, field: field) }

    /// Where row `row` was read, or nil for a record not read from a file.
    func source(_ row: Int) -> SourceRef? {
        let line = lines[row]
        guard line != FactColumn.unknown else { return nil }
        return SourceRef(origin: origins[originOfRow.isEmpty ? 0 : Int(originOfRow[row])], line: Int(line))
    }

    private func decode(_ slot: Int64, as type: Kind, row: Int, field: Int) -> Value {
        if slot == FactColumn.unknown { return .unknown }
        if slot == FactColumn.overflow { return overflow[row * kinds.count + field]! }
        switch type {
        case .bool: return .bool(slot != 0)
        case .date: return .date(Day(ordinal: Int32(truncatingIfNeeded: slot)))
        case .month: return .month(Month(ordinal: Int32(truncatingIfNeeded: slot)))
        case .number: return .number(Exact(tenThousandths: slot))
        case .string:
            let (start, length) = textRange(slot)
            return arena.withUnsafeBufferPointer { .string(String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + length]), as: UTF8.self)) }
        case .other: preconditionFailure("a fact field of a collection type is stored as a value kept aside")
        }
    }
}
