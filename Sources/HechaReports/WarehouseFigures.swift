/// What reading one source from a warehouse table did, for the manifest: the query sent and the
/// rows at each step. `rowsInTable = fetched + leftInWarehouse`, and the fetched rows are each
/// accepted, rejected, a duplicate or unmatched, as a file's rows are.
public struct WarehouseFigures: Sendable, Hashable {
    /// The database URL as written (never with a password).
    public var database: String
    /// The table, as written in `table:`.
    public var table: String
    /// The engine named by `engine:` (`postgresql` when not written).
    public var engine: String
    /// The server's `version()` text.
    public var serverVersion: String
    /// The query that joined the table to the roster's keys, as sent.
    public var query: String
    /// The roster's id numbers sent to the keys' temporary table.
    public var keysSent: Int
    /// Rows in the table (`count(*)`).
    public var rowsInTable: Int
    /// Rows the query sent back: those matched to a roster key, and those whose id the SQL could not normalise.
    public var fetched: Int
    /// Fetched rows whose normalised id is one of the roster's keys.
    public var matched: Int
    /// Fetched rows the connector kept as facts.
    public var accepted: Int
    /// Fetched rows the connector rejected (each in `rejects/`).
    public var rejected: Int
    /// Fetched rows that were exact duplicates of an earlier kept or rejected row.
    public var duplicates: Int
    /// Rows whose valid id is not on the roster: those left in the warehouse and those the connector found unmatched.
    public var unmatched: Int

    /// The figures as given.
    public init(database: String, table: String, engine: String, serverVersion: String, query: String, keysSent: Int,
                rowsInTable: Int, fetched: Int, matched: Int, accepted: Int, rejected: Int, duplicates: Int, unmatched: Int) {
        self.database = database
        self.table = table
        self.engine = engine
        self.serverVersion = serverVersion
        self.query = query
        self.keysSent = keysSent
        self.rowsInTable = rowsInTable
        self.fetched = fetched
        self.matched = matched
        self.accepted = accepted
        self.rejected = rejected
        self.duplicates = duplicates
        self.unmatched = unmatched
    }

    /// Whether every row of the table is accounted for exactly once.
    public var addsUp: Bool { rowsInTable == accepted + rejected + duplicates + unmatched && fetched <= rowsInTable }

    /// The manifest's `warehouse` object of the source.
    var json: PrettyJSON {
        .object([
            ("database", .string(database)), ("table", .string(table)), ("engine", .string(engine)),
            ("server_version", .string(serverVersion)), ("query", .string(query)), ("keys_sent", .int(keysSent)),
            ("rows_in_table", .int(rowsInTable)), ("fetched", .int(fetched)), ("matched", .int(matched)),
            ("accepted", .int(accepted)), ("rejected", .int(rejected)), ("duplicates", .int(duplicates)),
            ("unmatched", .int(unmatched)),
        ])
    }
}
