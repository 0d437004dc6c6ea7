import ConnectorKit
import Foundation
import HechaCore
import Testing
import VehicleRegistryConnector

/// The vehicle connector's header check, which its schema's `column:`s declare.
struct VehicleRegistryColumnsTests {
    /// 购置价格 is an optional field (an empty price is unknown), but its column is required: without
    /// it every price would be unknown. The schema declares the column; the header check follows it.
    @Test func aMissingPriceColumnIsRefusedAtTheHeaderLine() throws {
        let folder = NSTemporaryDirectory() + "vehicle-columns-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "号牌号码,车辆类型,所有人证件号码,初次登记日期,机动车状态\n粤S10001,小型轿车,441900198001011237,2019-05-01,正常\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + VehicleRegistryConnector.file))
        let source = SourceConfig(id: "vehicle-registry", path: folder, displayPath: "data/vehicle-registry")
        let request = ReadRequest(source: source, index: Fixtures.index, facts: FactStore(),
                                  report: SourceReport(sourceID: VehicleRegistryConnector.id))
        do {
            try VehicleRegistryConnector().read(request)
            Issue.record("expected a diagnostic for the missing column")
        } catch {
            #expect(error.description == """
                data/vehicle-registry/机动车登记.csv:1: error: missing required column '购置价格'
                  hint: columns found: 号牌号码, 车辆类型, 所有人证件号码, 初次登记日期, 机动车状态
                """)
        }
    }
}
