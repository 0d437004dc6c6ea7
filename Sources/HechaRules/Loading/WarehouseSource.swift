/// Where a source's rows live when they are a table of a PostgreSQL-wire warehouse instead of a
/// folder of export files (`database:` and `table:` in its `sources:` entry; docs/warehouse.md).
public struct WarehouseSource: Sendable, Hashable {
    /// The user named in the URL (`postgresql://hecha@…`).
    public var user: String
    /// The server's host name or address.
    public var host: String
    /// The server's port (5432 unless the URL names one).
    public var port: Int
    /// The database named in the URL's path.
    public var database: String
    /// The table, as written (`ods.vehicle_register` or `vehicle_register`).
    public var table: String
    /// Renames where the warehouse's columns differ from the export's headers: export header →
    /// the table's column.
    public var columns: [String: String]
    /// The engine the SQL is written for (`engine:`; PostgreSQL when not written).
    public var engine: WarehouseEngine
    /// The table's column that names a row (`key:`, its primary key), in rejects and in the order
    /// the rows are read; nil: the row's `ctid`, which is unique only within one segment or shard
    /// of Greenplum, DWS or Citus.
    public var key: String?

    /// The URL as shown in messages and the manifest (it never holds a password).
    public var displayURL: String { "postgresql://\(user)@\(host):\(port)/\(database)" }

    /// A warehouse source as the region loader makes it.
    public init(user: String, host: String, port: Int, database: String, table: String,
                columns: [String: String] = [:], engine: WarehouseEngine = .postgresql, key: String? = nil) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.table = table
        self.columns = columns
        self.engine = engine
        self.key = key
    }
}
