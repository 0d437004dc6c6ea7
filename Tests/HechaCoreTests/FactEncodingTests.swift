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
