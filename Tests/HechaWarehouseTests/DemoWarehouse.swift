import BuiltInConnectors
import ConnectorKit
import Foundation
import HechaCore
import HechaGenerator
import HechaHost
import Testing
import TestSupport

/// The demo region (`hecha generate --preset demo`) written into a temporary folder, its CSV
/// agency files loaded into tables of the test server (columns named as the export's headers,
/// text), and a second region file whose sources are those tables.
struct DemoWarehouse {
    /// The sources moved to the warehouse: every CSV source but the roster's. (banking's JSON Lines stay files.)
    static let moved: [(id: String, folder: String, file: String, encoding: TextEncoding)] = [
        ("public-security", "public-security", "死亡人员.csv", .gb18030),
        ("vehicle-registry", "vehicles", "机动车登记.csv", .utf8),
        ("real-estate", "real-estate", "不动产登记.csv", .utf8),
        ("market-regulation", "market-regulation", "市场主体.csv", .utf8),
        ("income", "income", "收入明细.csv", .utf8),
        ("officials", "officials", "财政供养人员.csv", .utf8),
        ("agri-subsidy", "agri-subsidy", "惠农补贴.csv", .utf8),
    ]
    static let schema = "hecha_demo"
    static let registry = ConnectorRegistry(BuiltInConnectors.all)

    let dir: String
    /// Per moved source, the lines of its file whose records a table cannot hold (a wrong number of fields).
    var notLoadable: [String: Set<Int>] = [:]

    /// The table of source `id`.
    static func table(_ id: String) -> String { schema + "." + id.replacingOccurrences(of: "-", with: "_") }

    /// Generates the demo and loads its CSV sources into the test server.
    static func make() async throws -> DemoWarehouse {
        let dir = TestRepository.temporaryDirectory()
        _ = try RegionGenerator.generate(GeneratorPreset.demo.options(output: dir + "/demo"))
        let regionText = try String(contentsOfFile: TestRepository.path("rulesets/regions/demo.yaml"), encoding: .utf8)
        try regionText.write(toFile: dir + "/files.yaml", atomically: true, encoding: .utf8)
        var warehouseText = regionText
        var demo = DemoWarehouse(dir: dir)
        let db = try await TestWarehouse.connect()
        do {
            try await db.rows("CREATE SCHEMA IF NOT EXISTS \(schema)")
            for s in moved {
                let reader = try CSVReader(path: "\(dir)/demo/data/\(s.folder)/\(s.file)", displayPath: s.file, encoding: s.encoding)
                guard let header = try reader.next()?.fields.map(FieldText.trimmed) else { throw TestWarehouseError("\(s.file) is empty") }
                var rows: [[String?]] = []
                while let record = try reader.next() {
                    if record.problem != nil || record.fields.count != header.count {
                        demo.notLoadable[s.id, default: []].insert(record.line)
                    } else {
                        rows.append(record.fields)
                    }
                }
                try await db.load(table(s.id), columns: header, rows: rows)
                let old = regionText.split(separator: "\n").first { $0.hasPrefix("  \(s.id): {path: demo/data/\(s.folder)") }!
                warehouseText = warehouseText.replacingOccurrences(
                    of: String(old), with: "  \(s.id): {database: \(TestPostgres.url!), table: \(table(s.id))}")
            }
        } catch {
            await db.close()
            throw error
        }
        await db.close()
        try warehouseText.write(toFile: dir + "/warehouse.yaml", atomically: true, encoding: .utf8)
        return demo
    }

    /// Runs one of the region files (`files` or `warehouse`) into its own output folder.
    func run(_ name: String) throws -> RunOutcome {
        try RegionRun(registry: Self.registry).run(RunRequest(regionFile: "\(dir)/\(name).yaml", outputDirectory: "\(dir)/out-\(name)",
                                                             rulesetsDirectory: TestRepository.path("rulesets")))
    }

    /// A region file like the warehouse one with `edit` applied, run.
    func run(editing edit: (String) -> String) throws -> RunOutcome {
        let text = try String(contentsOfFile: dir + "/warehouse.yaml", encoding: .utf8)
        let name = "edited-\(UUID().uuidString)"
        try edit(text).write(toFile: "\(dir)/\(name).yaml", atomically: true, encoding: .utf8)
        return try run(name)
    }

    /// Runs the warehouse region with the vehicle register's entry `table: <its table>}` changed to
    /// `table: <entry>}` and expects the run to fail with `code` and a message holding every one of
    /// `parts`.
    func expectFailure(vehicleEntry entry: String, code: HechaExitCode, containing parts: [String],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let table = Self.table("vehicle-registry")
        do {
            _ = try run(editing: { $0.replacingOccurrences(of: "table: \(table)}", with: "table: \(entry)}") })
            Issue.record("the run with 'table: \(entry)' did not fail", sourceLocation: sourceLocation)
        } catch let e as HostError {
            #expect(e.code == code, "\(e.message)", sourceLocation: sourceLocation)
            for part in parts { #expect(e.message.contains(part), "\(e.message)", sourceLocation: sourceLocation) }
        } catch {
            Issue.record("not a HostError: \(error)", sourceLocation: sourceLocation)
        }
    }
}
