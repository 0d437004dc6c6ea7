import HechaCore
import Testing

/// The compact fact store gives back exactly the records it was given.
struct FactStoreTests {
    static let schema = RecordSchema(name: "thing", title: "测试", fields: [
        FieldSchema("name", .string), FieldSchema("amount", .number, optional: true), FieldSchema("day", .date, optional: true),
        FieldSchema("month", .month, optional: true), FieldSchema("flag", .bool), FieldSchema("tags", .list(.string), optional: true),
    ])
    static let fileA = SourceOrigin(source: "s", file: "a.csv")
    static let fileB = SourceOrigin(source: "s", file: "b.csv")

    func record(_ name: String, _ amount: Value, day: Value = .unknown, month: Value = .unknown, flag: Bool = false,
                tags: Value = .unknown, origin: SourceOrigin = fileA, line: Int = 2) -> Record {
        Record(schema: Self.schema, fields: [.string(name), amount, day, month, .bool(flag), tags],
               source: SourceRef(origin: origin, line: line))
    }

    /// Keys are numbered once each, in the order first stored, whether they are valid ids (found
    /// by their body) or anything else (a household id, an id with a wrong check character, a
    /// 15-digit one); thousands of them make the body table grow several times.
    @Test func keysAreNumberedOnceEachInTheOrderFirstStored() {
        var names: [String] = []
        var rng = SystemRandomNumberGenerator()
        var bodies = Set<UInt64>()
        while bodies.count < 6_000 { bodies.insert(UInt64.random(in: 0...99_999_999_999_999_999, using: &rng)) }
        for (n, body) in bodies.enumerated() {
            let valid = PersonIndexTests.id(body: body)
            names.append(valid)
            if n % 100 == 0 {
                names.append("H\(n)")
                names.append(String(valid.dropLast()) + (valid.last == "1" ? "2" : "1"))
                names.append(String(valid.prefix(15)))
            }
        }
        let store = FactStore()
        for (n, name) in names.enumerated() {
            store.add(record("x", .unknown, line: n + 2), collection: "things", key: name)
            if n % 3 == 0 { store.add(record("again", .unknown, line: n + 2), collection: "things", key: names[n / 2]) }
        }
        let keys = store.keys
        #expect(keys.count == names.count)
        #expect((0..<Int32(names.count)).map(keys.name) == names)
        #expect(names.map { keys.id($0) } == (0..<Int32(names.count)).map { Optional($0) })
        #expect(keys.id("H-none") == nil)
        var absent: UInt64 = 1
        while bodies.contains(absent) { absent += 1 }
        #expect(keys.id(PersonIndexTests.id(body: absent)) == nil)
    }

    @Test func everyKindOfValueComesBackEqual() {
        let values: [Record] = [
            record("张三", .number(Exact(fen: 123_456)), day: .date(Day(year: 2024, month: 2, day: 29)!),
                   month: .month(Month(year: 2024, month: 12)!), flag: true, line: 2),
            record("", .number(Exact(-5)), day: .date(Day(year: 1900, month: 1, day: 1)!), line: 3),
            // more than four decimals, and beyond 64 bits: kept as they are
            record("x", .number(Exact(1, 3)), line: 4),
            record("y", .number(Exact(decimal: "0.00001")!), line: 5),
            record("z", .number(Exact(Int128(1) << 100, 7)), line: 6),
            record("很长的名字" + String(repeating: "测", count: 40), .number(Exact(decimal: "-0.0001")!),
                   tags: .list([.string("a"), .string("b")]), line: 1 << 39),
            record("unknowns", .unknown, line: 8),
        ]
        let store = FactStore()
        store.add(values.map { (record: $0, key: "K") }, collection: "things")
        let back = store.table("things").records(keyID: store.keys.id("K")!)
        #expect(back == values)
        #expect(back.map(\.fields) == values.map(\.fields))
        #expect(back.map(\.source) == values.map(\.source))
        #expect(store.count("things") == values.count)
    }

    @Test func onlyTheFieldsAskedForAreDecoded() {
        let values = [
            record("张三", .number(Exact(7)), month: .month(Month(year: 2024, month: 3)!), flag: true, tags: .list([.string("a")]), line: 2),
            record("李四", .number(Exact(9)), line: 3),
        ]
        let store = FactStore()
        store.add(values.map { (record: $0, key: "K") }, collection: "things")
        let table = store.table("things"), key = store.keys.id("K")!
        let mask = [false, true, false, true, false, false]
        let partial = table.records(keyID: key, decoding: mask)
        #expect(partial.map(\.fields) == values.map { r in r.fields.enumerated().map { mask[$0.offset] ? $0.element : .unknown } })
        #expect(partial.map(\.source) == values.map(\.source))
        // decoded twice with the same fields, a fact is equal to itself and to no other fact
        let again = table.records(keyID: key, decoding: mask)
        #expect(partial == again)
        #expect(partial[0] != partial[1])
        #expect(table.records(keyID: key, decoding: nil) == values)
    }

    @Test func keysKeepTheOrderFactsWereAddedInAcrossBatchesAndFiles() {
        let store = FactStore()
        store.add([(record("a1", .number(Exact(1))), "A"), (record("b1", .number(Exact(2))), "B")], collection: "things")
        store.add(record("other", .number(Exact(9))), collection: "others", key: "B")
        store.add([(record("a2", .number(Exact(3)), origin: Self.fileB, line: 7), "A"),
                   (record("c1", .number(Exact(4)), origin: Self.fileB), "C")], collection: "things")
        let t = store.table("things")
        #expect(t.records(key: "A", in: store.keys).map { $0["name"] } == [.string("a1"), .string("a2")])
        #expect(t.records(key: "A", in: store.keys).map { $0.source?.description } == ["a.csv:2", "b.csv:7"])
        #expect(t.records(key: "B", in: store.keys).map { $0["name"] } == [.string("b1")])
        #expect(t.records(key: "C", in: store.keys).map { $0["name"] } == [.string("c1")])
        #expect(t.records(key: "nobody", in: store.keys).isEmpty)
        #expect(store.table("others").records(key: "A", in: store.keys).isEmpty)
        #expect(store.table("missing").records(key: "A", in: store.keys).isEmpty)
        #expect(store.collection("things").mapValues { $0.count } == ["A": 2, "B": 1, "C": 1])

        // a table taken before more facts were added does not see them; a new one does
        store.add(record("a3", .number(Exact(5))), collection: "things", key: "A")
        #expect(t.records(key: "A", in: store.keys).count == 2)
        #expect(store.table("things").records(key: "A", in: store.keys).count == 3)
    }

    /// Keys alternating within one batch (the previous row's key is tried first).
    @Test func alternatingKeysInOneBatch() {
        let store = FactStore()
        let keys = ["A", "B", "A", "B", "B", "A", "C", "A"]
        store.add(keys.enumerated().map { (record: record("\($0.offset)", .number(Exact($0.offset))), key: $0.element) }, collection: "things")
        let all = store.collection("things").mapValues { $0.map { $0["name"] } }
        #expect(all == ["A": [.string("0"), .string("2"), .string("5"), .string("7")],
                        "B": [.string("1"), .string("3"), .string("4")], "C": [.string("6")]])
    }

    @Test func parallelWritersLoseNothing() async {
        let store = FactStore()
        await withTaskGroup(of: Void.self) { group in
            for w in 0..<8 {
                group.addTask {
                    for b in 0..<20 {
                        let batch = (0..<50).map { i in
                            (record: self.record("w\(w)-\(b)-\(i)", .number(Exact(i))), key: "K\(i % 7)")
                        }
                        store.add(batch, collection: "things")
                    }
                }
            }
        }
        let records: [Record] = store.collection("things").values.flatMap { $0 }
        let names: Set<Value> = Set(records.map { $0["name"] })
        #expect(records.count == 8000)
        #expect(names.count == 8000)
    }
}
