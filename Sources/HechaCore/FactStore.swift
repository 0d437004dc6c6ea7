import Synchronization

/// Where connectors put the facts they keep. Facts are grouped by collection name and key
/// (a normalised person id or a household id). Safe to use from several threads.
public final class FactStore: Sendable {
    private struct State {
        var byCollection: [String: [String: [Record]]] = [:]
    }
    private let state = Mutex(State())

    public init() {}

    /// Stores one fact for `key` in `collection` (e.g. `vehicles`, keyed by person id).
    public func add(_ record: Record, collection: String, key: String) {
        state.withLock { $0.byCollection[collection, default: [:]][key, default: []].append(record) }
    }

    /// Stores many facts at once (one lock for the batch).
    public func add(_ batch: [(record: Record, key: String)], collection: String) {
        state.withLock { s in
            // taken out while it grows, so that it is mutated in place rather than copied
            var c = s.byCollection.removeValue(forKey: collection) ?? [:]
            for (r, k) in batch { c[k, default: []].append(r) }
            s.byCollection[collection] = c
        }
    }

    /// The facts of one collection, by key. Order within a key is the order they were added.
    public func collection(_ name: String) -> [String: [Record]] {
        state.withLock { $0.byCollection[name] ?? [:] }
    }

    public func count(_ collection: String) -> Int {
        state.withLock { ($0.byCollection[collection] ?? [:]).values.reduce(0) { $0 + $1.count } }
    }
}
