/// A `postgresql://USER@HOST[:PORT]/DATABASE` URL (also `postgres://`), as a warehouse source's
/// `database:` and the ledger's `--ledger` take it: no password (PGPASSWORD or a passfile), no options.
public struct PostgresURL: Sendable, Hashable {
    /// The user named before `@`.
    public var user: String
    /// The server's host name or address.
    public var host: String
    /// The server's port (5432 when the URL names none).
    public var port: Int
    /// The database after the `/`.
    public var database: String

    /// The URL as it is shown in messages.
    public var text: String { "postgresql://\(user)@\(host):\(port)/\(database)" }

    /// Whether `text` is meant as such a URL (it starts with `postgresql://` or `postgres://`).
    public static func looksLikeOne(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// The URL's parts, or what is wrong with it (`problem`) and what to write instead (`hint`).
    public static func parse(_ text: String) -> Result<PostgresURL, PostgresURLProblem> {
        switch WarehouseSourceKeys.parseURL(text) {
        case .success(let p): .success(PostgresURL(user: p.user, host: p.host, port: p.port, database: p.database))
        case .failure(let f): .failure(PostgresURLProblem(problem: f.text, hint: f.hint))
        }
    }
}

/// Why a `postgresql://` URL cannot be used: what is wrong (to follow "the URL …") and what to do.
public struct PostgresURLProblem: Error, Sendable {
    /// What is wrong, e.g. "must not hold a password".
    public var problem: String
    /// What to write instead.
    public var hint: String
}
