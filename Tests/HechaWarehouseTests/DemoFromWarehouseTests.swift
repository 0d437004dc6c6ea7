import ConnectorKit
import Foundation
import HechaCore
import HechaHost
import HechaReports
import TestSupport
import Testing

/// The key test of a warehouse source: the demo region run with its CSV agency sources in
/// PostgreSQL tables gives exactly the findings, counts and rejects of the run from the files,
/// and the manifest records the query and figures that add up. (The roster's files and banking's
/// JSON Lines stay files.)
@Suite(.serialized, .enabled(if: TestPostgres.enabled, "needs a PostgreSQL server in HECHA_TEST_POSTGRES_URL (.ci/run starts one)"))
struct DemoFromWarehouseTests {
    static let prepared: Task<DemoWarehouse, Error> = Task { try await DemoWarehouse.make() }

    static func counts(_ c: FileCounts) -> [Int] { [c.read, c.accepted, c.rejected, c.duplicates, c.unmatched] }

    /// findings.jsonl with the line of each evidence item of a moved source left out, one
    /// finding a line, keys sorted.
    static func withoutWarehouseLines(_ text: String) throws -> [String] {
        let moved = Set(DemoWarehouse.moved.map(\.id))
        return try text.split(separator: "\n").map { line in
            var o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            o["evidence"] = (o["evidence"] as! [[String: Any]]).map { e in
                var e = e
                if moved.contains(e["source"] as! String) { e["line"] = nil }
                return e
            }
            return String(decoding: try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self)
        }
    }

    @Test func theRunFromTheWarehouseEqualsTheRunFromTheFiles() async throws {
        let demo = try await Self.prepared.value
        let files = try demo.run("files"), warehouse = try demo.run("warehouse")
        let findingsFromFiles = try String(contentsOfFile: files.findingsFile, encoding: .utf8)
        let findingsFromWarehouse = try String(contentsOfFile: warehouse.findingsFile, encoding: .utf8)
        #expect(!files.evaluation.findings.isEmpty)
        // the same findings with the same ids; a warehouse row's evidence names the export's file
        // (so a lead keeps its id) but its line is the row's place among the fetched rows
        #expect(try Self.withoutWarehouseLines(findingsFromWarehouse) == Self.withoutWarehouseLines(findingsFromFiles))
        #expect(findingsFromWarehouse.split(separator: "\n").count == findingsFromFiles.split(separator: "\n").count)
        for s in DemoWarehouse.moved {
            let f = try #require(files.sources.first { $0.id == s.id }), w = try #require(warehouse.sources.first { $0.id == s.id })
            let skipped = demo.notLoadable[s.id] ?? []
            var expected = f.total
            expected.read -= skipped.count
            expected.rejected -= skipped.count
            #expect(Self.counts(w.total) == Self.counts(expected), "the counts of \(s.id)")
            let fileRejects = f.rejects.filter { !skipped.contains($0.line) }.map { [$0.reason, $0.raw] }
            #expect(w.rejects.map { [$0.reason, $0.raw] } == fileRejects, "the rejects of \(s.id)")
            for r in w.rejects { #expect(r.file.hasPrefix(DemoWarehouse.table(s.id) + " ctid (")) }
            let figures = try #require(w.warehouse)
            #expect(figures.addsUp && figures.rowsInTable == w.total.read)
            #expect(figures.fetched == figures.accepted + figures.rejected + figures.duplicates + (figures.unmatched - (figures.rowsInTable - figures.fetched)))
            #expect(figures.fetched <= figures.rowsInTable)
            if f.total.unmatched > skipped.count {
                #expect(figures.fetched < figures.rowsInTable, "\(s.id): only the roster's rows come back")
            }
            #expect(figures.serverVersion.contains("PostgreSQL") && figures.query.contains("hecha_roster_keys"))
        }
        #expect(warehouse.sources.map { Self.counts($0.total) } != [], "every source has counts")
        for (f, w) in zip(files.sources, warehouse.sources) where !DemoWarehouse.moved.contains(where: { $0.id == f.id }) {
            #expect(Self.counts(f.total) == Self.counts(w.total) && f.rejects == w.rejects, "\(f.id) is read from its files both times")
        }
    }

    @Test func theManifestRecordsTheTableTheQueryAndTheServer() async throws {
        let demo = try await Self.prepared.value
        let run = try demo.run("warehouse")
        let data = try Data(contentsOf: URL(fileURLWithPath: run.outputDirectory + "/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sources = try #require(manifest["sources"] as? [[String: Any]])
        let vehicles = try #require(sources.first { $0["id"] as? String == "vehicle-registry" })
        let w = try #require(vehicles["warehouse"] as? [String: Any])
        #expect(w["table"] as? String == DemoWarehouse.table("vehicle-registry"))
        #expect((w["query"] as? String)?.hasPrefix("SELECT ") == true)
        #expect((w["server_version"] as? String)?.contains("PostgreSQL") == true)
        let total = try #require(vehicles["total"] as? [String: Int])
        #expect(w["rows_in_table"] as? Int == total["read"])
        #expect(total["read"] == total["accepted"]! + total["rejected"]! + total["duplicates"]! + total["unmatched"]!)
        #expect(vehicles["files"] == nil, "a table has no file to hash")
    }

    @Test func aMissingTableIsNamedWithTheTablesFound() async throws {
        let demo = try await Self.prepared.value
        let table = DemoWarehouse.table("vehicle-registry")
        demo.expectFailure(vehicleEntry: "\(table)_2023", code: .data,
                           containing: ["no table '\(table)_2023' in the warehouse of source 'vehicle-registry'", "tables found:",
                                        DemoWarehouse.table("real-estate")])
    }

    @Test func aMissingIDColumnIsNamedWithTheColumnsFound() async throws {
        let demo = try await Self.prepared.value
        let table = DemoWarehouse.table("vehicle-registry")
        demo.expectFailure(vehicleEntry: "\(table), columns: {所有人证件号码: owner_no}", code: .data,
                           containing: ["missing required column 'owner_no' (renamed from '所有人证件号码' by columns:)", "columns found: 号牌号码"])
    }

    @Test func aRenameToAColumnTheTableLacksIsNamed() async throws {
        let demo = try await Self.prepared.value
        let table = DemoWarehouse.table("vehicle-registry")
        demo.expectFailure(vehicleEntry: "\(table), columns: {机动车状态: status}", code: .data,
                           containing: ["columns: of source 'vehicle-registry' reads '机动车状态' from column 'status', which table \(table) does not have",
                                        "columns found: 号牌号码"])
    }

    @Test func aMissingColumnTheConnectorRequiresNamesTheTable() async throws {
        let demo = try await Self.prepared.value
        let table = DemoWarehouse.table("vehicle-registry"), lacking = table + "_no_status"
        let db = try await TestWarehouse.connect()
        try await db.rows("DROP TABLE IF EXISTS \(lacking)")
        try await db.rows("CREATE TABLE \(lacking) AS SELECT * FROM \(table)")
        try await db.rows("ALTER TABLE \(lacking) DROP COLUMN \"机动车状态\"")
        await db.close()
        // the connector's own header check, told of the table and its columns
        demo.expectFailure(vehicleEntry: lacking, code: .data,
                           containing: ["\(lacking): error: missing required column '机动车状态'", "the table's columns: 号牌号码"])
    }
}

/// A source whose connector cannot be matched in a warehouse is refused before any data is read.
struct WarehouseSourceValidationTests {
    @Test func aJSONLinesSourceInAWarehouseIsAConfigurationError() throws {
        let dir = TestRepository.temporaryDirectory()
        let text = try String(contentsOfFile: TestRepository.path("rulesets/regions/demo.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "banking: {path: demo/data/banking}", with: "banking: {database: postgresql://hecha@127.0.0.1/gov, table: ods.accounts}")
        try text.write(toFile: dir + "/region.yaml", atomically: true, encoding: .utf8)
        #expect {
            try RegionRun(registry: DemoWarehouse.registry).validate(regionFile: dir + "/region.yaml", rulesetsDirectory: TestRepository.path("rulesets"))
        } throws: { error in
            let e = error as! HostError
            return e.code == .configuration && e.message.contains("source 'banking' cannot be a warehouse table")
                && e.message.contains("region.yaml:")
        }
    }
}
