import Synchronization

/// Where connectors put the facts they keep. Facts are grouped by collection name and key
/// (a normalised person id or a household id). Safe to use from several threads.
///
/// Facts are held compactly, because a city's run keeps millions of them: by column in chunks of
/// a reader's batch (``FactChunk``), each value as its difference from the column's first in one
/// to eight bytes (numbers in ten-thousandths, dates and months as day or month numbers, text as
/// its place in the chunk's byte arena, repeated text stored once), the file once per chunk and
/// the line per row, and keys numbered once for the whole store. A fact becomes a ``Record``
/// again only when it is asked for — the evaluator asks for one household's facts at a time — so
/// memory follows the number of kept rows at a few bytes a field rather than a Swift object per
/// fact. Values that do not fit a slot (a number with more than four decimals, a list) are kept
/// as they are, beside the slots.
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
        chunk.seal()
        state.withLock { s in
            let ids = s.keys.intern(every: batch.numbering)
            chunk.setKeys(batch.local.map { ids[Int($0)] })
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

    /// The bytes the encoded facts and their indexes take (not the numbering of keys), for `--timings`.
    public var heldBytes: Int { state.withLock { $0.tables.values.reduce(0) { $0 + $1.memory } } }

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
    /// Rows ordered by key; built on demand.
    private var index = FactIndex()
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
        index = FactIndex()
    }

    /// The bytes the chunks and the index take.
    var memory: Int { chunks.reduce(0) { $0 + $1.memory } + index.memory }

    /// Orders the rows by key (a stable counting sort), for lookups by key.
    mutating func buildIndex(keyCount: Int) {
        guard index.keyCount != keyCount || index.count != count else { return }
        index = FactIndex(chunks: chunks, keyCount: keyCount)
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
        let positions = index.positions(ofKey: Int(keyID))
        guard !positions.isEmpty else { return [] }
        var out: [Record] = []
        out.reserveCapacity(positions.count)
        for i in positions {
            let (chunk, row) = index.location(i)
            out.append(chunks[chunk].record(row, decoding: decoding))
        }
        return out
    }
}
