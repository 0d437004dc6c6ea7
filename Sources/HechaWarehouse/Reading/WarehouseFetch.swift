import HechaCore
import HechaRules

/// The warehouse side of a read: checks the table and its id column, counts its rows, sends the
/// roster's keys and fetches the matched rows, on one connection.
struct WarehouseFetch: Sendable {
    let query: MatchedRowsQuery
    let sourceID: String

    struct Result: Sendable {
        var columns: [String]
        var rows: FetchedRows
        var rowsInTable: Int
        var matched: Int
        var serverVersion: String
        var query: String
    }

    /// Reads the rows whose export column `keyHeader` holds an id in `keys` (or one the SQL cannot
    /// normalise). `headers` are the export columns the connector reads: a `key:` column that is
    /// not one of them names the rows but is left out of them, so that two rows the export would
    /// hold twice are still exact duplicates.
    func run(keyHeader: String, headers: Set<String>, keys: [String]) async throws(Diagnostic) -> Result {
        let session = try await WarehouseSession.open(query.source, sourceID: sourceID)
        do {
            let result = try await fetch(session, keyHeader: keyHeader, headers: headers, keys: keys)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }

    private func fetch(_ session: WarehouseSession, keyHeader: String, headers: Set<String>, keys: [String]) async throws(Diagnostic) -> Result {
        let table = query.source.table
        let version = try await session.rows(MatchedRowsQuery.versionSQL).first?.first.flatMap { $0 } ?? "unknown"
        let columns = try await session.rows(query.columnsSQL).compactMap { $0.first.flatMap { $0 } }
        if columns.isEmpty {
            let tables = try await session.rows(query.tablesSQL).compactMap { $0.first.flatMap { $0 } }
            let shown = tables.prefix(40).joined(separator: ", ") + (tables.count > 40 ? ", … (\(tables.count) in all)" : "")
            throw Diagnostic.error("no table '\(table)' in the warehouse of source '\(sourceID)' (\(query.source.displayURL))",
                                   hint: tables.isEmpty ? "the schema has no tables; check table: and the database in the URL"
                                                        : "tables found: \(shown)")
        }
        let idColumn = query.tableColumn(for: keyHeader)
        guard columns.contains(idColumn) else {
            let renamed = idColumn == keyHeader ? "" : " (renamed from '\(keyHeader)' by columns:)"
            throw Diagnostic.error("missing required column '\(idColumn)'\(renamed) in table \(table) of source '\(sourceID)'",
                                   at: SourceLocation(file: table, line: 0),
                                   hint: "columns found: \(columns.joined(separator: ", ")); name it in columns: (\(keyHeader): COLUMN) if it differs")
        }
        for (header, column) in query.source.columns.sorted(by: { $0.key < $1.key }) where !columns.contains(column) {
            throw Diagnostic.error("columns: of source '\(sourceID)' reads '\(header)' from column '\(column)', which table \(table) does not have",
                                   at: SourceLocation(file: table, line: 0), hint: "columns found: \(columns.joined(separator: ", "))")
        }
        if let key = query.source.key, !columns.contains(key) {
            throw Diagnostic.error("key: of source '\(sourceID)' names column '\(key)', which table \(table) does not have",
                                   at: SourceLocation(file: table, line: 0), hint: "columns found: \(columns.joined(separator: ", ")); or leave key: out to name rows by their ctid")
        }
        let count = try await session.rows(query.countSQL).first?.first.flatMap { $0 }.flatMap { Int($0) } ?? 0
        try await session.execute(query.createKeysSQL)
        try await session.copy(keys.map { $0 + "\n" }, into: MatchedRowsQuery.keysTable, column: "id")
        try await session.execute(MatchedRowsQuery.analyzeKeysSQL)
        // a column named as a header that columns: reads from another column is left out
        let selected = columns.filter { query.source.columns[$0] == nil || query.source.columns[$0] == $0 || query.source.columns.values.contains($0) }
            .filter { $0 != query.source.key || headers.contains(query.header(for: $0)) }
        let sql = query.matchedSQL(columns: selected, idColumn: idColumn)
        let fetched = try await session.rows(sql)
        var rows = FetchedRows(header: selected.map(query.header(for:)), rows: [])
        var matched = 0
        rows.rows.reserveCapacity(fetched.count)
        for r in fetched {
            // the row's name (ctid or key), the columns, the normalised id
            rows.rows.append((name: r[0] ?? "", values: Array(r[1..<(r.count - 1)])))
            if r[r.count - 1] != nil { matched += 1 }
        }
        return Result(columns: columns, rows: rows, rowsInTable: count, matched: matched, serverVersion: version, query: sql)
    }
}
