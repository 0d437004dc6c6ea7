import HechaRules

/// The statements a warehouse source's read sends, all written here: the table's columns, its row
/// count, the roster keys' temporary table, and the query that joins the table to the keys.
///
/// Only SQL that PostgreSQL, Greenplum, GaussDB(DWS), openGauss and Citus all accept: quoted
/// identifiers, `information_schema`, a temporary table filled by `COPY … FROM STDIN`, derived
/// tables, `LEFT JOIN`, no extensions and no functions of one engine.
public struct MatchedRowsQuery: Sendable {
    /// The source's warehouse settings.
    public let source: WarehouseSource

    /// The statements for `source`.
    public init(source: WarehouseSource) { self.source = source }

    /// The temporary table the roster's normalised ids are copied into.
    public static let keysTable = "hecha_roster_keys"

    /// The schema written in `table:` (nil: the session's current schema) and the table's name.
    public var schemaAndName: (schema: String?, name: String) {
        let parts = source.table.split(separator: ".").map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : (nil, parts[0])
    }

    /// The table as a quoted SQL name (`"ods"."vehicle_register"`).
    public var quotedTable: String {
        let (schema, name) = schemaAndName
        return (schema.map { IDNumberSQL.quoted($0) + "." } ?? "") + IDNumberSQL.quoted(name)
    }

    private var schemaCondition: String {
        schemaAndName.schema.map { "table_schema = \(IDNumberSQL.literal($0))" } ?? "table_schema = current_schema()"
    }

    /// The table's columns in order (empty when there is no such table).
    public var columnsSQL: String {
        "SELECT column_name FROM information_schema.columns WHERE \(schemaCondition) AND table_name = \(IDNumberSQL.literal(schemaAndName.name)) ORDER BY ordinal_position"
    }

    /// The tables of the schema, for the message when the table is missing.
    public var tablesSQL: String {
        "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE \(schemaCondition) ORDER BY 1"
    }

    /// The server's version text.
    public static let versionSQL = "SELECT version()"

    /// The number of rows in the table.
    public var countSQL: String { "SELECT CAST(count(*) AS text) FROM \(quotedTable)" }

    /// The temporary table of keys; Greenplum and DWS spread it by the id, as they will the join.
    public var createKeysSQL: String {
        "CREATE TEMPORARY TABLE \(Self.keysTable) (id text)" + (source.engine.distributesTables ? " DISTRIBUTED BY (id)" : "")
    }

    /// Statistics on the keys, so that the planner sees how few they are against the table.
    public static let analyzeKeysSQL = "ANALYZE \(keysTable)"

    /// The table's column for the export header `header` (the `columns:` rename, else the same name).
    public func tableColumn(for header: String) -> String { source.columns[header] ?? header }

    /// The export header for the table's column `column` (the inverse of ``tableColumn(for:)``).
    public func header(for column: String) -> String {
        source.columns.first(where: { $0.value == column })?.key ?? column
    }

    /// What names a row in rejects and orders the fetched rows: the `key:` column, else `ctid`.
    public var rowName: String { source.key ?? "ctid" }

    /// The rows of the table whose id in `idColumn` is on the roster, or cannot be normalised (the
    /// connector then rejects or matches them itself, as it would a CSV row), with every column in
    /// `columns` as text, after the row's name (its `key:` column, else its ctid) and before its
    /// normalised id.
    public func matchedSQL(columns: [String], idColumn: String) -> String {
        let name = source.key.map { "t." + IDNumberSQL.quoted($0) } ?? "t.ctid"
        let carried = [(expression: "CAST(\(name) AS text)", alias: "hecha_row")]
            + columns.enumerated().map { (expression: "CAST(t.\(IDNumberSQL.quoted($0.element)) AS text)", alias: "c\($0.offset + 1)") }
        let normalised = IDNumberSQL.select(carrying: carried, idColumn: "CAST(t.\(IDNumberSQL.quoted(idColumn)) AS text)",
                                            from: "\(quotedTable) t", fenced: source.engine != .citus)
        let names = carried.map { "r." + $0.alias }.joined(separator: ", ")
        return "SELECT \(names), r.hecha_id FROM (\(normalised)) r LEFT JOIN \(Self.keysTable) k ON k.id = r.hecha_id "
            + "WHERE k.id IS NOT NULL OR r.hecha_id IS NULL"
    }
}
