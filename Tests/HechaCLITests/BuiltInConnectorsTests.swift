import Foundation
import HechaCLI
import Testing

/// The one list of connectors stays complete: every target under `connectors/` is registered.
struct BuiltInConnectorsTests {
    /// The repository's root, found from this file's location.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The connector folders: those under `connectors/` holding Swift code (the folder `X` is the target `XConnector`).
    static func connectorFolders() throws -> [String] {
        let root = repository.appendingPathComponent("connectors")
        return try FileManager.default.contentsOfDirectory(atPath: root.path).filter { name in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(name).path)) ?? []
            return files.contains { $0.hasSuffix(".swift") }
        }.sorted()
    }

    @Test func everyConnectorFolderIsBuiltIn() throws {
        let folders = try Self.connectorFolders()
        #expect(folders.count >= 9)
        let registered = Set(HechaCLI.builtInConnectors.map { String(describing: $0) })
        let missing = folders.map { $0 + "Connector" }.filter { !registered.contains($0) }
        #expect(missing == [], "add them to BuiltInConnectors.all in Sources/BuiltInConnectors/BuiltInConnectors.swift")
        #expect(HechaCLI.builtInConnectors.count == folders.count)
    }

    @Test func connectorIdsAreUnique() {
        let ids = HechaCLI.builtInConnectors.map { $0.id }
        #expect(Set(ids).count == ids.count, "\(ids)")
    }
}
