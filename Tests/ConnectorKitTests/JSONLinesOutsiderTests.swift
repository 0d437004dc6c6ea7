import ConnectorKit
import HechaCore
import Testing

/// Lines about people outside the roster are told by the byte-level scan, before their
/// fingerprint is taken; the counts, rejects and facts must be those of the general path (every
/// line parsed and handed to the connector), whatever repeats what.
struct JSONLinesOutsiderTests {
    static let onRoster = "441900198001011237"
    static let outsider = "441900197007074568"

    private func read(_ text: [UInt8], personKey: String?) throws -> (counts: [Int], rejects: [String], facts: [String]) {
        let folder = try TempFolder()
        try folder.write("q.jsonl", bytes: text)
        let report = SourceReport(sourceID: "bank")
        let facts = FactStore()
        let schema = RecordSchema(name: "t", title: "t", fields: [FieldSchema("id", .string), FieldSchema("v", .number)])
        let request = ReadRequest(source: SourceConfig(id: "bank", path: folder.path, displayPath: "in"),
                                  index: PersonIndex(householdsByPerson: [Self.onRoster: [0]], householdByID: [:]),
                                  facts: facts, report: report)
        try request.readJSONLinesFacts(collection: "t", personKey: personKey) { row throws(RowReject) in
            guard let id = try row.personID("id", in: request.index) else { return .unmatched }
            return .keep(Record(schema: schema, fields: [.string(id), .number(try row.money("v"))], source: row.origin), key: id)
        }
        let f = report.files[0]
        let lines = facts.collection("t").values.flatMap { $0 }.map { "\($0.source!.line) \($0)" }.sorted()
        return ([f.read, f.accepted, f.rejected, f.duplicates, f.unmatched],
                report.rejects.map { "\($0.line): \($0.reason) [\($0.raw)]" }, lines)
    }

    @Test func outsidersAreCountedAsTheGeneralPathCountsThem() throws {
        let many = (0..<40).map { #""k\#($0)": \#($0)"# }.joined(separator: ", ")
        var lines: [[UInt8]] = [
            Array(#"{"id": "\#(Self.outsider)", "v": 1}"#.utf8),
            Array(#"{"id": "\#(Self.outsider)", "v": 1}"#.utf8),  // the same outsider line again: unmatched again
            Array(#"{"id": "\#(Self.onRoster)", "v": 2}"#.utf8),
            Array(#"{"id": "\#(Self.onRoster)", "v": 2}"#.utf8),  // a duplicate of a kept line
            Array(#"{"id": "\#(Self.onRoster)", "v": "x"}"#.utf8),
            Array(#"{"id": "\#(Self.onRoster)", "v": "x"}"#.utf8),  // a duplicate of a rejected line
            Array(#"{"id": "\#(Self.outsider)", "v": "x"}"#.utf8),  // an outsider's bad amount is never read
            Array(#"{"id": "\#(Self.outsider)", "v": 3, \#(many)}"#.utf8),  // too many keys for the scan: parsed
            Array(#"{"id": "\#(Self.outsider)", "v": 3, \#(many)}"#.utf8),
            Array(#"{"id": "\#(Self.outsider)", "id": "\#(Self.outsider)"}"#.utf8),  // a key twice: rejected by the parser
            Array(#"{"n": {"id": "\#(Self.outsider)"}, "id": "\#(Self.outsider)", "v": 4}"#.utf8),
            Array(#"{"id": "４４１９００１９７００７０７４５６８", "v": 5}"#.utf8),  // full-width: the connector's
            Array(#"{"id": "\#(Self.outsider)", "v": 6"#.utf8),  // cut short: rejected, not an outsider
            Array(#"{"id": "\#(Self.outsider)", "v": 6"#.utf8),
        ]
        // a line that is not valid UTF-8 (rejected, its bytes kept), then lines after it
        lines.append(Array(#"{"id": "\#(Self.outsider)", "v": ""#.utf8) + [0xE4, 0xB8] + Array(#""}"#.utf8))
        lines.append(Array(#"{"id": "\#(Self.outsider)", "v": 1}"#.utf8))
        lines.append(Array(#"{"id": "\#(Self.onRoster)", "v": 2}"#.utf8))
        lines.append(Array(#"{"id": "\#(Self.onRoster)", "v": 7}"#.utf8))
        let text = Array(lines.joined(separator: Array("\n".utf8))) + Array("\n".utf8)
        let fast = try read(text, personKey: "id")
        let general = try read(text, personKey: nil)
        #expect(fast.counts == general.counts)
        #expect(fast.rejects == general.rejects)
        #expect(fast.facts == general.facts)
        // read, accepted (3, 18), rejected (5, 10, 13, 15), duplicates (4, 6, 14, 17), unmatched
        #expect(fast.counts == [18, 2, 4, 4, 8])
        #expect(fast.rejects.map { $0.prefix { $0 != ":" } } == ["5", "10", "13", "15"])
        #expect(fast.facts.map { $0.prefix { $0 != " " } } == ["18", "3"])
    }
}
