import ConnectorKit

/// Reads the financial regulator's deposit query gateway (金融机构存款查询): every `*.jsonl` file in
/// the source folder, in name order, one JSON object a line, keeping the accounts of people on the
/// roster as `member.accounts`:
///
/// ```json
/// {"证件号码": "…", "机构": "…", "账号": "…", "账户类型": "活期", "余额": "12345.67", "查询日期": "2024-11-30"}
/// ```
///
/// Every query row is kept: the same 账号 queried on several 查询日期 gives several facts, and a
/// rule picks the latest on or before its date. A line that is not a valid JSON object, or whose
/// member has the wrong JSON type or is missing, is rejected with its line number; the rest of
/// the file still counts. Exact duplicate lines (within one file) count once.
public struct BankingConnector: Connector {
    /// The source id region files use under `sources:`.
    public static let id = "banking"
    /// The data set's Chinese title, shown to people.
    public static let title = "金融机构存款查询"

    /// The files read from the source folder: every one ending in `.jsonl`.
    public static let fileExtension = "jsonl"
    /// Checked by `hecha validate` before any data is read: at least one `*.jsonl` file.
    public static var exportFiles: [String] { ["*." + fileExtension] }
    /// 账户类型 values.
    public static let accountTypes = ["活期", "定期", "理财", "证券"]

    /// The fields of an account query, each naming its key in the JSON objects: the one place a
    /// key is written (the row accessors take it from here).
    enum Field {
        static let id = FieldSchema("id", .string, column: "证件号码", doc: "normalised id number", personal: true)
        static let institution = FieldSchema("institution", .string, column: "机构")
        static let account = FieldSchema("account", .string, column: "账号", doc: "half-width", personal: true)
        static let accountType = FieldSchema("account_type", .string, column: "账户类型", doc: "活期 | 定期 | 理财 | 证券", choices: accountTypes)
        static let balance = FieldSchema("balance", .number, column: "余额", doc: "yuan, on query_date")
        static let queryDate = FieldSchema("query_date", .date, column: "查询日期")
    }

    /// One query result for one account, attached to the account holder.
    public static let account = RecordSchema(
        name: "account", title: "金融账户",
        fields: [Field.id, Field.institution, Field.account, Field.accountType, Field.balance, Field.queryDate],
        personKey: Field.id)

    /// The one fact type: ``account`` query results keyed by the holder's id number, as `member.accounts`.
    public static let factSchemas = [FactSchema(record: account, key: .person, collection: "accounts")]

    /// The connector has no settings: all it needs comes with the request.
    public init() {}

    /// Reads every `*.jsonl` file; throws a ``Diagnostic`` when the folder is missing, holds none, or a file cannot be opened or decoded. Unusable lines are rejected with their reason.
    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readJSONLinesFacts(fileExtension: Self.fileExtension, schema: Self.account, collection: "accounts") { row throws(RowReject) in
            guard let id = try row.personID(Field.id, in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.account,
                fields: [
                    .string(id),
                    .string(try row.text(Field.institution)),
                    .string(FieldText.halfWidth(try row.text(Field.account))),
                    .string(try row.oneOf(Field.accountType)),
                    .number(try row.money(Field.balance)),
                    .date(try row.day(Field.queryDate)),
                ],
                source: row.origin)
            return .keep(record, key: id)
        }
    }
}
