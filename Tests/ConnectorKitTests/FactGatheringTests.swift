@testable import ConnectorKit
import HechaCore
import Testing

/// Kept facts go to the store in batches as they are read: whatever the batch size, the store
/// ends with every fact under its key, in the order read, and keys numbered in first-seen order.
struct FactGatheringTests {
    static let payment = RecordSchema(name: "payment", title: "发放记录", fields: [
        FieldSchema("household", .string), FieldSchema("month", .month), FieldSchema("amount", .number),
    ])

    /// 23 payments of households H0–H4 (unsorted, so keys repeat across batches), stored `batchSize` at a time.
    func store(batchSize: Int) -> FactStore {
        let store = FactStore()
        var gathering = FactGathering(into: store, collection: "payments", batchSize: batchSize)
        for i in 0..<23 {
            let household = "H\((i * 3) % 5)"
            let record = Record(schema: Self.payment, fields: [.string(household), .month(Month(iso: "2024-01")!.adding(i % 12)), .number(Exact(i))],
                                source: SourceRef(source: "civil-affairs", file: "发放记录.csv", line: i + 2))
            gathering.add(KeyedRecord(record, key: household))
        }
        gathering.finish()
        return store
    }

    @Test(arguments: [1, 4, 7, 23, 16_384]) func everyBatchSizeStoresTheSameFacts(batchSize: Int) {
        let reference = store(batchSize: 1_000).collection("payments")
        let store = store(batchSize: batchSize)
        #expect(store.count("payments") == 23)
        #expect(store.collection("payments") == reference)
        #expect((0..<5).map { store.keys.name(Int32($0)) } == ["H0", "H3", "H1", "H4", "H2"])
        // each household's payments in the order read
        #expect(reference["H3"]?.map(\.source?.line) == [3, 8, 13, 18, 23])
    }

    @Test func nothingKeptStoresNothing() {
        let store = FactStore()
        var gathering = FactGathering(into: store, collection: "payments")
        gathering.finish()
        #expect(store.count("payments") == 0 && store.keys.count == 0)
    }
}
