import Foundation
import HechaCore
import HechaRules
import Logging
import NIOCore
import PostgresNIO
import TestSupport
import HechaPostgres
@testable import HechaWarehouse

/// A connection to the test server (``TestPostgres``) for setting up tables, and the
/// ``WarehouseSource`` of a table there.
struct TestWarehouse {
    let connection: PostgresConnection
    static let logger = Logger(label: "hecha.tests.warehouse")

    /// Connects to the test server, or throws naming what is missing.
    static func connect() async throws -> TestWarehouse {
        guard let p = TestPostgres.parts else { throw TestWarehouseError("HECHA_TEST_POSTGRES_URL is not set: \(TestPostgres.skipReason)") }
        let password = WarehousePassword.find(host: p.host, port: p.port, database: p.database, user: p.user)
        let configuration = PostgresConnection.Configuration(host: p.host, port: p.port, username: p.user, password: password,
                                                             database: p.database, tls: .disable)
        return TestWarehouse(connection: try await PostgresConnection.connect(configuration: configuration, id: 9, logger: logger))
    }

    /// A warehouse source for `table` on the test server.
    static func source(table: String, columns: [String: String] = [:]) throws -> WarehouseSource {
        guard let p = TestPostgres.parts else { throw TestWarehouseError("HECHA_TEST_POSTGRES_URL is not set") }
        return WarehouseSource(user: p.user, host: p.host, port: p.port, database: p.database, table: table, columns: columns)
    }

    /// Runs `sql`, returning every column of every row as text.
    @discardableResult
    func rows(_ sql: String) async throws -> [[String?]] {
        var out: [[String?]] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger) {
            out.append(try row.map { try $0.decode(String?.self) })
        }
        return out
    }

    /// Creates `table` (dropping one of that name) with text columns `columns`, filled with `rows`.
    func load(_ table: String, columns: [String], rows: [[String?]]) async throws {
        try await self.rows("DROP TABLE IF EXISTS \(table)")
        let defs = columns.map { IDNumberSQL.quoted($0) + " text" }.joined(separator: ", ")
        try await self.rows("CREATE TABLE \(table) (\(defs))")
        guard !rows.isEmpty else { return }
        let name = table.split(separator: ".").last.map(String.init) ?? table
        let schema = table.contains(".") ? String(table.split(separator: ".")[0]) : nil
        // postgres-nio quotes the table name as one identifier: a schema-qualified table goes through the search path
        if let schema { try await self.rows("SET search_path TO \(schema), public") }
        try await connection.copyFrom(table: name, columns: columns, logger: Self.logger) { writer in
            var buffer = ByteBuffer()
            for row in rows {
                buffer.writeString(row.map { $0.map(Self.copyText) ?? "\\N" }.joined(separator: "\t") + "\n")
            }
            try await writer.write(buffer)
        }
        if schema != nil { try await self.rows("SET search_path TO public") }
    }

    /// A value in COPY's text format.
    static func copyText(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    func close() async { try? await connection.close() }
}

struct TestWarehouseError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
