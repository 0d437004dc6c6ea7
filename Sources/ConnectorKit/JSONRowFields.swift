import HechaCore

/// ``JSONRow``'s accessors by schema field: the member read is the field's
/// ``FieldSchema/exportColumn``, so a connector names each key once, in its schema (see the
/// accessors by field of ``CSVRow``).
extension JSONRow {
    /// The trimmed text of a required field.
    @inlinable
    public func text(_ field: FieldSchema) throws(RowReject) -> String { try self.text(field.exportColumn) }

    /// The trimmed text, or `nil` when empty.
    @inlinable
    public func optionalText(_ field: FieldSchema) throws(RowReject) -> String? { try self.optionalText(field.exportColumn) }

    /// A required date (see ``DateText``).
    @inlinable
    public func day(_ field: FieldSchema) throws(RowReject) -> Day { try self.day(field.exportColumn) }

    /// An optional date.
    @inlinable
    public func optionalDay(_ field: FieldSchema) throws(RowReject) -> Day? { try self.optionalDay(field.exportColumn) }

    /// A required month.
    @inlinable
    public func month(_ field: FieldSchema) throws(RowReject) -> Month { try self.month(field.exportColumn) }

    /// A required amount of money (see ``MoneyText``).
    @inlinable
    public func money(_ field: FieldSchema) throws(RowReject) -> Exact { try self.money(field.exportColumn) }

    /// An optional amount: `nil` (unknown, never zero) when empty.
    @inlinable
    public func optionalMoney(_ field: FieldSchema) throws(RowReject) -> Exact? { try self.optionalMoney(field.exportColumn) }

    /// A required value from the field's closed list, its `choices:`.
    @inlinable
    public func oneOf(_ field: FieldSchema) throws(RowReject) -> String { try self.oneOf(field.exportColumn, field.declaredChoices) }

    /// A required value from a closed list.
    @inlinable
    public func oneOf(_ field: FieldSchema, _ allowed: [String]) throws(RowReject) -> String { try self.oneOf(field.exportColumn, allowed) }

    /// A required, valid id number, normalised (see ``IDNumber``).
    @inlinable
    public func personID(_ field: FieldSchema) throws(RowReject) -> String { try self.personID(field.exportColumn) }

    /// The id number of a person on the roster, `nil` when valid but not on the roster (see ``personID(_:in:)-(String,_)``).
    @inlinable
    public func personID(_ field: FieldSchema, in index: PersonIndex) throws(RowReject) -> String? { try self.personID(field.exportColumn, in: index) }
}
