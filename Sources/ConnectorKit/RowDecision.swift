import HechaCore

/// What a connector decided about one row it could read.
public enum RowDecision<Kept> {
    /// The row is used: `Kept` is what the connector keeps (a fact with its key, a roster row).
    case keep(Kept)
    /// The row's key (person id, household id) is not in the roster: counted, not kept.
    case unmatched
}

/// A fact with the key it is stored under (a normalised person id or a household id).
public struct KeyedRecord: Sendable {
    public var record: Record
    public var key: String

    public init(_ record: Record, key: String) {
        self.record = record
        self.key = key
    }
}

extension RowDecision where Kept == KeyedRecord {
    /// Keeps `record` under `key`.
    public static func keep(_ record: Record, key: String) -> RowDecision { .keep(KeyedRecord(record, key: key)) }
}
