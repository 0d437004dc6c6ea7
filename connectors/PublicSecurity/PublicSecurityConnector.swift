import ConnectorKit
import HechaCore

/// Reads public security's register of deaths (公安死亡人员): `死亡人员.csv`, GB18030 unless the source
/// names another `encoding:`, keeping the deaths of people on the roster as `member.deaths`.
public struct PublicSecurityConnector: Connector {
    public static let id = "public-security"
    public static let title = "公安死亡人员"

    /// The export file read from the source folder.
    public static let file = "死亡人员.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [file] }
    /// The encoding of the export unless the region file says otherwise.
    public static let defaultEncoding = TextEncoding.gb18030
    /// 数据来源 values.
    public static let origins = ["户籍注销", "火化记录", "医学死亡证明"]

    /// A death record, attached to the person.
    public static let death = RecordSchema(
        name: "death", title: "死亡记录",
        fields: [
            FieldSchema("id", .string, column: "公民身份号码", doc: "normalised id number", personal: true),
            FieldSchema("name", .string, column: "姓名", personal: true),
            FieldSchema("date", .date, column: "死亡日期"),
            FieldSchema("source", .string, column: "数据来源", doc: "户籍注销 | 火化记录 | 医学死亡证明", choices: origins),
        ])

    public static let factSchemas = [FactSchema(record: death, key: .person, collection: "deaths")]

    public init() {}

    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readFacts(
            Self.file, required: ["公民身份号码", "姓名", "死亡日期", "数据来源"], defaultEncoding: Self.defaultEncoding,
            collection: "deaths"
        ) { row throws(RowReject) in
            guard let id = try row.personID("公民身份号码", in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.death,
                fields: [
                    .string(id),
                    .string(try row.text("姓名")),
                    .date(try row.day("死亡日期")),
                    .string(try row.oneOf("数据来源", Self.origins)),
                ],
                source: row.origin)
            return .keep(record, key: id)
        }
    }
}
