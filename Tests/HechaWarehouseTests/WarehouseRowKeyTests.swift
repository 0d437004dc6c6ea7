import Foundation
import HechaHost
import TestSupport
import Testing

/// `key:` names a table's rows by its primary key instead of the ctid (which is unique only within
/// one segment or shard of Greenplum, DWS or Citus): rejects name the key, the rows are read in
/// its order, and a key column the connector does not read is left out of the rows.
extension DemoFromWarehouseTests {
    @Test func aKeyColumnNamesTheRowsInsteadOfTheCtid() async throws {
        let demo = try await Self.prepared.value
        // the vehicle register with a primary key that runs against the table's order
        let table = DemoWarehouse.table("vehicle-registry"), keyed = table + "_keyed"
        let db = try await TestWarehouse.connect()
        try await db.rows("DROP TABLE IF EXISTS \(keyed)")
        try await db.rows("CREATE TABLE \(keyed) AS SELECT 1000000 - CAST(row_number() OVER (ORDER BY ctid) AS integer) AS row_id, * FROM \(table)")
        await db.close()
        let plain = try demo.run("warehouse")
        let run = try demo.run(editing: { $0.replacingOccurrences(of: "table: \(table)}", with: "table: \(keyed), key: row_id}") })
        let p = try #require(plain.sources.first { $0.id == "vehicle-registry" }), k = try #require(run.sources.first { $0.id == "vehicle-registry" })
        #expect(Self.counts(k.total) == Self.counts(p.total))
        #expect(!k.rejects.isEmpty)
        for r in k.rejects { #expect(r.file.hasPrefix(keyed + " row_id ") && Int(r.file.dropFirst(keyed.count + 8)) != nil, "\(r.file)") }
        // the key column is left out of the rows (the connector does not read it): the same rows are
        // rejected, and exact duplicates are still duplicates
        #expect(k.rejects.map { [$0.reason, $0.raw] }.sorted { $0.lexicographicallyPrecedes($1) }
                == p.rejects.map { [$0.reason, $0.raw] }.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(try Self.withoutWarehouseLines(String(contentsOfFile: run.findingsFile, encoding: .utf8))
                == Self.withoutWarehouseLines(String(contentsOfFile: plain.findingsFile, encoding: .utf8)))
    }

    @Test func aKeyColumnTheTableLacksIsNamed() async throws {
        let demo = try await Self.prepared.value
        let table = DemoWarehouse.table("vehicle-registry")
        demo.expectFailure(vehicleEntry: "\(table), key: row_id", code: .data,
                           containing: ["key: of source 'vehicle-registry' names column 'row_id', which table \(table) does not have",
                                        "columns found: 号牌号码"])
    }
}
