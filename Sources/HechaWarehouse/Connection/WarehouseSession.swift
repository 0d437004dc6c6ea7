import HechaCore
import HechaPostgres
import HechaRules
import Logging
import NIOCore
import PostgresNIO

/// One connection to a source's warehouse, for the few statements a read sends. Every failure
/// becomes a ``Diagnostic`` naming the source and what to do.
struct WarehouseSession {
    let connection: PostgresConnection
    let source: WarehouseSource
    let sourceID: String
    let logger = Logger(label: "hecha.warehouse")

    /// Connects to `source`'s server with the password from PGPASSWORD or the passfile. GaussDB(DWS)
    /// and openGauss servers ask for md5 (or their sha256) authentication: postgres-nio answers md5
    /// and SCRAM-SHA-256 requests by itself, so nothing differs here by engine.
    static func open(_ source: WarehouseSource, sourceID: String) async throws(Diagnostic) -> WarehouseSession {
        let password = WarehousePassword.find(host: source.host, port: source.port, database: source.database, user: source.user)
        var configuration = PostgresConnection.Configuration(host: source.host, port: source.port, username: source.user,
                                                             password: password, database: source.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(30)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Logger(label: "hecha.warehouse"))
            return WarehouseSession(connection: connection, source: source, sourceID: sourceID)
        } catch {
            throw Diagnostic.error("cannot connect to the warehouse of source '\(sourceID)' at \(source.displayURL): \(PostgresErrorText.describe(error))",
                                   hint: password == nil
                                   ? "set PGPASSWORD or write the password in a passfile (~/.pgpass or PGPASSFILE); check the server is reachable"
                                   : "check the user, the password (PGPASSWORD or the passfile) and that the server is reachable")
        }
    }

    /// The rows of `sql`, every column decoded as text (NULL as nil).
    func rows(_ sql: String) async throws(Diagnostic) -> [[String?]] {
        var out: [[String?]] = []
        do {
            let sequence = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            for try await row in sequence {
                var values: [String?] = []
                values.reserveCapacity(row.count)
                for cell in row { values.append(try cell.decode(String?.self)) }
                out.append(values)
            }
        } catch {
            throw failure(error, sql: sql)
        }
        return out
    }

    /// Runs `sql` for its effect.
    func execute(_ sql: String) async throws(Diagnostic) {
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            throw failure(error, sql: sql)
        }
    }

    /// Sends `lines` (already in COPY's text format, each ending in a newline) into `table`'s `column`.
    func copy(_ lines: [String], into table: String, column: String) async throws(Diagnostic) {
        do {
            try await connection.copyFrom(table: table, columns: [column], logger: logger) { writer in
                var buffer = ByteBuffer()
                for line in lines {
                    buffer.writeString(line)
                    if buffer.readableBytes >= 1 << 16 {
                        try await writer.write(buffer)
                        buffer.clear()
                    }
                }
                if buffer.readableBytes > 0 { try await writer.write(buffer) }
            }
        } catch {
            throw failure(error, sql: "COPY \(table) (\(column)) FROM STDIN")
        }
    }

    func close() async { try? await connection.close() }

    private func failure(_ error: any Error, sql: String) -> Diagnostic {
        Diagnostic.error("the warehouse of source '\(sourceID)' (\(source.displayURL), table \(source.table)) refused a statement: \(PostgresErrorText.describe(error))",
                         hint: "the statement was: \(sql.count > 300 ? String(sql.prefix(300)) + " …" : sql)")
    }
}
