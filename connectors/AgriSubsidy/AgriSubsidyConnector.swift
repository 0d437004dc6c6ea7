import ConnectorKit

/// Reads the payments of agricultural and forestry subsidies (惠农补贴发放): `惠农补贴.csv`, UTF-8,
/// one row per payment, keeping the payments to people on the roster as `member.subsidies`.
public struct AgriSubsidyConnector: Connector {
    /// The source id region files use under `sources:`.
    public static let id = "agri-subsidy"
    /// The data set's Chinese title, shown to people.
    public static let title = "惠农补贴发放"

    /// The export file read from the source folder.
    public static let file = "惠农补贴.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [file] }

    /// The fields of a subsidy payment, each naming its column of the export: the one place a column name
    /// is written (the header check and the row accessors take it from here).
    enum Field {
        static let id = FieldSchema("id", .string, column: "证件号码", doc: "normalised id number", personal: true)
        static let item = FieldSchema("item", .string, column: "补贴项目", doc: "e.g. 农机购置补贴, 林业补贴, 耕地地力保护补贴 (open list)")
        static let amount = FieldSchema("amount", .number, column: "金额", doc: "yuan")
        static let paidDate = FieldSchema("paid_date", .date, column: "发放日期")
    }

    /// One subsidy payment, attached to the recipient.
    public static let subsidy = RecordSchema(
        name: "subsidy", title: "惠农补贴", fields: [Field.id, Field.item, Field.amount, Field.paidDate],
        personKey: Field.id)

    /// The one fact type: ``subsidy`` records keyed by the recipient's id number, as `member.subsidies`.
    public static let factSchemas = [FactSchema(record: subsidy, key: .person, collection: "subsidies")]

    /// The connector has no settings: all it needs comes with the request.
    public init() {}

    /// Reads ``file``; throws a ``Diagnostic`` when it is missing, cannot be decoded or lacks a required column. Unusable rows are rejected with their reason.
    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readFacts(
            Self.file, schema: Self.subsidy, collection: "subsidies"
        ) { row throws(RowReject) in
            guard let id = try row.personID(Field.id, in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.subsidy,
                fields: [
                    .string(id),
                    .string(try row.text(Field.item)),
                    .number(try row.money(Field.amount)),
                    .date(try row.day(Field.paidDate)),
                ],
                source: row.origin)
            return .keep(record, key: id)
        }
    }
}
