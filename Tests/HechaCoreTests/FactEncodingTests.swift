import Foundation
import HechaCore
import Testing

/// The narrow encoding of facts (a byte for a truth value, four bytes for most other values,
/// eight for large numbers, texts stored once per chunk when repeated) gives back exactly what
/// it was given, at every edge of those widths.
struct FactEncodingTests {
    static let schema = RecordSchema(name: "thing", title: "测试", fields: [
        FieldSchema("kind", .string), FieldSchema("amount", .number, optional: true), FieldSchema("flag", .bool),
        FieldSchema("day", .date, optional: true), FieldSchema("note", .string, optional: true),
    ])
    static let fileA = SourceOrigin(source: "s", file: "a.csv")
    static let fileB = SourceOrigin(source: "s", file: "b.csv")

    func record(_ kind: String, _ amount: Value = .unknown, flag: Value = .bool(false), day: Value = .unknown,
                note: Value = .unknown, source: SourceRef? = SourceRef(origin: fileA, line: 2)) -> Record {
        Record(schema: Self.schema, fields: [.string(kind), amount, flag, day, note], source: source)
    }

    /// Stores `records` under one key in one batch and reads them back.
    func roundTrip(_ records: [Record]) -> [Record] {
        let store = FactStore()
        store.add(records.map { (record: $0, key: "K") }, collection: "things")
        return store.table("things").records(keyID: store.keys.id("K")!)
    }

    /// Numbers at the edges of four and eight bytes, before and after the column widens.
    @Test func numbersAtTheEdgesOfEachWidth() {
        let edges = ["0", "1", "-1", "214748.3647", "214748.3648", "-214748.3646", "-214748.3647", "-214748.3648",
                     "-214748.3649", "922337203685477.5807", "-922337203685477.5806", "-922337203685477.5807",
                     "-922337203685477.5808", "-922337203685477.5809", "123.45", "0.0001"]
        let records = edges.enumerated().map { record("k", .number(Exact(decimal: $0.element)!), source: SourceRef(origin: Self.fileA, line: $0.offset + 2)) }
        let back = roundTrip(records)
        #expect(back.map { $0["amount"] } == edges.map { .number(Exact(decimal: $0)!) })
        #expect(back == records)
        // only small numbers: the column stays narrow and gives the same values
        let small = roundTrip(Array(records.prefix(4)) + [record("k", .unknown)])
        #expect(small.map { $0["amount"] } == Array(edges.prefix(4)).map { .number(Exact(decimal: $0)!) } + [.unknown])
    }

    /// Differences from a column's first value at the edges of one, two and four bytes, up and down.
    @Test func differencesAtTheEdgesOfEachWidth() {
        for first in [0, 1_000_000, -1_000_000] {
            let differences = [0, 127, -126, 128, -127, 32_767, -32_766, 32_768, -32_767, 5, 2_147_483_647, -2_147_483_646, -2_147_483_647, 3]
            let values = [first] + differences.map { first + $0 }
            let records = values.enumerated().map { n, v in
                record("k", .number(Exact(decimal: String(format: "%.4f", Double(v) / 10_000))!), day: .date(Day(ordinal: Int32(truncatingIfNeeded: v))),
                       source: SourceRef(origin: Self.fileA, line: 1 + n * 40_000))
            }
            let back = roundTrip(records)
            #expect(back.map(\.fields) == records.map(\.fields))
            #expect(back.map(\.source) == records.map(\.source))
        }
    }

    /// A table with facts for a few of the store's many keys finds each key's facts, in the order
    /// added, and nothing for the others; a chunk of more than 65,536 facts is found too.
    @Test func aTableOfFewKeysAmongManyAndALargeChunk() {
        let store = FactStore()
        // keys 0..<500 numbered by another collection first
        store.add((0..<500).map { (record: record("o\($0)"), key: "K\($0)") }, collection: "others")
        var expected: [String: [String]] = [:]
        var batch: [(record: Record, key: String)] = []
        for i in 0..<2_000 {
            let key = "K\((i * 7) % 500 / 7 * 7 + (i % 3 == 0 ? 3 : 0))"
            batch.append((record("t\(i)", source: SourceRef(origin: Self.fileA, line: i + 2)), key))
            expected[key, default: []].append("t\(i)")
        }
        store.add(batch, collection: "things")
        let table = store.table("things")
        for k in 0..<520 {
            let names = table.records(key: "K\(k)", in: store.keys).map { r -> String in if case .string(let s) = r["kind"] { return s } else { return "" } }
            #expect(names == expected["K\(k)"] ?? [], "K\(k)")
        }
        let large = (0..<70_000).map { (record: record("x\($0 % 3)", .number(Exact($0)), source: SourceRef(origin: Self.fileB, line: $0 + 2)), key: "L\($0 % 2)") }
        store.add(large, collection: "large")
        let odd = store.table("large").records(key: "L1", in: store.keys)
        #expect(odd.count == 35_000)
        #expect(odd.last == large[69_999].record)
        #expect(odd[1_234] == large[2_469].record)
    }

    /// A value not of its field's type (text in a truth-value field, a number in a text field)
    /// is kept aside and comes back as it was.
    @Test func valuesOfAnotherTypeAreKeptAside() {
        let records = [
            record("a", flag: .string("是")),
            record("b", flag: .bool(true), day: .number(Exact(3))),
            Record(schema: Self.schema, fields: [.number(Exact(1)), .string("12"), .unknown, .month(Month(year: 2024, month: 1)!),
                                                 .list([.string("x")])], source: nil),
            record("c", flag: .bool(false), day: .date(Day(ordinal: Int32.min + 2))),
            record("d", flag: .unknown, day: .date(Day(ordinal: Int32.max))),
            // two text fields holding values kept aside, and a date only eight bytes hold
            Record(schema: Self.schema, fields: [.list([.string("x")]), .unknown, .bool(true), .date(Day(ordinal: Int32.min)),
                                                 .number(Exact(2))], source: nil),
        ]
        let back = roundTrip(records)
        #expect(back.map(\.fields) == records.map(\.fields))
        #expect(back.map(\.source) == records.map(\.source))
    }

    /// Texts are compared by their bytes: two spellings that Swift's `==` calls equal (é as one
    /// character and as e with an accent) each come back as written, in a column of few values.
    @Test func textsAreStoredByTheirBytes() {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        let kinds = [composed, decomposed, "工资薪金", composed, "", decomposed, "", "工资薪金"]
        let back = roundTrip(kinds.map { record($0, note: .string($0)) })
        let texts = back.map { r -> [UInt8] in if case .string(let s) = r["kind"] { return Array(s.utf8) } else { return [] } }
        #expect(texts == kinds.map { Array($0.utf8) })
        let notes = back.map { r -> [UInt8] in if case .string(let s) = r["note"] { return Array(s.utf8) } else { return [] } }
        #expect(notes == kinds.map { Array($0.utf8) })
    }

    /// Many distinct texts in one batch (more than a column looks up), repeated after that, long
    /// texts whose length takes two and three bytes, rows from two files and rows from none.
    @Test func manyTextsLongTextsAndSeveralFiles() {
        var records: [Record] = []
        for i in 0..<3_000 {
            let origin = i % 7 == 3 ? Self.fileB : Self.fileA
            let source: SourceRef? = i % 11 == 5 ? nil : SourceRef(origin: origin, line: i + 2)
            let note: Value = switch i % 5 {
            case 0: .string(String(repeating: "长", count: 50 + i % 200))
            case 1: .string(String(repeating: "x", count: 16_384 + i))
            case 2: .string("")
            default: .string("备注\(i % 40)")
            }
            records.append(record("类型\(i % 1_500)", .number(Exact(i)), flag: .bool(i % 2 == 0), day: .date(Day(ordinal: Int32(i))),
                                  note: note, source: source))
        }
        let back = roundTrip(records)
        #expect(back.count == records.count)
        #expect(back.map(\.fields) == records.map(\.fields))
        #expect(back.map(\.source) == records.map(\.source))
    }

    /// A column of few distinct texts stores each once: ten thousand rows of four kinds and two
    /// notes hold far less than eight bytes a field.
    @Test func repeatedTextsAreHeldOnce() {
        let kinds = ["工资薪金", "劳务报酬", "经营所得", "养老金"]
        let store = FactStore()
        let records = (0..<10_000).map { i in
            record(kinds[(i * 7) % 4], .number(Exact(i)), flag: .bool(i % 3 == 0), day: .date(Day(ordinal: Int32(i))),
                   note: .string(i % 2 == 0 ? "税务局" : "人社局"), source: SourceRef(origin: Self.fileA, line: i + 2))
        }
        store.add(records.map { (record: $0, key: "K\($0["amount"])") }, collection: "things")
        // per row: four text and number slots, a byte, a date, a line, a key, the index entry
        #expect(store.heldBytes < 10_000 * 40)
        #expect(store.table("things").records(key: "K\(records[77]["amount"])", in: store.keys) == [records[77]])
    }
}
