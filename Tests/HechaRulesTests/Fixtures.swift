import Foundation
import HechaCore
@testable import HechaRules

/// A small world for rule-language tests: a vehicle fact type and a payment fact type, the real
/// national ruleset, and region files written to a temporary folder.
enum Fixtures {
    static let vehicle = RecordSchema(name: "vehicle", title: "机动车", fields: [
        FieldSchema("type", .string), FieldSchema("status", .string), FieldSchema("price", .number, optional: true),
    ])
    static let payment = RecordSchema(name: "payment", title: "发放记录", fields: [
        FieldSchema("household", .string), FieldSchema("month", .month), FieldSchema("amount", .number),
    ])
    static let catalog = FactCatalog(facts: [
        ("vehicle-registry", FactSchema(record: vehicle, key: .person, collection: "vehicles")),
        ("civil-affairs", FactSchema(record: payment, key: .household, collection: "payments")),
    ])

    /// The repository's `rulesets/` folder.
    static let rulesets: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("rulesets/national.yaml")
            if FileManager.default.fileExists(atPath: candidate.path) { return url.appendingPathComponent("rulesets").path }
        }
        return "rulesets"
    }()

    /// One folder for this test process, removed when the process exits.
    static let scratch: String = {
        let dir = NSTemporaryDirectory() + "hecha-rules-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Fixtures.scratch) }
        return dir
    }()

    /// Writes `text` as `name` in a new temporary folder and returns its path.
    static func file(_ name: String, _ text: String) -> String {
        let dir = scratch + "/" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A region with only a base ruleset of its own (no national rules) and the given rules text.
    static let header = """
        as_of: 2024-12-31
        audit_window: {from: 2024-01, to: 2024-12}
        parameters:
          limit: {type: number, default: 100}
          standard: {type: number, default: [{from: 2024-01-01, value: 800}, {from: 2024-07-01, value: 850}]}
          table: {type: "{number}", default: {A: 1, B: 3}}
          kinds: {type: "[string]", default: [x, y]}
          unset: {type: number}

        """

    static func load(_ text: String) throws(DiagnosticList) -> LoadedRegion {
        let path = file("region.yaml", text)
        return try RegionLoader(rulesetsDirectory: rulesets, catalog: catalog).load(regionPath: path)
    }

    /// The error messages of loading `text`, with the temporary folder replaced by `region.yaml`.
    static func errors(_ text: String) -> [String] {
        let path = file("region.yaml", text)
        do {
            _ = try RegionLoader(rulesetsDirectory: rulesets, catalog: catalog).load(regionPath: path)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: path, with: "region.yaml") }
        }
    }

    /// One active household H1 with one member P1: every field a plain default.
    static func oneHouseholdRoster() -> Roster {
        var fields = RosterSchema.household.fields.map { f -> Value in
            switch f.type {
            case .number: return .number(Exact(300))
            case .date: return .date(Day(iso: "2024-03-15")!)
            default: return .string(f.name == "status" ? "在保" : "A")
            }
        }
        fields[RosterSchema.household.index(of: "village")!] = .unknown
        let household = Record(schema: RosterSchema.household, fields: fields, source: nil)
        let member = Record(schema: RosterSchema.member, fields: RosterSchema.member.fields.map { f in
            f.type == .bool ? .bool(true) : (f.optional ? .unknown : .string("P1"))
        }, source: nil)
        return Roster(households: [RosterHousehold(id: "H1", record: household, members: [RosterMember(personID: "P1", record: member)])])
    }
}
