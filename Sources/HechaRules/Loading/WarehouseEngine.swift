/// The PostgreSQL-derived engines a warehouse source may name with `engine:`.
public enum WarehouseEngine: String, Sendable, Hashable, CaseIterable {
    /// PostgreSQL itself (the default).
    case postgresql
    /// Greenplum: the keys' temporary table gets `DISTRIBUTED BY (id)`.
    case greenplum
    /// GaussDB(DWS): `DISTRIBUTED BY (id)`, and md5 authentication.
    case dws
    /// openGauss: md5 authentication.
    case opengauss
    /// Citus: plain PostgreSQL SQL.
    case citus

    /// Whether the engine spreads a table over segments by a declared column.
    public var distributesTables: Bool { self == .greenplum || self == .dws }
}
