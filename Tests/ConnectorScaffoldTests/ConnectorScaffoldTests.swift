import ConnectorScaffold
import Foundation
import Testing

/// What `swift package new-connector NAME` writes, checked on its generator.
struct ConnectorScaffoldTests {
    /// The repository's root, found from this file's location.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ relative: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(relative), encoding: .utf8)
    }

    @Test func namesFollowTheConventions() throws {
        let s = try ConnectorScaffold(name: "DisabilityRegistry")
        #expect([s.typeName, s.id, s.collection, s.exportFile]
                == ["DisabilityRegistryConnector", "disability-registry", "disability_registry_records", "disability-registry.csv"])
        #expect(try ConnectorScaffold(name: "HousingConnector").name == "Housing")
        #expect(s.files.map(\.path) == [
            "connectors/DisabilityRegistry/DisabilityRegistryConnector.swift",
            "Tests/ConnectorsTests/DisabilityRegistryTests.swift",
            "Tests/ConnectorsTests/Fixtures/disability-registry/disability-registry.csv",
        ])
    }

    @Test(arguments: ["housing", "Hou-sing", "住房", ""])
    func aNameThatIsNotATypeNameIsRefusedWithAHint(name: String) {
        #expect { try ConnectorScaffold(name: name) } throws: { error in
            "\(error)".contains("is not a connector name; hint: write it in UpperCamelCase ASCII")
        }
    }

    @Test func registersInThePackageManifest() throws {
        let manifest = try Self.read("Package.swift")
        let s = try ConnectorScaffold(name: "Housing")
        let changed = try s.registering(inPackage: manifest)
        // one line at the end of the list, whatever the list holds (the scaffold check in CI adds one)
        let line = "    (\"HousingConnector\", \"Housing\"),\n"
        #expect(changed.contains(line + "]\n"))
        #expect(changed.replacingOccurrences(of: line, with: "") == manifest)
        #expect { try s.registering(inPackage: changed) } throws: { "\($0)".contains("already in the connectors list") }
        #expect { try s.registering(inPackage: "let package = Package(name: \"X\")\n") } throws: {
            "\($0)".hasPrefix("Package.swift: error: cannot find") && "\($0)".contains("add the line yourself")
        }
    }

    @Test func registersInTheBuiltInList() throws {
        let builtIns = try Self.read("Sources/BuiltInConnectors/BuiltInConnectors.swift")
        let changed = try ConnectorScaffold(name: "Housing").registering(inBuiltIns: builtIns)
        let imports = changed.split(separator: "\n").filter { $0.hasPrefix("import ") }
        #expect(imports == imports.sorted())
        #expect(imports.contains("import HousingConnector"))
        let entry = "        HousingConnector.self,\n"
        #expect(changed.contains(entry + "    ]\n"))
        #expect(changed.replacingOccurrences(of: entry, with: "").replacingOccurrences(of: "import HousingConnector\n", with: "") == builtIns)
        #expect { try ConnectorScaffold(name: "Housing").registering(inBuiltIns: changed) } throws: { "\($0)".contains("already imported") }
    }

    @Test func theConnectorNamesEachColumnOnceAndTheTestsRunTheConformanceSuite() throws {
        let s = try ConnectorScaffold(name: "Housing")
        let connector = try #require(s.files.first { $0.path.hasSuffix("HousingConnector.swift") }).text
        #expect(connector.contains("public struct HousingConnector: Connector {"))
        #expect(connector.contains("public static let id = \"housing\""))
        #expect(connector.contains("collection: \"housing_records\")]"))
        for column in ["身份证号", "姓名", "金额", "日期"] {
            #expect(connector.components(separatedBy: "column: \"\(column)\"").count == 2, "\(column) is written once")
        }
        let tests = try #require(s.files.first { $0.path.hasSuffix("HousingTests.swift") }).text
        #expect(tests.contains("ConnectorConformance(HousingConnector.self, fixture: Fixtures.root + \"/housing\""))
        #expect(tests.contains("import HousingConnector"))
    }

    @Test func theFixtureHasMessyRows() throws {
        let fixture = try #require(try ConnectorScaffold(name: "Housing").files.last).text
        let rows = fixture.split(separator: "\n")
        #expect(rows.first == "身份证号,姓名,金额,日期,备注")
        #expect(rows.count == 7)
        // a check digit that is wrong, an amount with three decimals, an exact duplicate
        #expect(rows.contains { $0.hasPrefix("441900198001011236,") })
        #expect(rows.contains { $0.contains(",12.345,") })
        #expect(Set(rows).count == rows.count - 1)
    }
}
