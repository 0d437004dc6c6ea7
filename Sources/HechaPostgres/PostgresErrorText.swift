import PostgresNIO

/// postgres-nio's errors, worded for people: the server's own message and SQLSTATE when there is
/// one, else the client's error (a refused connection, a closed one).
public enum PostgresErrorText {
    /// The message of `error`, with its SQLSTATE in parentheses when the server sent one.
    public static func describe(_ error: any Error) -> String {
        if let e = error as? PSQLError {
            if let message = e.serverInfo?[.message] { return message + (e.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "") }
            return "\(e.code)"
        }
        return "\(error)"
    }

    /// The SQLSTATE the server sent with `error` (`55P03`, `28P01`…), if any.
    public static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }
}
