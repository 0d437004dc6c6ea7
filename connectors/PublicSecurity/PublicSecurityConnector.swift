import ConnectorKit

/// Reads public security's register of deaths (公安死亡人员): `死亡人员.csv`, GB18030 unless the source
/// names another `encoding:`, keeping the deaths of people on the roster as `member.deaths`.
public struct PublicSecurityConnector: Connector {
    /// The source id region files use under `sources:`.
    public static let id = "public-security"
    /// The data set's Chinese title, shown to people.
    public static let title = "公安死亡人员"

    /// The export file read from the source folder.
    public static let file = "死亡人员.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [file] }
    /// The encoding of the export unless the region file says otherwise.
    public static let defaultEncoding = TextEncoding.gb18030
    /// 数据来源 values.
    public static let origins = ["户籍注销", "火化记录", "医学死亡证明"]

    /// The fields of a death record, each naming its column of the export: the one place a column name
    /// is written (the header check and the row accessors take it from here).
    enum Field {
        static let id = FieldSchema("id", .string, column: "公民身份号码", doc: "normalised id number", personal: true)
        static let name = FieldSchema("name", .string, column: "姓名", personal: true)
        static let date = FieldSchema("date", .date, column: "死亡日期")
        static let source = FieldSchema("source", .string, column: "数据来源", doc: "户籍注销 | 火化记录 | 医学死亡证明", choices: origins)
    }

    /// A death record, attached to the person.
    public static let death = RecordSchema(
        name: "death", title: "死亡记录", fields: [Field.id, Field.name, Field.date, Field.source],
        personKey: Field.id)

    /// The one fact type: ``death`` records keyed by the person's id number, as `member.deaths`.
    public static let factSchemas = [FactSchema(record: death, key: .person, collection: "deaths")]

    /// The connector has no settings: all it needs comes with the request.
    public init() {}

    /// Reads ``file`` (in ``defaultEncoding`` unless the source names one); throws a ``Diagnostic`` when it is missing, cannot be decoded or lacks a required column. Unusable rows are rejected with their reason.
    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readFacts(
            Self.file, schema: Self.death, defaultEncoding: Self.defaultEncoding,
            collection: "deaths"
        ) { row throws(RowReject) in
            guard let id = try row.personID(Field.id, in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.death,
                fields: [
                    .string(id),
                    .string(try row.text(Field.name)),
                    .date(try row.day(Field.date)),
                    .string(try row.oneOf(Field.source)),
                ],
                source: row.origin)
            return .keep(record, key: id)
        }
    }
}
