import Foundation

/// What `swift package new-connector NAME` writes for one more agency: a connector target with its
/// schema, a fixture with a messy row, its tests (the conformance suite included), and the lines
/// that register it in `Package.swift` and `Sources/BuiltInConnectors/BuiltInConnectors.swift`.
///
/// Pure text in, text out, so that what it writes is tested without running the plugin.
public struct ConnectorScaffold: Sendable {
    /// The agency's name in UpperCamelCase (`Housing`): the folder `connectors/Housing`, the target and
    /// type `HousingConnector`, the tests `HousingTests`.
    public let name: String

    /// Checks `name`: ASCII letters and digits, starting with an upper-case letter; a trailing
    /// `Connector` is dropped (`HousingConnector` is `Housing`).
    public init(name: String) throws(ScaffoldError) {
        var name = name
        if name.hasSuffix("Connector") && name != "Connector" { name.removeLast("Connector".count) }
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first),
              name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) })
        else {
            throw ScaffoldError("'\(name)' is not a connector name; hint: write it in UpperCamelCase ASCII, e.g. `swift package new-connector Housing`")
        }
        self.name = name
    }

    /// The target and the type: `HousingConnector`.
    public var typeName: String { name + "Connector" }

    /// The connector's id under `sources:` and its fixture folder: `housing`, `disability-registry`.
    public var id: String { words.joined(separator: "-") }

    /// The collection rules see (`member.housing_records`).
    public var collection: String { words.joined(separator: "_") + "_records" }

    /// The export file the connector reads.
    public var exportFile: String { id + ".csv" }

    /// `DisabilityRegistry` as `["disability", "registry"]`.
    var words: [String] {
        var words: [String] = []
        for ch in name {
            if ch.isUppercase || words.isEmpty { words.append(String(ch).lowercased()) } else { words[words.count - 1].append(ch) }
        }
        return words
    }

    /// The new files, by path relative to the package: none of them may exist yet.
    public var files: [(path: String, text: String)] {
        [
            ("connectors/\(name)/\(typeName).swift", ScaffoldTemplates.connector(self)),
            ("Tests/ConnectorsTests/\(name)Tests.swift", ScaffoldTemplates.tests(self)),
            ("Tests/ConnectorsTests/Fixtures/\(id)/\(exportFile)", ScaffoldTemplates.fixture),
        ]
    }

    /// The package manifest with the connector added at the end of its `connectors` list.
    public func registering(inPackage manifest: String) throws(ScaffoldError) -> String {
        let entry = "(\"\(typeName)\", \"\(name)\")"
        guard !manifest.contains(entry) else { throw ScaffoldError("Package.swift: error: \(typeName) is already in the connectors list") }
        return try Self.insert("    \(entry),\n", in: manifest, file: "Package.swift",
                               after: "let connectors: [(target: String, folder: String)] = [", before: "]\n")
    }

    /// `BuiltInConnectors.swift` with the connector's import and its type at the end of `all`.
    public func registering(inBuiltIns source: String) throws(ScaffoldError) -> String {
        let file = "Sources/BuiltInConnectors/BuiltInConnectors.swift"
        guard !source.contains("import \(typeName)\n") else { throw ScaffoldError("\(file): error: \(typeName) is already imported") }
        let listed = try Self.insert("        \(typeName).self,\n", in: source, file: file,
                                     after: "public static let all: [any Connector.Type] = [", before: "    ]\n")
        // the imports stay sorted
        var lines = listed.components(separatedBy: "\n")
        let imports = lines.prefix { $0.hasPrefix("import ") }
        lines.replaceSubrange(0..<imports.count, with: (imports + ["import \(typeName)"]).sorted())
        return lines.joined(separator: "\n")
    }

    /// `text` with `line` inserted just before the first `before` that follows `after`.
    static func insert(_ line: String, in text: String, file: String, after: String, before: String) throws(ScaffoldError) -> String {
        guard let start = text.range(of: after), let end = text.range(of: before, range: start.upperBound..<text.endIndex) else {
            throw ScaffoldError("\(file): error: cannot find `\(after)` … `\(before.trimmingCharacters(in: .newlines))` to register the connector in; hint: add the line yourself: \(line.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        var result = text
        result.insert(contentsOf: line, at: end.lowerBound)
        return result
    }
}

/// Why the scaffold cannot write a connector: a bad name, a file already there, a list not found.
public struct ScaffoldError: Error, CustomStringConvertible, Sendable {
    /// The message for people, with what to do.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
