/// The text of the files `ConnectorScaffold` writes: a CSV connector in the style of
/// `connectors/VehicleRegistry`, its fixture and its tests, for the developer to adapt.
enum ScaffoldTemplates {
    /// The connector: an id, a schema naming each column once, and one row closure.
    static func connector(_ s: ConnectorScaffold) -> String {
        """
        import ConnectorKit

        /// Reads <the agency>'s export `\(s.exportFile)`, UTF-8 (or `encoding:` in the region file), one row
        /// per record, keeping the records of people on the roster as `member.\(s.collection)`.
        ///
        /// Written by `swift package new-connector \(s.name)`: rename the columns and the fields to the
        /// agency's export, then the fixture and the tests with them.
        public struct \(s.typeName): Connector {
            /// The key of this source under `sources:` in a region file.
            public static let id = "\(s.id)"
            /// The agency's name as reports and messages show it.
            public static let title = "\(s.name)"

            /// The export file read from the source folder.
            public static let file = "\(s.exportFile)"
            /// Checked by `hecha validate` before any data is read.
            public static var exportFiles: [String] { [file] }

            /// The fields of a record, each naming its column of the export: the one place a column name
            /// is written (the header check and the row accessors take it from here).
            enum Field {
                static let id = FieldSchema("id", .string, column: "身份证号", doc: "normalised id number", personal: true)
                static let name = FieldSchema("name", .string, column: "姓名", personal: true)
                static let amount = FieldSchema("amount", .number, optional: true, column: "金额", doc: "yuan; unknown when empty")
                static let day = FieldSchema("day", .date, column: "日期")
            }

            /// One record of the export, attached to the person it names.
            public static let record = RecordSchema(
                name: "\(s.collection.dropLast())", title: "\(s.name)", fields: [Field.id, Field.name, Field.amount, Field.day],
                personKey: Field.id)

            /// The records, by person: `member.\(s.collection)` in rules.
            public static let factSchemas = [FactSchema(record: record, key: .person, collection: "\(s.collection)")]

            /// A connector has no state of its own.
            public init() {}

            /// Reads the export; a row whose id is not on the roster is counted as unmatched, a row with
            /// a bad value is rejected with its line and the reason.
            public func read(_ request: ReadRequest) throws(Diagnostic) {
                try request.readFacts(Self.file, schema: Self.record, collection: "\(s.collection)") { row throws(RowReject) in
                    guard let id = try row.personID(Field.id, in: request.index) else { return .unmatched }
                    let record = Record(
                        schema: Self.record,
                        fields: [
                            .string(id),
                            .string(try row.text(Field.name)),
                            .known(try row.optionalMoney(Field.amount)),
                            .date(try row.day(Field.day)),
                        ],
                        source: row.origin)
                    return .keep(record, key: id)
                }
            }
        }

        """
    }

    /// Good rows of people on the tests' pretend roster (`Fixtures.persons`), one not on it, a
    /// duplicate, and messy rows: an id with a wrong check digit, an amount with three decimals.
    static let fixture = """
        身份证号,姓名,金额,日期,备注
        441900198001011237,张三,"1,200.00",2024-03-01,
        44190020100301345x,王五,,2024/5/6,
        441900197007074568,钱七,300,2024-06-01,
        441900198001011236,孙八,100,2024-07-01,校验位错误
        441900198506152342,李四,12.345,2024-08-01,
        441900198001011237,张三,"1,200.00",2024-03-01,

        """

    /// The tests: the fixture read row by row, and the conformance suite.
    static func tests(_ s: ConnectorScaffold) -> String {
        """
        import ConnectorKit
        import ConnectorTesting
        import \(s.typeName)
        import Testing

        struct \(s.name)Tests {
            @Test func readsTheMessyFixture() throws {
                let facts = FactStore()
                let report = SourceReport(sourceID: \(s.typeName).id)
                try \(s.typeName)().read(ReadRequest(source: Fixtures.source("\(s.id)"), index: Fixtures.index, facts: facts, report: report))
                let counts = try #require(report.files.first)
                #expect(counts.file == "data/\(s.id)/\(s.exportFile)")
                #expect([counts.read, counts.accepted, counts.rejected, counts.duplicates, counts.unmatched] == [6, 2, 2, 1, 1])
                #expect(report.rejects.map(\\.line) == [5, 6])
                #expect(facts.lines("\(s.collection)").count == 2)
            }

            @Test func conformance() {
                let check = ConnectorConformance(\(s.typeName).self, fixture: Fixtures.root + "/\(s.id)",
                                                 optionalColumns: ["金额", "备注"], index: Fixtures.index)
                #expect(check.failures() == [])
            }
        }

        """
    }
}
