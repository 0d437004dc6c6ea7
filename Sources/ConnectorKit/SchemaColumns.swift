import HechaCore

/// The header columns a CSV export of one record schema must have and may lack, derived from the
/// schema's `column:`s, so that a connector writes each column name once, in its schema.
///
/// A field's column is required when the field is not optional, or when the connector lists the
/// field in `alsoRequired` (an optional field whose value may be empty but whose column must be in
/// the header: a missing 购置价格 column would make every price unknown). The other optional
/// fields' columns may be missing (their values are then unknown). Fields without a column (values
/// the connector computes) need nothing. A column shared by several fields (所属期 gives a month and
/// a year) is listed once, required when any of its fields requires it. Columns keep the schema's
/// order, which is the order the header is checked in and shown in messages.
///
/// ```swift
/// SchemaColumns(VehicleRegistryConnector.vehicle, alsoRequired: [Field.registered, Field.price]).required
/// // ["号牌号码", "车辆类型", "所有人证件号码", "初次登记日期", "机动车状态", "购置价格"]
/// ```
public struct SchemaColumns: Sendable, Equatable {
    /// Columns that must be in the header, in the schema's order.
    public let required: [String]
    /// Columns that may be missing, in the schema's order.
    public let optional: [String]

    /// The columns of `schema`; every field of `alsoRequired` must be one of its fields.
    public init(_ schema: RecordSchema, alsoRequired: [FieldSchema] = []) {
        for field in alsoRequired where !schema.fields.contains(field) {
            preconditionFailure("field '\(field.name)' listed as also required is not a field of schema '\(schema.name)'")
        }
        var required: [String] = []
        var optional: [String] = []
        for field in schema.fields {
            guard let column = field.column else { continue }
            let requiredBySome = schema.fields.contains { $0.column == column && (!$0.optional || alsoRequired.contains($0)) }
            if requiredBySome {
                if !required.contains(column) { required.append(column) }
            } else if !optional.contains(column) {
                optional.append(column)
            }
        }
        self.required = required
        self.optional = optional
    }
}

extension FieldSchema {
    /// The export column this field is read from, for row accessors and messages. A field without a
    /// `column:` has none to read: asking for it is a programming error in the connector.
    @inlinable
    public var exportColumn: String {
        guard let column else { preconditionFailure("field '\(name)' declares no column: it cannot be read from an export") }
        return column
    }

    /// The field's closed list of values (`choices:`), for ``CSVRow/oneOf(_:)-(FieldSchema)``. A
    /// field without one is a programming error in the connector.
    @inlinable
    public var declaredChoices: [String] {
        guard let choices else { preconditionFailure("field '\(name)' declares no choices") }
        return choices
    }
}

extension RecordSchema {
    /// The field named `name`, for a connector's handles on a schema declared elsewhere (the
    /// roster's). A name the schema lacks is a programming error in the connector.
    public func declaredField(_ name: String) -> FieldSchema {
        guard let field = field(name) else { preconditionFailure("schema '\(self.name)' has no field '\(name)'") }
        return field
    }
}
