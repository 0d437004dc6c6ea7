import ConnectorKit
import HechaCore

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
    public static let id = "banking"
    public static let title = "金融机构存款查询"

    /// The files read from the source folder: every one ending in `.jsonl`.
    public static let fileExtension = "jsonl"
    /// Checked by `hecha validate` before any data is read: at least one `*.jsonl` file.
    public static var exportFiles: [String] { ["*." + fileExtension] }
    /// 账户类型 values.
    public static let accountTypes = ["活期", "定期", "理财", "证券"]

    /// One query result for one account, attached to the account holder.
    public static let account = RecordSchema(
        name: "account", title: "金融账户",
        fields: [
            FieldSchema("id", .string, column: "证件号码", doc: "normalised id number", personal: true),
            FieldSchema("institution", .string, column: "机构"),
            FieldSchema("account", .string, column: "账号", doc: "half-width", personal: true),
            FieldSchema("account_type", .string, column: "账户类型", doc: "活期 | 定期 | 理财 | 证券", choices: accountTypes),
            FieldSchema("balance", .number, column: "余额", doc: "yuan, on query_date"),
            FieldSchema("query_date", .date, column: "查询日期"),
        ])

    public static let factSchemas = [FactSchema(record: account, key: .person, collection: "accounts")]

    public init() {}

    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readJSONLinesFacts(fileExtension: Self.fileExtension, collection: "accounts", personKey: "证件号码") { row throws(RowReject) in
            guard let id = try row.personID("证件号码", in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.account,
                fields: [
                    .string(id),
                    .string(try row.text("机构")),
                    .string(FieldText.halfWidth(try row.text("账号"))),
                    .string(try row.oneOf("账户类型", Self.accountTypes)),
                    .number(try row.money("余额")),
                    .date(try row.day("查询日期")),
                ],
                source: row.origin)
            return .keep(record, key: id)
        }
    }
}
