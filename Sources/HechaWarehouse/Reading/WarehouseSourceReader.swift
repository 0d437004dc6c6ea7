import ConnectorKit
import Foundation
import HechaCore
import HechaPostgres
import HechaReports
import HechaRules

/// Reads a source kept as a warehouse table: sends the roster's normalised ids to a temporary
/// table, lets the warehouse join its table to them on the id normalised in SQL
/// (``IDNumberSQL``), fetches only the rows that matched (and those whose id the SQL cannot
/// normalise), and hands them to the connector's own `read` as its CSV export. Every accessor
/// and every reject reason is the connector's; the counts and rejects then name the table.
public struct WarehouseSourceReader: Sendable {
    /// The region file's entry for the source (its ``SourceEntry/warehouse`` set).
    public let entry: SourceEntry
    /// The source's connector.
    public let connector: any Connector.Type

    /// A reader of `entry` with `connector`.
    public init(entry: SourceEntry, connector: any Connector.Type) {
        self.entry = entry
        self.connector = connector
    }

    /// Why `connector` cannot read a warehouse table, or nil: it must read one CSV export whose
    /// rows belong to persons, its facts' schemas naming the person's column
    /// (``RecordSchema/personKey``).
    public static func unsupported(_ connector: any Connector.Type) -> String? {
        if connector is any RosterConnector.Type { return "the roster's source is read from its files" }
        let files = connector.exportFiles
        guard files.count == 1, let file = files.first, file.hasSuffix(".csv"), personIDColumn(of: connector) != nil else {
            return "its connector does not read a single CSV export whose facts name the person's column"
        }
        return nil
    }

    /// The export column that holds the id of the person a row is about: the one person key of
    /// the connector's person-keyed fact schemas (nil when there is none, or several).
    static func personIDColumn(of connector: any Connector.Type) -> String? {
        let keys = Set(connector.factSchemas.filter { $0.key == .person }.compactMap { $0.record.personKey?.exportColumn })
        return keys.count == 1 ? keys.first : nil
    }

    /// Fetches the matched rows and runs the connector over them; counts and rejects go to
    /// `report` under the table's name. `personIDs`: the roster's valid normalised id numbers.
    public func read(personIDs: [String], index: PersonIndex, facts: FactStore, report: SourceReport) throws(Diagnostic) -> WarehouseFigures {
        guard let warehouse = entry.warehouse else { throw Diagnostic.error("source '\(entry.id)' is not in a warehouse") }
        if let problem = Self.unsupported(connector) {
            throw Diagnostic.error("source '\(entry.id)' cannot be a warehouse table: \(problem)", at: entry.declaredAt,
                                   hint: "give it a folder of export files (path:) instead")
        }
        let file = connector.exportFiles[0]
        let query = MatchedRowsQuery(source: warehouse)
        let keyHeader = Self.personIDColumn(of: connector)!
        let id = entry.id, keys = personIDs
        let headers = Set(connector.factSchemas.flatMap { $0.record.fields.compactMap(\.column) })
        let fetched: WarehouseFetch.Result
        do {
            fetched = try BlockingWait.run {
                try await WarehouseFetch(query: query, sourceID: id).run(keyHeader: keyHeader, headers: headers, keys: keys)
            }
        } catch let d as Diagnostic {
            throw d.located(at: entry.declaredAt)
        } catch {
            throw Diagnostic.error("reading the warehouse of source '\(id)' failed: \(error)", at: entry.declaredAt)
        }
        var rows = fetched.rows
        if warehouse.key == nil { rows.sortByCtid() } else { rows.sortByKey() }
        let folder = NSTemporaryDirectory() + "hecha-warehouse-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic.error("cannot make a temporary folder for the rows of source '\(id)': \(error.localizedDescription)",
                                   hint: "check the temporary folder (TMPDIR) is writable")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try rows.write(file, into: folder)
        let own = SourceReport(sourceID: id)
        let shownFile = warehouse.table + "/" + file
        let config = SourceConfig(id: id, path: folder, displayPath: warehouse.table, encoding: "utf-8", options: entry.options,
                                  declaredAt: entry.declaredAt)
        do {
            try connector.init().read(ReadRequest(source: config, index: index, facts: facts, report: own))
        } catch {
            throw error.naming(table: warehouse.table, for: shownFile, columns: fetched.columns)
        }
        let got = own.files.first.map { $0 } ?? FileCounts(file: shownFile)
        var counts = FileCounts(file: warehouse.table)
        counts.read = fetched.rowsInTable
        counts.accepted = got.accepted
        counts.rejected = got.rejected
        counts.duplicates = got.duplicates
        counts.unmatched = got.unmatched + (fetched.rowsInTable - rows.rows.count)
        let rejects = own.rejects.map { r in
            RejectedRow(file: "\(warehouse.table) \(query.rowName) \(names[r.line] ?? "?")", line: 0, reason: r.reason, raw: r.raw)
        }
        report.record(counts, rejects: rejects)
        return WarehouseFigures(
            database: warehouse.displayURL, table: warehouse.table, engine: warehouse.engine.rawValue,
            serverVersion: fetched.serverVersion, query: fetched.query, keysSent: keys.count, rowsInTable: fetched.rowsInTable,
            fetched: rows.rows.count, matched: fetched.matched, accepted: counts.accepted, rejected: counts.rejected,
            duplicates: counts.duplicates, unmatched: counts.unmatched)
    }
}

extension Diagnostic {
    /// The diagnostic at `location` when it has none of its own.
    func located(at location: SourceLocation) -> Diagnostic {
        var d = self
        if d.location == nil { d.location = location }
        return d
    }

    /// A diagnostic the connector raised about the fetched rows' file (`shown`), told of the table instead.
    func naming(table: String, for shown: String, columns: [String]) -> Diagnostic {
        guard location?.file == shown else { return self }
        var d = self
        d.location = SourceLocation(file: table, line: 0)
        d.hint = (hint.map { $0 + "; " } ?? "") + "the table's columns: \(columns.joined(separator: ", ")) (columns: renames them to the export's headers)"
        return d
    }
}
