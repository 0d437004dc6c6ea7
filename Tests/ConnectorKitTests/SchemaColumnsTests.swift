import ConnectorKit
import HechaCore
import Testing

/// A connector writes each column name once, in its schema: the header check (`required:`) and
/// the row accessors both take it from the schema's `column:`.
struct SchemaColumnsTests {
    static let onRoster = "441900198001011237"

    /// A vehicle-like schema whose owner column is `ownerColumn`.
    static func schema(ownerColumn: String) -> (schema: RecordSchema, owner: FieldSchema, price: FieldSchema) {
        let owner = FieldSchema("owner_id", .string, column: ownerColumn)
        let price = FieldSchema("price", .number, optional: true, column: "购置价格")
        return (RecordSchema(name: "vehicle", title: "机动车", fields: [owner, price]), owner, price)
    }

    /// Reads `text` as `机动车登记.csv` with the schema's columns, returning the kept facts.
    static func read(_ text: String, ownerColumn: String) throws(Diagnostic) -> [String] {
        let (schema, owner, price) = Self.schema(ownerColumn: ownerColumn)
        let folder = try! TempFolder(files: ["机动车登记.csv": text])
        let facts = FactStore()
        let request = ReadRequest(source: SourceConfig(id: "vehicle-registry", path: folder.path, displayPath: "data/vehicles"),
                                  index: PersonIndex(householdsByPerson: [onRoster: [0]], householdByID: [:]),
                                  facts: facts, report: SourceReport(sourceID: "vehicle-registry"))
        try request.readFacts("机动车登记.csv", schema: schema, collection: "vehicles") { row throws(RowReject) in
            guard let id = try row.personID(owner, in: request.index) else { return .unmatched }
            return .keep(Record(schema: schema, fields: [.string(id), .known(try row.optionalMoney(price))], source: row.origin), key: id)
        }
        return facts.collection("vehicles").values.flatMap { $0 }.map(\.description)
    }

    @Test func renamingTheSchemasColumnAloneChangesWhatTheReaderRequiresAndReads() throws {
        let text = "车主证件号码,购置价格\n\(Self.onRoster),128000\n"
        // the schema names 所有人证件号码: the header lacks it, so the file is refused at its header line
        do {
            _ = try Self.read(text, ownerColumn: "所有人证件号码")
            Issue.record("expected a diagnostic for the missing column")
        } catch {
            #expect(error.description == """
                data/vehicles/机动车登记.csv:1: error: missing required column '所有人证件号码'
                  hint: columns found: 车主证件号码, 购置价格
                """)
        }
        // the same connector code with the schema's column renamed (one place) requires and reads 车主证件号码
        #expect(try Self.read(text, ownerColumn: "车主证件号码") == [#"vehicle{owner_id: "441900198001011237", price: 128000}"#])
    }

    @Test func anOptionalFieldsColumnMayBeMissingUnlessTheConnectorRequiresIt() throws {
        let text = "所有人证件号码\n\(Self.onRoster)\n"
        #expect(try Self.read(text, ownerColumn: "所有人证件号码") == [#"vehicle{owner_id: "441900198001011237", price: unknown}"#])
        let (schema, _, price) = Self.schema(ownerColumn: "所有人证件号码")
        let folder = try TempFolder(files: ["机动车登记.csv": text])
        let source = SourceConfig(id: "vehicle-registry", path: folder.path, displayPath: "data/vehicles")
        do {
            _ = try source.openCSV("机动车登记.csv", schema: schema, alsoRequired: [price])
            Issue.record("expected a diagnostic for the missing column")
        } catch {
            #expect(error.description == """
                data/vehicles/机动车登记.csv:1: error: missing required column '购置价格'
                  hint: columns found: 所有人证件号码
                """)
        }
    }

    @Test func columnsFollowTheSchemaOnceEachAndSkipComputedFields() {
        let fields = [
            FieldSchema("id", .string, column: "证件号码"),
            FieldSchema("annual", .bool, column: "所属期"),
            FieldSchema("month", .month, optional: true, column: "所属期"),
            FieldSchema("valid", .bool),
            FieldSchema("note", .string, optional: true, column: "备注"),
            FieldSchema("approved", .date, optional: true, column: "审批日期"),
            FieldSchema("phone", .string, optional: true, column: "联系电话"),
        ]
        let schema = RecordSchema(name: "t", title: "t", fields: fields)
        let columns = SchemaColumns(schema, alsoRequired: [fields[5]])
        #expect(columns.required == ["证件号码", "所属期", "审批日期"])
        #expect(columns.optional == ["备注", "联系电话"])
        // a column an optional field shares with a required one is required, listed where it first appears
        let monthFirst = RecordSchema(name: "t", title: "t", fields: [fields[2], fields[0], fields[1]])
        #expect(SchemaColumns(monthFirst) == SchemaColumns(RecordSchema(name: "t", title: "t", fields: [fields[1], fields[0]])))
        #expect(SchemaColumns(monthFirst).required == ["所属期", "证件号码"])
        #expect(SchemaColumns(monthFirst).optional == [])
    }

    @Test func jsonRowsAreReadByTheFieldsKey() throws {
        let id = FieldSchema("id", .string, column: "证件号码")
        let balance = FieldSchema("balance", .number, column: "余额")
        let kind = FieldSchema("kind", .string, column: "账户类型", choices: ["活期", "定期"])
        let schema = RecordSchema(name: "account", title: "金融账户", fields: [id, balance, kind], personKey: id)
        let folder = try TempFolder(files: ["a.jsonl": """
            {"证件号码": "\(Self.onRoster)", "余额": "12.50", "账户类型": "定期"}
            {"证件号码": "\(Self.onRoster)", "余额": "", "账户类型": "活期"}
            {"证件号码": "\(Self.onRoster)", "余额": 1, "账户类型": "理财"}

            """])
        let facts = FactStore()
        let report = SourceReport(sourceID: "banking")
        let request = ReadRequest(source: SourceConfig(id: "banking", path: folder.path, displayPath: "in"),
                                  index: PersonIndex(householdsByPerson: [Self.onRoster: [0]], householdByID: [:]),
                                  facts: facts, report: report)
        try request.readJSONLinesFacts(schema: schema, collection: "accounts") { row throws(RowReject) in
            guard let person = try row.personID(id, in: request.index) else { return .unmatched }
            return .keep(Record(schema: schema, fields: [.string(person), .number(try row.money(balance)), .string(try row.oneOf(kind))],
                                source: row.origin), key: person)
        }
        #expect(facts.collection("accounts").values.flatMap { $0 }.map(\.description)
            == [#"account{id: "441900198001011237", balance: 12.5, kind: "定期"}"#])
        #expect(report.rejects.map(\.reason) == ["余额 为空", "账户类型 '理财' 不在允许的取值中（活期 | 定期）"])
    }
}
