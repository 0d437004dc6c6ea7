import HechaCore

/// Hands a reader's kept facts to the ``FactStore`` as they are kept: each goes into a
/// ``FactBatch`` at once (so its ``Record`` is freed right away, not held with thousands of
/// others), and every `batchSize` facts the batch is stored and a new one begun.
struct FactGathering {
    let store: FactStore
    let collection: String
    /// How many facts go to the store at once.
    let batchSize: Int
    private var batch: FactBatch?

    /// Gathers facts for `collection` of `store`, `batchSize` at a time.
    init(into store: FactStore, collection: String, batchSize: Int = ReadRequest.factBatch) {
        self.store = store
        self.collection = collection
        self.batchSize = batchSize
    }

    /// Adds one kept fact.
    mutating func add(_ fact: KeyedRecord) {
        let batch = self.batch ?? FactBatch(schema: fact.record.schema, capacity: batchSize)
        batch.append(fact.record, key: fact.key)
        if batch.count >= batchSize {
            store.add(batch, collection: collection)
            self.batch = nil
        } else {
            self.batch = batch
        }
    }

    /// Stores what is left; call once the file is read.
    mutating func finish() {
        if let batch { store.add(batch, collection: collection) }
        batch = nil
    }
}
