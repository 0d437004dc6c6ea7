import ConnectorKit
import Foundation
import HechaCLI
import HechaHost
import Testing

/// A connector that no list in this repository names, as a package of its own would add one.
struct ExtraAgencyConnector: Connector {
    static let id = "extra-agency"
    static let title = "另一部门"
    static let thing = RecordSchema(name: "thing", title: "另一部门记录", fields: [FieldSchema("id", .string, column: "身份证号")])
    static let factSchemas = [FactSchema(record: thing, key: .person, collection: "things")]

    init() {}

    func read(_ request: ReadRequest) throws(Diagnostic) {}
}

/// The commands read regions with the connectors given to `HechaCLI.main`, not with a list of their own.
struct CommandConnectorsTests {
    /// The demo region with one more source, `extra-agency`, copied to a scratch folder; its region file.
    static func regionWithExtraSource() throws -> String {
        let fm = FileManager.default
        let dir = NSTemporaryDirectory() + "hecha-cli-\(UUID().uuidString)"
        try fm.createDirectory(atPath: dir + "/extra", withIntermediateDirectories: true)
        let regions = BuiltInConnectorsTests.repository.appendingPathComponent("rulesets/regions").path
        try fm.copyItem(atPath: regions + "/demo", toPath: dir + "/demo")
        let text = try String(contentsOfFile: regions + "/demo.yaml", encoding: .utf8)
        try (text + "  extra-agency: {path: extra}\n").write(toFile: dir + "/region.yaml", atomically: true, encoding: .utf8)
        return dir + "/region.yaml"
    }

    @Test func commandsReadRegionsWithTheConnectorsPassedIn() async throws {
        let region = try Self.regionWithExtraSource()
        defer { try? FileManager.default.removeItem(atPath: (region as NSString).deletingLastPathComponent) }
        let arguments = ["validate", "--region", region, "--rulesets", BuiltInConnectorsTests.repository.appendingPathComponent("rulesets").path]
        #expect(await HechaCLI.run(arguments, connectors: HechaCLI.builtInConnectors + [ExtraAgencyConnector.self]) == 0)
        // the same region with the built-in connectors alone names a connector that is not there
        #expect(await HechaCLI.run(arguments, connectors: HechaCLI.builtInConnectors) == 2)
    }

    @Test func aBadCommandLineIsAnErrorNotACrash() async {
        #expect(await HechaCLI.run(["validate", "--no-such-option"], connectors: HechaCLI.builtInConnectors) == 64)
    }
}
