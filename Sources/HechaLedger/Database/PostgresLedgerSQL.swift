import HechaPostgres
import Logging
import PostgresNIO

/// The shared SQL on one PostgreSQL connection: `?` rewritten to `$1`, `$2`…, the arguments
/// bound as text, bigint or NULL, and each result cell read back as a ``LedgerValue`` (integers of
/// any width and booleans as integers, everything else as text). Each statement runs on
/// ``WarehouseExecutor`` while the calling thread waits.
struct PostgresLedgerSQL: LedgerSQL {
    let connection: PostgresConnection
    static let logger = Logger(label: "hecha.ledger")

    /// Runs the statement; its rows, if any, are read and dropped undecoded (`SELECT pg_advisory_xact_lock(…)` gives a `void`).
    func execute(_ sql: String, _ arguments: [any LedgerArgument]) throws {
        let query = PostgresLedgerSQL.query(sql, arguments)
        let connection = connection
        try BlockingWait.run {
            for try await _ in try await connection.query(query, logger: PostgresLedgerSQL.logger) {}
        }
    }

    func rows(_ sql: String, _ arguments: [any LedgerArgument]) throws -> [LedgerRow] {
        let query = PostgresLedgerSQL.query(sql, arguments)
        let connection = connection
        return try BlockingWait.run {
            var out: [LedgerRow] = []
            let sequence = try await connection.query(query, logger: PostgresLedgerSQL.logger)
            for try await row in sequence {
                var columns: [String] = [], cells: [LedgerValue] = []
                for cell in row {
                    columns.append(cell.columnName)
                    cells.append(try PostgresLedgerSQL.value(cell))
                }
                out.append(LedgerRow(columns: columns, values: cells))
            }
            return out
        }
    }

    /// The statement with numbered placeholders and its arguments bound.
    static func query(_ sql: String, _ arguments: [any LedgerArgument]) -> PostgresQuery {
        var binds = PostgresBindings(capacity: arguments.count)
        for a in arguments {
            switch a.ledgerValue {
            case .null: binds.appendNull()
            case .integer(let i): binds.append(i)
            case .text(let s): binds.append(s)
            }
        }
        return PostgresQuery(unsafeSQL: numbered(sql), binds: binds)
    }

    /// A result cell as the ledger reads it.
    static func value(_ cell: PostgresCell) throws -> LedgerValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }

    /// `sql` with each `?` outside quotes replaced by `$1`, `$2`… in order.
    static func numbered(_ sql: String) -> String {
        var out = "", n = 0, quote: Character?
        for c in sql {
            if let q = quote {
                if c == q { quote = nil }
                out.append(c)
            } else if c == "'" || c == "\"" {
                quote = c
                out.append(c)
            } else if c == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(c)
            }
        }
        return out
    }
}
