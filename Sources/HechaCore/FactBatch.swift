/// Facts of one collection gathered by one reader before they go to the ``FactStore``: each fact
/// is encoded into the batch's compact slots as it is added, so the reader's ``Record`` lives only
/// until then, and the store's lock is taken once per batch (``FactStore/add(_:collection:)-(FactBatch,_)``).
///
/// Keys are numbered within the batch first (exports are often sorted by key, so the previous
/// fact's key is tried before the batch's table); only the batch's distinct keys are numbered by
/// the store, under its lock.
public final class FactBatch {
    let chunk: FactChunk
    /// The batch's distinct keys, numbered in the order first added (``FactKeys``: person ids by
    /// their body, without hashing a String).
    private(set) var numbering = FactKeys()
    /// The batch's distinct keys, in the order first added.
    var distinct: [String] { numbering.names }
    /// The batch-local key number of each fact.
    private(set) var local: [Int32] = []
    private var previous: (key: String, position: Int32)?

    /// An empty batch of facts of `schema`, with room for `capacity` of them.
    public init(schema: RecordSchema, capacity: Int) {
        chunk = FactChunk(schema: schema, capacity: capacity)
        local.reserveCapacity(capacity)
    }

    /// The schema of the batch's facts.
    public var schema: RecordSchema { chunk.schema }

    /// How many facts the batch holds.
    public var count: Int { local.count }

    /// Encodes `record`, stored under `key`. Traps when its schema is not the batch's.
    public func append(_ record: Record, key: String) {
        precondition(previous != nil || local.isEmpty, "a sealed batch takes no more facts")
        chunk.append(record)
        let p: Int32
        if let previous, previous.key == key {
            p = previous.position
        } else {
            p = numbering.intern(key)
        }
        local.append(p)
        previous = (key, p)
    }

    /// Forgets the table that numbers the batch's keys as facts are added, for a batch that is
    /// full but waits before it goes to the store (no more facts may be added to it).
    public func seal() {
        numbering.forgetLookups()
        previous = nil
        chunk.seal()
    }

    /// The same facts in the same order, without those at `dropped` (positions in this batch).
    public func without(_ dropped: Set<Int>) -> FactBatch {
        let kept = FactBatch(schema: schema, capacity: max(1, count - dropped.count))
        let keys = distinct
        for i in 0..<count where !dropped.contains(i) {
            kept.append(chunk.record(i), key: keys[Int(local[i])])
        }
        return kept
    }
}
