import HechaCore

/// ``CSVRow``'s accessors by schema field: a connector names a column once, in its schema's
/// `FieldSchema(…, column:)`, keeps the field as a handle and reads the row with it:
///
/// ```swift
/// enum Field {
///     static let plate = FieldSchema("plate", .string, column: "号牌号码", personal: true)
/// }
/// let plate = try row.text(Field.plate)
/// ```
///
/// Each accessor reads the field's ``FieldSchema/exportColumn`` exactly as the accessor of the same
/// name taking a column name does (the same fast paths, the same reasons naming the column).
extension CSVRow {
    /// The field's text as written (untrimmed), or `nil` when the header lacks its column.
    @inlinable
    public func field(_ field: FieldSchema) -> String? { self.field(field.exportColumn) }

    /// A month written plainly, or `nil` for the general path (see ``plainMonth(_:)-(String)``).
    @inlinable
    public func plainMonth(_ field: FieldSchema) -> Month? { self.plainMonth(field.exportColumn) }

    /// A year written plainly, or `nil` for the general path.
    @inlinable
    public func plainYear(_ field: FieldSchema) -> Int? { self.plainYear(field.exportColumn) }

    /// The trimmed text of a required field.
    @inlinable
    public func text(_ field: FieldSchema) throws(RowReject) -> String { try self.text(field.exportColumn) }

    /// The trimmed text, or `nil` when empty.
    @inlinable
    public func optionalText(_ field: FieldSchema) -> String? { self.optionalText(field.exportColumn) }

    /// A required date (see ``DateText``).
    @inlinable
    public func day(_ field: FieldSchema) throws(RowReject) -> Day { try self.day(field.exportColumn) }

    /// An optional date.
    @inlinable
    public func optionalDay(_ field: FieldSchema) throws(RowReject) -> Day? { try self.optionalDay(field.exportColumn) }

    /// A required month.
    @inlinable
    public func month(_ field: FieldSchema) throws(RowReject) -> Month { try self.month(field.exportColumn) }

    /// An optional month.
    @inlinable
    public func optionalMonth(_ field: FieldSchema) throws(RowReject) -> Month? { try self.optionalMonth(field.exportColumn) }

    /// A required year.
    @inlinable
    public func year(_ field: FieldSchema) throws(RowReject) -> Int { try self.year(field.exportColumn) }

    /// A required amount of money (see ``MoneyText``).
    @inlinable
    public func money(_ field: FieldSchema) throws(RowReject) -> Exact { try self.money(field.exportColumn) }

    /// An optional amount: `nil` (unknown, never zero) when empty.
    @inlinable
    public func optionalMoney(_ field: FieldSchema) throws(RowReject) -> Exact? { try self.optionalMoney(field.exportColumn) }

    /// A required `是` / `否`.
    @inlinable
    public func yesNo(_ field: FieldSchema) throws(RowReject) -> Bool { try self.yesNo(field.exportColumn) }

    /// An optional `是` / `否`.
    @inlinable
    public func optionalYesNo(_ field: FieldSchema) throws(RowReject) -> Bool? { try self.optionalYesNo(field.exportColumn) }

    /// A required value from the field's closed list, its `choices:`.
    @inlinable
    public func oneOf(_ field: FieldSchema) throws(RowReject) -> String { try self.oneOf(field.exportColumn, field.declaredChoices) }

    /// A required value from a closed list.
    @inlinable
    public func oneOf(_ field: FieldSchema, _ allowed: [String]) throws(RowReject) -> String { try self.oneOf(field.exportColumn, allowed) }

    /// An optional value from a closed list.
    @inlinable
    public func optionalOneOf(_ field: FieldSchema, _ allowed: [String]) throws(RowReject) -> String? { try self.optionalOneOf(field.exportColumn, allowed) }

    /// A required, valid id number, normalised (see ``IDNumber``).
    @inlinable
    public func personID(_ field: FieldSchema) throws(RowReject) -> String { try self.personID(field.exportColumn) }

    /// The id number of a person on the roster, `nil` when valid but not on the roster (see ``personID(_:in:)-(String,_)``).
    @inlinable
    public func personID(_ field: FieldSchema, in index: PersonIndex) throws(RowReject) -> String? { try self.personID(field.exportColumn, in: index) }

    /// The id number of a required field, normalised as far as possible, valid or not.
    @inlinable
    public func requiredIDNumber(_ field: FieldSchema) throws(RowReject) -> IDNumber { try self.requiredIDNumber(field.exportColumn) }

    /// The id number normalised as far as possible, valid or not (empty counts as invalid).
    @inlinable
    public func idNumber(_ field: FieldSchema) -> IDNumber { self.idNumber(field.exportColumn) }

    /// A required quantity (see ``DecimalText``).
    @inlinable
    public func decimal(_ field: FieldSchema, units: [String] = [], maxDecimals: Int = 4) throws(RowReject) -> Exact { try self.decimal(field.exportColumn, units: units, maxDecimals: maxDecimals) }

    /// An optional quantity: `nil` (unknown, never zero) when empty.
    @inlinable
    public func optionalDecimal(_ field: FieldSchema, units: [String] = [], maxDecimals: Int = 4) throws(RowReject) -> Exact? { try self.optionalDecimal(field.exportColumn, units: units, maxDecimals: maxDecimals) }
}
