import ConnectorKit
import Foundation

/// Proves that a connector handles the messiness every agency export has, from one good fixture.
///
/// Give it a folder holding every file the connector reads — well-formed CSV (every row with as
/// many fields as the header), in the connector's default encoding, ideally with some rows that
/// match the roster, some that do not and some with bad values. The checker derives every variant
/// itself, in temporary folders, and runs the connector on each:
///
/// - **baseline**: the fixture as it is; every file's counts add up
///   (read = accepted + rejected + duplicates + unmatched), and every fixture file is counted;
/// - **columns in any order, extra columns ignored**: each file's columns reversed, with an extra
///   column (`核查备注`, some values quoted with commas) in the middle — same facts, counts, rejects;
/// - **CRLF line ends** — same result;
/// - **a missing required column**: each column not in `optionalColumns` dropped in turn — a
///   diagnostic `fixture/<file>:1: error: missing required column '<column>'` whose hint lists the
///   columns found; dropping an optional column still reads;
/// - **malformed rows**: three rows appended to each file (wrong field count, characters after a
///   closing quote, an unterminated quote) — each rejected with its file, line and reason, while
///   everything else reads as before;
/// - **exact duplicate rows**: every data row of a file appended again — counted as duplicates
///   (or unmatched again, for unmatched rows), nothing else changes;
/// - **encodings**: the fixture rewritten in each of `encodings` (UTF-8 also with a byte-order mark)
///   and read with the matching `encoding:` — same result; and, when the connector supports both,
///   a GB18030 file read as UTF-8 is a diagnostic that hints at `encoding:`.
///
/// ```swift
/// @Test func conformance() {
///     let check = ConnectorConformance(VehicleRegistryConnector.self, fixture: folder,
///                                      index: .matching(persons: ["441900198001011237"]))
///     #expect(check.failures() == [])
/// }
/// ```
public struct ConnectorConformance {
    /// The connector under test.
    public var connector: any Connector.Type
    /// The folder with the good fixture files.
    public var fixture: String
    /// The encoding the fixture files are written in (the connector's default encoding).
    public var fixtureEncoding: TextEncoding
    /// Columns that may be missing from a header (all others must be required).
    public var optionalColumns: Set<String>
    /// The encodings the connector must read when a source names them.
    public var encodings: [TextEncoding]
    /// The roster's index, for a connector that is not a roster connector.
    public var index: PersonIndex?

    /// A check of `connector` against the good files in `fixture`.
    public init(_ connector: any Connector.Type, fixture: String, fixtureEncoding: TextEncoding = .utf8,
                optionalColumns: Set<String> = [], encodings: [TextEncoding] = [.utf8, .gb18030], index: PersonIndex? = nil) {
        self.connector = connector
        self.fixture = fixture
        self.fixtureEncoding = fixtureEncoding
        self.optionalColumns = optionalColumns
        self.encodings = encodings
        self.index = index
    }

    /// The display path the temporary folders are given in messages and counts.
    public static let displayFolder = "fixture"

    /// Runs every check; returns what failed (empty when the connector conforms).
    public func failures() -> [String] {
        do { return try check() } catch { return ["setup: \(error)"] }
    }

    private func check() throws -> [String] {
        var failures: [String] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture).filter { $0.hasSuffix(".csv") }.sorted()
        guard !names.isEmpty else { return ["the fixture folder \(fixture) has no .csv files"] }
        var files: [String: FixtureFile] = [:]
        for name in names { files[name] = try FixtureFile(path: fixture + "/" + name, name: name, encoding: fixtureEncoding) }

        // Baseline.
        let baselineFolder = try Scratch(files: files.mapValues { try TextDecoding.encode($0.text(), as: fixtureEncoding) })
        let baseline: ConnectorRun
        switch run(baselineFolder, encoding: nil) {
        case .failure(let d): return ["baseline: the good fixture does not read: \(d)"]
        case .success(let r): baseline = r
        }
        for name in names {
            let shown = Self.displayFolder + "/" + name
            guard let c = baseline.counts[shown] else { failures.append("baseline: no counts reported for \(shown)"); continue }
            if !c.addsUp { failures.append("baseline: counts of \(shown) do not add up: \(describe(c))") }
            if c.read != files[name]!.rows.count { failures.append("baseline: \(shown) has \(files[name]!.rows.count) data rows, \(c.read) counted as read") }
        }
        if baseline.counts.values.reduce(0, { $0 + $1.accepted }) == 0 { failures.append("baseline: no row of the fixture was accepted; the checks prove little") }

        func expectSame(_ label: String, _ variant: [String: String], encoding: TextEncoding? = nil, bom: Bool = false,
                        expected: ConnectorRun? = nil) throws {
            let enc = encoding ?? fixtureEncoding
            let folder = try Scratch(files: variant.mapValues { try TextDecoding.encode($0, as: enc, bom: bom) })
            switch run(folder, encoding: encoding?.rawValue) {
            case .failure(let d): failures.append("\(label): \(d)")
            case .success(let r):
                failures += (expected ?? baseline).differences(from: r).map { "\(label): \($0)" }
                for c in r.counts.values where !c.addsUp { failures.append("\(label): counts of \(c.file) do not add up: \(describe(c))") }
            }
        }
        func texts(_ change: (String, FixtureFile) -> String) -> [String: String] {
            Dictionary(uniqueKeysWithValues: files.map { ($0.key, change($0.key, $0.value)) })
        }

        // Columns in any order, extra columns ignored.
        try expectSame("columns reversed with an extra column", texts { _, f in
            var order: [Int?] = f.header.indices.reversed().map { $0 }
            order.insert(nil, at: order.count / 2)
            return f.text(order: order)
        })
        try expectSame("CRLF line ends", texts { _, f in f.text(lineEnd: "\r\n") })

        // Encodings.
        for encoding in encodings {
            try expectSame("encoding \(encoding)", texts { _, f in f.text() }, encoding: encoding)
            if encoding == .utf8 { try expectSame("UTF-8 with a byte-order mark", texts { _, f in f.text() }, encoding: .utf8, bom: true) }
        }
        if encodings.contains(.utf8) && encodings.contains(.gb18030) {
            let folder = try Scratch(files: files.mapValues { try TextDecoding.encode($0.text(), as: .gb18030) })
            switch run(folder, encoding: "utf-8") {
            case .success: failures.append("GB18030 read as UTF-8: expected a diagnostic")
            case .failure(let d):
                if d.hint?.contains("encoding:") != true || d.location?.file.hasPrefix(Self.displayFolder + "/") != true {
                    failures.append("GB18030 read as UTF-8: the diagnostic should name the file and hint at `encoding:`: \(d)")
                }
            }
        }

        // A missing column.
        for name in names {
            let f = files[name]!
            for (i, column) in f.header.enumerated() {
                let order: [Int?] = f.header.indices.filter { $0 != i }.map { $0 }
                var variant = texts { _, g in g.text() }
                variant[name] = f.text(order: order)
                let folder = try Scratch(files: variant.mapValues { try TextDecoding.encode($0, as: fixtureEncoding) })
                let label = "without column '\(column)' of \(name)"
                switch (run(folder, encoding: nil), optionalColumns.contains(column)) {
                case (.success, true): break
                case (.failure(let d), true): failures.append("\(label): it is optional, but reading failed: \(d)")
                case (.success, false): failures.append("\(label): expected the diagnostic \"missing required column '\(column)'\"; list it in optionalColumns if it may be missing")
                case (.failure(let d), false):
                    let remaining = order.map { f.header[$0!] }.joined(separator: ", ")
                    let location = SourceLocation(file: Self.displayFolder + "/" + name, line: 1)
                    if d.location != location || !d.message.hasPrefix("missing required column '\(column)'")
                        || d.hint != "columns found: \(remaining)" {
                        failures.append("\(label): expected \"\(location): error: missing required column '\(column)'\" with the hint \"columns found: \(remaining)\", got: \(d)")
                    }
                }
            }
        }

        // Malformed rows are rejected; the good rows still load.
        for name in names {
            let f = files[name]!
            let width = f.header.count
            let good = f.text()
            let tail = [
                "只有一个字段",
                "\"x\"y" + String(repeating: ",", count: width - 1),
                "\"unterminated" + String(repeating: ",", count: width - 1),
            ].joined(separator: "\n") + "\n"
            var variant = texts { _, g in g.text() }
            variant[name] = good + tail
            let line = f.rows.isEmpty ? 2 : goodLastLine(good) + 1
            var expected = baseline
            let shown = Self.displayFolder + "/" + name
            expected.counts[shown]?.read += 3
            expected.counts[shown]?.rejected += 3
            let added = [
                "\(shown):\(line): 字段数为 1，表头有 \(width) 列",
                "\(shown):\(line + 1): 第 1 个字段的结束引号后还有字符",
                "\(shown):\(line + 2): 引号未闭合：从第 \(line + 2) 行开始的带引号字段直到文件末尾都没有结束引号",
            ]
            expected.rejects = (expected.rejects + added).sorted()
            try expectSame("malformed rows appended to \(name)", variant, expected: expected)
        }

        // Exact duplicate rows count once.
        for name in names {
            let f = files[name]!
            var variant = texts { _, g in g.text() }
            variant[name] = f.text() + f.rowLines()
            var expected = baseline
            let shown = Self.displayFolder + "/" + name
            if let c = baseline.counts[shown] {
                expected.counts[shown]!.read = 2 * c.read
                expected.counts[shown]!.duplicates = c.accepted + c.rejected + 2 * c.duplicates
                expected.counts[shown]!.unmatched = 2 * c.unmatched
            }
            try expectSame("every row of \(name) twice", variant, expected: expected)
        }
        return failures
    }

    private func goodLastLine(_ text: String) -> Int { text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }

    private func run(_ folder: Scratch, encoding: String?) -> Result<ConnectorRun, Diagnostic> {
        let source = SourceConfig(id: connector.id, path: folder.path, displayPath: Self.displayFolder, encoding: encoding)
        do { return .success(try ConnectorRun.run(connector, source: source, index: index)) } catch { return .failure(error) }
    }
}

extension PersonIndex {
    /// An index holding `persons` (normalised ids) and `households`, each in its own household:
    /// the roster a test of an agency connector pretends to have.
    public static func matching(persons: [String], households: [String] = []) -> PersonIndex {
        var byPerson: [String: [Int]] = [:]
        for (i, p) in persons.enumerated() { byPerson[p, default: []].append(i) }
        var byID: [String: Int] = [:]
        for (i, h) in households.enumerated() { byID[h] = i }
        return PersonIndex(householdsByPerson: byPerson, householdByID: byID)
    }
}

/// A temporary folder with files, removed when the value goes away.
final class Scratch {
    let path: String

    init(files: [String: [UInt8]]) throws {
        path = NSTemporaryDirectory() + "conformance-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, bytes) in files {
            try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
