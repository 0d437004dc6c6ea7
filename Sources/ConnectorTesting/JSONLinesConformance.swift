import ConnectorKit
import Foundation

/// Proves that a JSON Lines connector (one object a line, as the bank gateway delivers) handles
/// the messiness of real exports, from one folder of good `*.jsonl` fixture files:
///
/// - **baseline**: every file counted, counts add up (read = accepted + rejected + duplicates + unmatched);
/// - **keys in any order, extra keys ignored**: every object rewritten with its keys in ascending
///   and in descending order, with an extra key — same facts, counts and rejects;
/// - **CRLF line ends**, **a UTF-8 byte-order mark** — same result;
/// - **a missing key**: each key dropped from every line in turn — no line is accepted, every
///   counted line says why, and counts still add up (unless the key is in `optionalKeys` — keys
///   that may be missing, optional or extra —
///   then nothing is lost);
/// - **malformed lines** appended (not JSON, an array, a truncated object): each rejected with its
///   file and line while everything else reads as before;
/// - **exact duplicate lines**: every line appended again — counted as duplicates (or unmatched
///   again), nothing else changes.
public struct JSONLinesConformance {
    /// The connector under test.
    public var connector: any Connector.Type
    /// The folder with the good fixture files (`.jsonl`).
    public var fixture: String
    /// Keys that may be missing, null or extra without anything being lost.
    public var optionalKeys: Set<String>
    /// The roster's index, for a connector that is not a roster connector.
    public var index: PersonIndex?

    /// A check of `connector` against the files in `fixture`.
    public init(_ connector: any Connector.Type, fixture: String, optionalKeys: Set<String> = [], index: PersonIndex? = nil) {
        self.connector = connector
        self.fixture = fixture
        self.optionalKeys = optionalKeys
        self.index = index
    }

    static let folder = ConnectorConformance.displayFolder

    /// Runs every check; returns what failed (empty when the connector conforms).
    public func failures() -> [String] {
        do { return try check() } catch { return ["setup: \(error)"] }
    }

    private func check() throws -> [String] {
        var failures: [String] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture).filter { $0.hasSuffix(".jsonl") }.sorted()
        guard !names.isEmpty else { return ["the fixture folder \(fixture) has no .jsonl files"] }
        var objects: [String: [[String: JSONValue]]] = [:]
        for name in names {
            let text = try String(contentsOfFile: fixture + "/" + name, encoding: .utf8)
            var list: [[String: JSONValue]] = []
            for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
                let bytes = Array(line.utf8).drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
                guard !bytes.isEmpty, case .object(let o) = try JSONValue.parse(bytes) else {
                    return ["the fixture \(name) must hold only well-formed objects, one a line"]
                }
                list.append(o)
            }
            objects[name] = list
        }
        func render(_ change: ([String: JSONValue]) -> [(String, JSONValue)], lineEnd: String = "\n", tail: String = "") -> [String: String] {
            Dictionary(uniqueKeysWithValues: objects.map { name, list in
                (name, list.map { JSONLinesConformance.text(change($0)) + lineEnd }.joined() + tail)
            })
        }
        let ascending = { (o: [String: JSONValue]) in o.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        guard case .success(let baseline) = run(render(ascending)) else { return ["baseline: the good fixture does not read"] }
        for c in baseline.counts.values where !c.addsUp { failures.append("baseline: counts of \(c.file) do not add up") }
        if baseline.counts.count != names.count { failures.append("baseline: \(names.count) files, \(baseline.counts.count) counted") }
        if baseline.counts.values.reduce(0, { $0 + $1.accepted }) == 0 { failures.append("baseline: nothing accepted; the checks prove little") }

        func expectSame(_ label: String, _ files: [String: String], bom: Bool = false, expected: ConnectorRun? = nil) {
            switch run(files, bom: bom) {
            case .failure(let d): failures.append("\(label): \(d)")
            case .success(let r):
                failures += (expected ?? baseline).differences(from: r).map { "\(label): \($0)" }
                for c in r.counts.values where !c.addsUp { failures.append("\(label): counts of \(c.file) do not add up") }
            }
        }
        expectSame("keys in descending order with an extra key", render { o in
            [("核查备注", JSONValue.string("附加, \"字段\""))] + o.sorted { $0.key > $1.key }.map { ($0.key, $0.value) }
        })
        expectSame("CRLF line ends", render(ascending, lineEnd: "\r\n"))
        expectSame("a UTF-8 byte-order mark", render(ascending), bom: true)

        // Each key dropped from every line.
        let keys = Set(objects.values.flatMap { $0.flatMap(\.keys) }).sorted()
        for key in keys {
            let label = "without key '\(key)'"
            switch run(render { o in ascending(o).filter { $0.0 != key } }) {
            case .failure(let d): failures.append("\(label): a missing key rejects lines, it does not stop the file: \(d)")
            case .success(let r):
                for c in r.counts.values where !c.addsUp { failures.append("\(label): counts of \(c.file) do not add up") }
                if optionalKeys.contains(key) {
                    if r.counts != baseline.counts { failures.append("\(label): it is optional, but the counts changed") }
                } else {
                    let accepted = r.counts.values.reduce(0) { $0 + $1.accepted }
                    if accepted != 0 { failures.append("\(label): \(accepted) line(s) accepted without a required key") }
                    if !r.rejects.contains(where: { $0.contains(key) }) { failures.append("\(label): no reject reason names '\(key)'") }
                }
            }
        }

        // Malformed lines are rejected with their line; the rest still counts.
        for name in names {
            var files = render(ascending)
            files[name]! += "不是 JSON\n[1, 2]\n{\"证件号码\": \"1\n"
            var expected = baseline
            let shown = Self.folder + "/" + name
            let first = objects[name]!.count + 1
            expected.counts[shown]?.read += 3
            expected.counts[shown]?.rejected += 3
            switch run(files) {
            case .failure(let d): failures.append("malformed lines in \(name): \(d)")
            case .success(let r):
                if r.counts != expected.counts || r.facts != baseline.facts {
                    failures.append("malformed lines in \(name): expected counts \(expected.counts[shown].map { "\($0)" } ?? "-"), got \(r.counts[shown].map { "\($0)" } ?? "-")")
                }
                let lines = Set(r.rejects.filter { $0.hasPrefix(shown + ":") }.compactMap { Int($0.dropFirst(shown.count + 1).prefix { $0 != ":" }) })
                for l in first..<(first + 3) where !lines.contains(l) { failures.append("malformed lines in \(name): line \(l) not rejected") }
            }
        }

        // Every line twice.
        for name in names {
            var files = render(ascending)
            files[name]! += files[name]!
            var expected = baseline
            let shown = Self.folder + "/" + name
            if let c = baseline.counts[shown] {
                expected.counts[shown]!.read = 2 * c.read
                expected.counts[shown]!.duplicates = c.accepted + c.rejected + 2 * c.duplicates
                expected.counts[shown]!.unmatched = 2 * c.unmatched
            }
            expectSame("every line of \(name) twice", files, expected: expected)
        }
        return failures
    }

    private func run(_ files: [String: String], bom: Bool = false) -> Result<ConnectorRun, Diagnostic> {
        do {
            let folder = try Scratch(files: files.mapValues { (bom ? [0xEF, 0xBB, 0xBF] : []) + Array($0.utf8) })
            let source = SourceConfig(id: connector.id, path: folder.path, displayPath: Self.folder)
            let result = Result<ConnectorRun, Diagnostic> { () throws(Diagnostic) in try ConnectorRun.run(connector, source: source, index: index) }
            _ = folder
            return result
        } catch {
            return .failure(Diagnostic.error("setup: \(error)"))
        }
    }

    /// One object as a JSON text, keys in the order given.
    static func text(_ pairs: [(String, JSONValue)]) -> String {
        "{" + pairs.map { "\(JSONText.string($0.0)): \(text($0.1))" }.joined(separator: ", ") + "}"
    }

    static func text(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return JSONText.string(s)
        case .array(let a): return "[" + a.map(text).joined(separator: ", ") + "]"
        case .object(let o): return text(o.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
    }
}
