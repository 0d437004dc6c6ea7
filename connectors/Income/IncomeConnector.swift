import ConnectorKit

/// Reads the income details from human resources and social security and from tax (人社税务收入明细):
/// `收入明细.csv`, UTF-8, keeping the incomes of people on the roster as `member.incomes`.
///
/// 所属期 is either a month (`202403`, `2024-03`, `2024年3月`: a monthly record) or a year
/// (`2024`, `2024年`: an annual record, such as agricultural income). `annual` says which; `month`
/// is unknown for annual records, and `year` is set for both.
public struct IncomeConnector: Connector {
    /// The source id region files use under `sources:`.
    public static let id = "income"
    /// The data set's Chinese title, shown to people.
    public static let title = "人社税务收入明细"

    /// The export file read from the source folder.
    public static let file = "收入明细.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [file] }
    /// 收入类型 values.
    public static let types = ["工资薪金", "劳务报酬", "经营所得", "养老金", "失业保险金", "农业经营收入"]

    /// The fields of an income record, each naming its column of the export: the one place a column name
    /// is written (the header check and the row accessors take it from here).
    enum Field {
        static let id = FieldSchema("id", .string, column: "证件号码", doc: "normalised id number", personal: true)
        /// The three fields read from the one column 所属期 (written here once and shared).
        static let annual = FieldSchema("annual", .bool, column: periodColumn, doc: "true when 所属期 is a year (YYYY)")
        static let month = FieldSchema("month", .month, optional: true, column: periodColumn,
                                       doc: "the month of a monthly record; unknown for an annual one")
        static let year = FieldSchema("year", .number, column: periodColumn, doc: "the year of 所属期, for both kinds")
        static let type = FieldSchema("type", .string, column: "收入类型", doc: "工资薪金 | 劳务报酬 | 经营所得 | 养老金 | 失业保险金 | 农业经营收入",
                                      choices: types)
        static let amount = FieldSchema("amount", .number, column: "金额", doc: "yuan, for the whole 所属期")
        static let source = FieldSchema("source", .string, column: "数据来源")
        private static let periodColumn = "所属期"
    }

    /// One income record, attached to the earner.
    public static let income = RecordSchema(
        name: "income", title: "收入",
        fields: [Field.id, Field.annual, Field.month, Field.year, Field.type, Field.amount, Field.source],
        personKey: Field.id)

    /// The one fact type: ``income`` records keyed by the earner's id number, as `member.incomes`.
    public static let factSchemas = [FactSchema(record: income, key: .person, collection: "incomes")]

    /// The connector has no settings: all it needs comes with the request.
    public init() {}

    /// Reads a 所属期: a year gives an annual period, a month a monthly one; anything else (such as
    /// `202413`) is a ``ValueProblem``.
    public static func period(_ raw: String) throws(ValueProblem) -> (annual: Bool, month: Month?, year: Int) {
        if let year = try? DateText.year(raw) { return (true, nil, year) }
        if let month = try? DateText.month(raw) { return (false, month, month.year) }
        throw ValueProblem("'\(raw)' 既不是有效月份（如 202403、2024-03、2024年3月）也不是有效年份（如 2024）")
    }

    /// Reads ``file``; throws a ``Diagnostic`` when it is missing, cannot be decoded or lacks a required column. Unusable rows (an unreadable 所属期 among them) are rejected with their reason.
    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readFacts(
            Self.file, schema: Self.income, collection: "incomes"
        ) { row throws(RowReject) in
            guard let id = try row.personID(Field.id, in: request.index) else { return .unmatched }
            let period: (annual: Bool, month: Month?, year: Int)
            if let month = row.plainMonth(Field.month) {
                period = (false, month, month.year)
            } else if let year = row.plainYear(Field.year) {
                period = (true, nil, year)
            } else {
                let periodText = try row.text(Field.year)
                do throws(ValueProblem) { period = try Self.period(periodText) } catch { throw RowReject("\(Field.year.exportColumn) \(error.reason)") }
            }
            let record = Record(
                schema: Self.income,
                fields: [
                    .string(id),
                    .bool(period.annual),
                    .known(period.month),
                    .number(Exact(period.year)),
                    .string(try row.oneOf(Field.type)),
                    .number(try row.money(Field.amount)),
                    .string(try row.text(Field.source)),
                ],
                source: row.origin)
            return .keep(record, key: id)
        }
    }
}
