import HechaCore

extension CSVRow {
    /// The household of the roster that a required 户编号 column names, as the roster's own String
    /// (a kept fact then shares its storage), or `nil` when no household of the roster has that
    /// id — the row is then unmatched. The same as `try row.text(column)` followed by
    /// `index.containsHousehold(_:)`, but a field written plainly is looked up by its bytes,
    /// without a String. Throws as ``text(_:)`` does when the field is empty.
    public func household(_ column: String, in index: PersonIndex) throws(RowReject) -> String? {
        // nil: not plain; .some(nil): plain and not on the roster
        if let found = untrimmed(column, { index.household(utf8: $0) }) { return found }
        return index.household(named: try text(column))
    }

    /// The household of the roster that a required 户编号 field names (see ``household(_:in:)-(String,_)``).
    @inlinable
    public func household(_ field: FieldSchema, in index: PersonIndex) throws(RowReject) -> String? {
        try household(field.exportColumn, in: index)
    }
}
