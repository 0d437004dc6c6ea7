import ConnectorKit
import ConnectorTesting
import HechaCore
import Testing

/// A connector that reads columns by position instead of by name: the checker must catch it.
private struct PositionalVehicles: Connector {
    static let id = "vehicle-registry"
    static let title = "按列位置读取（错误示范）"
    static let schema = RecordSchema(name: "vehicle", title: "机动车", fields: [FieldSchema("plate", .string, column: "号牌号码")])
    static let factSchemas = [FactSchema(record: schema, key: .person, collection: "vehicles")]

    func read(_ request: ReadRequest) throws(Diagnostic) {
        let reader = try CSVReader(path: request.source.path + "/机动车登记.csv", displayPath: "x")
        var counts = FileCounts(file: request.source.displayPath + "/机动车登记.csv")
        _ = try reader.next()
        while let r = try reader.next() {
            counts.read += 1
            counts.accepted += 1
            let record = Record(schema: Self.schema, fields: [.string(r.fields.first ?? "")],
                                source: SourceRef(source: Self.id, file: "机动车登记.csv", line: r.line))
            request.facts.add(record, collection: "vehicles", key: r.fields.count > 2 ? r.fields[2] : "")
        }
        request.report.record(counts, rejects: [])
    }
}

struct ConformanceCheckerTests {
    @Test func catchesAConnectorThatIgnoresHeaders() {
        let failures = ConnectorConformance(PositionalVehicles.self, fixture: Fixtures.root + "/vehicle-registry",
                                            index: Fixtures.index).failures()
        #expect(failures.contains { $0.hasPrefix("columns reversed with an extra column:") })
        #expect(failures.contains { $0.hasPrefix("without column '所有人证件号码' of 机动车登记.csv:") })
        #expect(failures.contains { $0.hasPrefix("malformed rows appended to 机动车登记.csv:") })
        #expect(failures.contains { $0.hasPrefix("every row of 机动车登记.csv twice:") })
    }
}
