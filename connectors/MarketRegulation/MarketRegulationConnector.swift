import ConnectorKit

/// Reads market regulation's register of market entities (市场主体登记): `市场主体.csv`, UTF-8, one
/// row per entity, keeping the entities whose legal representative (法定代表人, for a 个体工商户 the
/// operator) is on the roster as `member.businesses`.
public struct MarketRegulationConnector: Connector {
    /// The source id region files use under `sources:`.
    public static let id = "market-regulation"
    /// The data set's Chinese title, shown to people.
    public static let title = "市场主体登记"

    /// The export file read from the source folder.
    public static let file = "市场主体.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [file] }
    /// 主体类型 values.
    public static let types = ["个体工商户", "有限责任公司", "股份有限公司", "农民专业合作社"]
    /// 登记状态 values.
    public static let statuses = ["存续", "注销", "吊销"]
    /// The capital column, in 万元 (ten thousand yuan).
    public static let capitalColumn = "注册资本(万元)"

    /// The fields of a market entity, each naming its column of the export: the one place a column name
    /// is written (the header check and the row accessors take it from here).
    enum Field {
        static let creditCode = FieldSchema("credit_code", .string, column: "统一社会信用代码", doc: "half-width, upper-case")
        static let name = FieldSchema("name", .string, column: "主体名称")
        static let type = FieldSchema("type", .string, column: "主体类型", doc: "个体工商户 | 有限责任公司 | 股份有限公司 | 农民专业合作社",
                                      choices: types)
        static let representative = FieldSchema("representative_id", .string, column: "法定代表人证件号", doc: "normalised id number",
                                                personal: true)
        static let capital = FieldSchema("capital_wan", .number, column: capitalColumn, doc: "registered capital in 万元 (50 = 500,000 yuan)")
        static let founded = FieldSchema("founded", .date, column: "成立日期")
        static let status = FieldSchema("status", .string, column: "登记状态", doc: "存续 | 注销 | 吊销", choices: statuses)
    }

    /// A market entity, attached to its legal representative.
    public static let business = RecordSchema(
        name: "business", title: "市场主体",
        fields: [Field.creditCode, Field.name, Field.type, Field.representative, Field.capital, Field.founded, Field.status],
        personKey: Field.representative)

    /// The one fact type: ``business`` records keyed by the legal representative's id number, as `member.businesses`.
    public static let factSchemas = [FactSchema(record: business, key: .person, collection: "businesses")]

    /// The connector has no settings: all it needs comes with the request.
    public init() {}

    /// Reads ``file``; throws a ``Diagnostic`` when it is missing, cannot be decoded or lacks a required column. Unusable rows are rejected with their reason.
    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readFacts(
            Self.file, schema: Self.business, collection: "businesses"
        ) { row throws(RowReject) in
            guard let representative = try row.personID(Field.representative, in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.business,
                fields: [
                    .string(FieldText.halfWidth(try row.text(Field.creditCode)).uppercased()),
                    .string(try row.text(Field.name)),
                    .string(try row.oneOf(Field.type)),
                    .string(representative),
                    // 万元 to six decimals is exact to the fen.
                    .number(try row.decimal(Field.capital, units: ["万元", "万"], maxDecimals: 6)),
                    .date(try row.day(Field.founded)),
                    .string(try row.oneOf(Field.status)),
                ],
                source: row.origin)
            return .keep(record, key: representative)
        }
    }
}
