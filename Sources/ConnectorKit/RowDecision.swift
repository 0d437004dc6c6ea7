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
    /// The fact as read, with its fields in the order of its ``RecordSchema``.
    public var record: Record
    /// What the fact is stored under: the normalised person id or the household id, per the schema's ``FactKey``.
    public var key: String

    /// Pairs `record` with the key it is stored under.
    public init(_ record: Record, key: String) {
        self.record = record
        self.key = key
    }
}

extension RowDecision where Kept == KeyedRecord {
    /// Keeps `record` under `key`.
    public static func keep(_ record: Record, key: String) -> RowDecision { .keep(KeyedRecord(record, key: key)) }
}
