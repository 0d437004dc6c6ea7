import ConnectorKit
import HechaCore

/// Reads the vehicle administration's register (车管所机动车登记): `机动车登记.csv`, UTF-8, one row per
/// vehicle, keeping the vehicles of people on the roster as `member.vehicles`.
///
/// 初次登记日期 and 购置价格 may be empty (unknown), but their columns must be present: a missing
/// price column would make every vehicle's price unknown.
public struct VehicleRegistryConnector: Connector {
    public static let id = "vehicle-registry"
    public static let title = "车管所机动车登记"

    /// The export file read from the source folder.
    public static let file = "机动车登记.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [file] }
    /// 机动车状态 values.
    public static let statuses = ["正常", "抵押", "注销", "报废"]

    /// A registered vehicle, attached to its owner.
    public static let vehicle = RecordSchema(
        name: "vehicle", title: "机动车",
        fields: [
            FieldSchema("plate", .string, column: "号牌号码", personal: true),
            FieldSchema("type", .string, column: "车辆类型", doc: "e.g. 小型轿车, 普通二轮摩托车, 残疾人专用车 (open list)"),
            FieldSchema("owner_id", .string, column: "所有人证件号码", doc: "normalised id number", personal: true),
            FieldSchema("registered", .date, optional: true, column: "初次登记日期"),
            FieldSchema("status", .string, column: "机动车状态", doc: "正常 | 抵押 | 注销 | 报废", choices: statuses),
            FieldSchema("price", .number, optional: true, column: "购置价格", doc: "yuan; unknown when empty"),
        ])

    public static let factSchemas = [FactSchema(record: vehicle, key: .person, collection: "vehicles")]

    public init() {}

    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readFacts(
            Self.file, required: ["号牌号码", "车辆类型", "所有人证件号码", "初次登记日期", "机动车状态", "购置价格"],
            collection: "vehicles"
        ) { row throws(RowReject) in
            guard let owner = try row.personID("所有人证件号码", in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.vehicle,
                fields: [
                    .string(try row.text("号牌号码")),
                    .string(try row.text("车辆类型")),
                    .string(owner),
                    .known(try row.optionalDay("初次登记日期")),
                    .string(try row.oneOf("机动车状态", Self.statuses)),
                    .known(try row.optionalMoney("购置价格")),
                ],
                source: row.origin)
            return .keep(record, key: owner)
        }
    }
}
