import ConnectorKit

/// Reads the organisation and personnel departments' list of publicly funded staff (财政供养人员):
/// `财政供养人员.csv`, UTF-8, keeping the people on the roster as `member.officials`.
///
/// 人员类别 is read with full-width brackets folded to half-width, so `村（社区）干部` is
/// `村(社区)干部`.
public struct OfficialsConnector: Connector {
    /// The source id region files use under `sources:`.
    public static let id = "officials"
    /// The data set's Chinese title, shown to people.
    public static let title = "财政供养人员"

    /// The export file read from the source folder.
    public static let file = "财政供养人员.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [file] }
    /// 人员类别 values.
    public static let categories = ["公务员", "参公人员", "事业编制", "村(社区)干部"]

    /// The fields of a publicly funded position, each naming its column of the export: the one place a column name
    /// is written (the header check and the row accessors take it from here).
    enum Field {
        static let id = FieldSchema("id", .string, column: "身份证号", doc: "normalised id number", personal: true)
        static let name = FieldSchema("name", .string, column: "姓名", personal: true)
        static let employer = FieldSchema("employer", .string, column: "工作单位")
        static let category = FieldSchema("category", .string, column: "人员类别", doc: "公务员 | 参公人员 | 事业编制 | 村(社区)干部",
                                          choices: categories)
    }

    /// A publicly funded position held by the person.
    public static let official = RecordSchema(
        name: "official", title: "财政供养人员", fields: [Field.id, Field.name, Field.employer, Field.category],
        personKey: Field.id)

    /// The one fact type: ``official`` records keyed by the person's id number, as `member.officials`.
    public static let factSchemas = [FactSchema(record: official, key: .person, collection: "officials")]

    /// The connector has no settings: all it needs comes with the request.
    public init() {}

    /// A 人员类别 from the closed list, full-width brackets accepted.
    static func category(_ text: String) throws(RowReject) -> String {
        do throws(ValueProblem) {
            return try ChoiceText.oneOf(FieldText.halfWidth(text), categories)
        } catch {
            throw RowReject("\(Field.category.exportColumn) '\(text)' 不在允许的取值中（\(categories.joined(separator: " | "))）")
        }
    }

    /// Reads ``file``; throws a ``Diagnostic`` when it is missing, cannot be decoded or lacks a required column. Unusable rows are rejected with their reason.
    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readFacts(
            Self.file, schema: Self.official, collection: "officials"
        ) { row throws(RowReject) in
            guard let id = try row.personID(Field.id, in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.official,
                fields: [
                    .string(id),
                    .string(try row.text(Field.name)),
                    .string(try row.text(Field.employer)),
                    .string(try Self.category(try row.text(Field.category))),
                ],
                source: row.origin)
            return .keep(record, key: id)
        }
    }
}
