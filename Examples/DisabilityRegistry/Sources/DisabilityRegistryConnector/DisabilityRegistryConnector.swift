import ConnectorKit

/// Reads the disabled persons' federation's register of disability certificates (残联残疾人登记):
/// `残疾人登记.csv`, UTF-8, one row per certificate, keeping those of people on the roster as
/// `member.disabilities`.
///
/// 残疾等级 is written 一级 … 四级, 1级 … 4级 or 1 … 4 and read as the number 1 … 4 (1 is the most
/// severe); 发证日期 may be empty.
public struct DisabilityRegistryConnector: Connector {
    public static let id = "disability-registry"
    public static let title = "残联残疾人登记"

    /// The export file read from the source folder.
    public static let file = "残疾人登记.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [file] }
    /// 残疾类别 values.
    public static let categories = ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"]

    /// The fields of a certificate, each naming its column of the export.
    enum Field {
        static let id = FieldSchema("id", .string, column: "身份证号", doc: "normalised id number", personal: true)
        static let name = FieldSchema("name", .string, column: "姓名", personal: true)
        static let category = FieldSchema("category", .string, column: "残疾类别", doc: categories.joined(separator: " | "),
                                          choices: categories)
        static let grade = FieldSchema("grade", .number, column: "残疾等级", doc: "1 (most severe) … 4")
        static let issued = FieldSchema("issued", .date, optional: true, column: "发证日期")
    }

    /// A disability certificate held by the person.
    public static let certificate = RecordSchema(
        name: "disability", title: "残疾人证", fields: [Field.id, Field.name, Field.category, Field.grade, Field.issued])

    /// The certificates, attached to their holder: `member.disabilities` in rules.
    public static let factSchemas = [FactSchema(record: certificate, key: .person, collection: "disabilities")]

    /// A connector has no state of its own.
    public init() {}

    /// A 残疾等级 as the number 1 … 4.
    static func grade(_ text: String) throws(RowReject) -> Int {
        var t = FieldText.halfWidth(text)
        if t.hasSuffix("级") { t.removeLast() }
        let numerals = ["一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4]
        guard let grade = numerals[t] else {
            throw RowReject("\(Field.grade.exportColumn) '\(text)' 不是一至四级（写作 一级、1级 或 1）")
        }
        return grade
    }

    /// Reads the register; a row whose id is not on the roster is counted as unmatched.
    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readFacts(Self.file, schema: Self.certificate, collection: "disabilities") { row throws(RowReject) in
            guard let id = try row.personID(Field.id, in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.certificate,
                fields: [
                    .string(id),
                    .string(try row.text(Field.name)),
                    .string(try row.oneOf(Field.category)),
                    .number(Exact(try Self.grade(try row.text(Field.grade)))),
                    .known(try row.optionalDay(Field.issued)),
                ],
                source: row.origin)
            return .keep(record, key: id)
        }
    }
}
