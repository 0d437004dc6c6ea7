import ConnectorKit
import HechaCore

/// Reads the organisation and personnel departments' list of publicly funded staff (财政供养人员):
/// `财政供养人员.csv`, UTF-8, keeping the people on the roster as `member.officials`.
///
/// 人员类别 is read with full-width brackets folded to half-width, so `村（社区）干部` is
/// `村(社区)干部`.
public struct OfficialsConnector: Connector {
    public static let id = "officials"
    public static let title = "财政供养人员"

    /// The export file read from the source folder.
    public static let file = "财政供养人员.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [file] }
    /// 人员类别 values.
    public static let categories = ["公务员", "参公人员", "事业编制", "村(社区)干部"]

    /// A publicly funded position held by the person.
    public static let official = RecordSchema(
        name: "official", title: "财政供养人员",
        fields: [
            FieldSchema("id", .string, column: "身份证号", doc: "normalised id number", personal: true),
            FieldSchema("name", .string, column: "姓名", personal: true),
            FieldSchema("employer", .string, column: "工作单位"),
            FieldSchema("category", .string, column: "人员类别", doc: "公务员 | 参公人员 | 事业编制 | 村(社区)干部", choices: categories),
        ])

    public static let factSchemas = [FactSchema(record: official, key: .person, collection: "officials")]

    public init() {}

    /// A 人员类别 from the closed list, full-width brackets accepted.
    static func category(_ text: String) throws(RowReject) -> String {
        do throws(ValueProblem) {
            return try ChoiceText.oneOf(FieldText.halfWidth(text), categories)
        } catch {
            throw RowReject("人员类别 '\(text)' 不在允许的取值中（\(categories.joined(separator: " | "))）")
        }
    }

    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readFacts(
            Self.file, required: ["身份证号", "姓名", "工作单位", "人员类别"], collection: "officials"
        ) { row throws(RowReject) in
            guard let id = try row.personID("身份证号", in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.official,
                fields: [
                    .string(id),
                    .string(try row.text("姓名")),
                    .string(try row.text("工作单位")),
                    .string(try Self.category(try row.text("人员类别"))),
                ],
                source: row.origin)
            return .keep(record, key: id)
        }
    }
}
