import Synchronization

/// Where connectors put the facts they keep. Facts are grouped by collection name and key
/// (a normalised person id or a household id). Safe to use from several threads.
///
/// Facts are held compactly, because a city's run keeps millions of them: one 64-bit slot per
/// field (numbers in ten-thousandths, dates and months as day or month numbers, text as a range of
/// one byte arena per collection), one slot for the file and line, and keys numbered once for the
/// whole store. A fact becomes a ``Record`` again only when it is asked for — the evaluator asks
/// for one household's facts at a time — so memory follows the number of kept rows at about
/// eight bytes a field rather than a Swift object per fact. Values that do not fit a slot (a
/// number with more than four decimals, a list) are kept as they are, beside the slots.
public final class FactStore: Sendable {
    private struct State {
        var keys = FactKeys()
        var tables: [String: FactTable] = [:]
    }
    private let state = Mutex(State())

    /// An empty store.
    public init() {}

    /// Stores one fact for `key` in `collection` (e.g. `vehicles`, keyed by person id).
    public func add(_ record: Record, collection: String, key: String) {
        add([(record: record, key: key)], collection: collection)
    }

    /// Stores many facts at once: they are encoded before the store is locked, so connectors
    /// reading in parallel only wait for each other to append.
    public func add(_ batch: [(record: Record, key: String)], collection: String) {
        guard let first = batch.first else { return }
        let gathered = FactBatch(schema: first.record.schema, capacity: batch.count)
        for (record, key) in batch { gathered.append(record, key: key) }
        add(gathered, collection: collection)
    }

    /// Stores the facts of `batch` in `collection`; the batch must not be added to afterwards.
    public func add(_ batch: FactBatch, collection: String) {
        guard batch.count > 0 else { return }
        let chunk = batch.chunk
        state.withLock { s in
            let ids = batch.distinct.map { s.keys.intern($0) }
            chunk.keys = batch.local.map { ids[Int($0)] }
            // taken out while it grows, so that it is appended to in place rather than copied
            var table = s.tables.removeValue(forKey: collection) ?? FactTable(schema: chunk.schema)
            table.append(chunk)
            s.tables[collection] = table
        }
    }

    /// The numbering of keys shared by every collection of this store.
    public var keys: FactKeys { state.withLock { $0.keys } }

    /// The facts of one collection, indexed by key (an empty table when nothing was stored).
    public func table(_ name: String) -> FactTable {
        state.withLock { s in
            guard var t = s.tables.removeValue(forKey: name) else { return FactTable(schema: nil) }
            t.buildIndex(keyCount: s.keys.count)
            s.tables[name] = t
            return t
        }
    }

    /// The facts of one collection, by key, each as a ``Record``. Order within a key is the order
    /// they were added. This decodes every fact of the collection: for tests and small stores; the
    /// evaluator uses ``table(_:)``.
    public func collection(_ name: String) -> [String: [Record]] {
        let t = table(name), keys = self.keys
        var out: [String: [Record]] = [:]
        for id in 0..<Int32(keys.count) {
            let records = t.records(keyID: id)
            if !records.isEmpty { out[keys.name(id)] = records }
        }
        return out
    }

    /// The number of facts stored in `collection` so far, over all keys (0 when none).
    public func count(_ collection: String) -> Int {
        state.withLock { $0.tables[collection]?.count ?? 0 }
    }
}

/// The facts of one collection, compactly encoded (see ``FactStore``), with an index by key.
///
/// Facts are kept in the chunks they were added in (a reader's batch), so a growing collection is
/// never copied into a larger array; the index orders (chunk, row) pairs by key.
public struct FactTable: Sendable {
    /// The schema every fact of the collection has; `nil` for the empty table of a collection never stored.
    public let schema: RecordSchema?
    private var chunks: [FactChunk] = []
    /// Rows ordered by key (stable) as chunk << 32 | row, and where each key's rows start in
    /// that order; built on demand.
    private var order: [UInt64] = []
    private var start: [Int32] = []
    /// The number of facts in the collection, over all keys.
    public private(set) var count = 0

    init(schema: RecordSchema?) {
        self.schema = schema
    }

    /// Appends a chunk of facts of the same schema.
    mutating func append(_ chunk: FactChunk) {
        precondition(chunk.schema === schema || chunk.schema == schema,
                     "a collection holds facts of one schema: \(schema?.name ?? "-") and \(chunk.schema.name)")
        chunks.append(chunk)
        count += chunk.count
        order = []
        start = []
    }

    /// Orders the rows by key (a stable counting sort), for lookups by key.
    mutating func buildIndex(keyCount: Int) {
        guard start.count != keyCount + 1 || order.count != count else { return }
        var start = [Int32](repeating: 0, count: keyCount + 1)
        for c in chunks {
            for k in c.keys { start[Int(k) + 1] += 1 }
        }
        for i in 0..<keyCount { start[i + 1] += start[i] }
        var fill = start
        var order = [UInt64](repeating: 0, count: count)
        for (ci, c) in chunks.enumerated() {
            for (row, k) in c.keys.enumerated() {
                order[Int(fill[Int(k)])] = UInt64(ci) << 32 | UInt64(row)
                fill[Int(k)] += 1
            }
        }
        self.start = start
        self.order = order
    }

    /// The facts stored under `key` in the order they were added.
    public func records(key: String, in keys: FactKeys) -> [Record] {
        guard let id = keys.id(key) else { return [] }
        return records(keyID: id)
    }

    /// The facts stored under the key numbered `keyID` (see ``FactKeys``) in the order they were added.
    /// - Parameter decoding: which fields to decode, by position (`nil`: all); the others are
    ///   `unknown`. Records decoded with the same fields compare as the facts they come from do.
    public func records(keyID: Int32, decoding: [Bool]? = nil) -> [Record] {
        let k = Int(keyID)
        guard k + 1 < start.count else { return [] }
        let from = Int(start[k]), to = Int(start[k + 1])
        guard from < to else { return [] }
        var out: [Record] = []
        out.reserveCapacity(to - from)
        for i in from..<to {
            let o = order[i]
            out.append(chunks[Int(o >> 32)].record(Int(o & 0xFFFF_FFFF), decoding: decoding))
        }
        return out
    }
}

/// A batch of facts of one schema, encoded: one 64-bit slot per field and one for the file and
/// line; text in a byte arena; values that fit no slot kept aside.
///
/// Filled by one thread before it is stored in a ``FactTable`` (under the store's lock), never
/// changed afterwards; a class so that reading a fact does not copy the chunk.
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
        for (v, k) in zip(record.fields, kinds) { slots.append(encode(v, as: k)) }
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
    private func encode(_ v: Value, as type: Kind) -> UInt64 {
        switch (v, type) {
        case (.unknown, _): return Self.unknownSlot
        case (.bool(let b), .bool): return b ? 1 : 0
        case (.date(let d), .date): return Self.inline(Int64(d.ordinal))
        case (.month(let m), .month): return Self.inline(Int64(m.ordinal))
        case (.number(let n), .number):
            if let t = n.tenThousandths { return Self.inline(t) }
        case (.string(let s), .string):
            let n = s.utf8.count
            if n < 1 << Self.lengthBits, arena.count < 1 << 39 {
                let offset = UInt64(arena.count)
                arena.append(contentsOf: s.utf8)
                return offset << Self.lengthBits | UInt64(n)
            }
        default: break
        }
        overflow.append(v)
        return Self.overflowTag | UInt64(overflow.count - 1)
    }

    /// Decodes fact number `row`.
    func record(_ row: Int, decoding: [Bool]? = nil) -> Record {
        let base = row * width
        var values: [Value] = []
        values.reserveCapacity(width - 1)
        for (f, kind) in kinds.enumerated() {
            values.append(decoding?[f] ?? true ? decode(slots[base + f], as: kind) : .unknown)
        }
        let o = slots[base + width - 1]
        let source = o == Self.unknownSlot ? nil : SourceRef(origin: origins[Int(o >> 40)], line: Int(o & ((1 << 40) - 1)))
        return Record(schema: schema, fields: values, source: source)
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
