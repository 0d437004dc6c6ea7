/// The one way the ledger's operations run SQL, inside a transaction of ``LedgerDatabase``,
/// whatever the backend: each statement is written once, with `?` for its arguments (rewritten to
/// `$1`, `$2`… for PostgreSQL), double-quoted identifiers where a name is reserved in PostgreSQL
/// (`"user"`), and only SQL both SQLite and PostgreSQL accept (`RETURNING`, `COALESCE`, `substr`,
/// `length`, `LIMIT … OFFSET`).
protocol LedgerSQL {
    /// Runs one statement for its effect.
    func execute(_ sql: String, _ arguments: [any LedgerArgument]) throws
    /// The rows of one statement.
    func rows(_ sql: String, _ arguments: [any LedgerArgument]) throws -> [LedgerRow]
}

extension LedgerSQL {
    /// Runs one statement without arguments for its effect.
    func execute(_ sql: String) throws { try execute(sql, []) }

    /// The first row of a statement, if any.
    func row(_ sql: String, _ arguments: [any LedgerArgument] = []) throws -> LedgerRow? {
        try rows(sql, arguments).first
    }

    /// The first column of the first row, if there is a row.
    func value<T: LedgerColumnValue>(_ sql: String, _ arguments: [any LedgerArgument] = []) throws -> T? {
        guard let r = try rows(sql, arguments).first else { return nil }
        return try r.first() as T
    }

    /// The first column of every row.
    func values<T: LedgerColumnValue>(_ sql: String, _ arguments: [any LedgerArgument] = []) throws -> [T] {
        try rows(sql, arguments).map { r throws(LedgerError) in try r.first() as T }
    }
}
