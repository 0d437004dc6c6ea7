import ConnectorKit
import HechaCore

/// The fixture folders next to these tests.
enum Fixtures {
    static let root = "/" + String(#filePath).split(separator: "/").dropLast().joined(separator: "/") + "/Fixtures"

    static func source(_ id: String, encoding: String? = nil) -> SourceConfig {
        SourceConfig(id: id, path: root + "/" + id, displayPath: "data/" + id, encoding: encoding)
    }

    /// Persons on the pretend roster of the agency connectors' tests.
    static let persons = ["441900198001011237", "441900198506152342", "44190020100301345X", "441900199009095679"]
    static let index = PersonIndex.matching(persons: persons)
}

extension FactStore {
    /// Every fact of `collection` as `key: record @line`, sorted by line.
    func lines(_ collection: String) -> [String] {
        self.collection(collection).flatMap { key, records in records.map { (key, $0) } }
            .sorted { $0.1.source!.line < $1.1.source!.line }
            .map { "\($0.0): \($0.1) @\($0.1.source!.line)" }
    }
}
