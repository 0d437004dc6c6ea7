import ConnectorKit

/// Reads the vehicle administration's register (车管所机动车登记): `机动车登记.csv`, UTF-8, one row per
/// vehicle, keeping the vehicles of people on the roster as `member.vehicles`.
///
/// 初次登记日期 and 购置价格 may be empty (unknown), but their columns must be present: a missing
/// price column would make every vehicle's price unknown.
public struct VehicleRegistryConnector: Connector {
    /// The source id region files use under `sources:`.
    public static let id = "vehicle-registry"
    /// The data set's Chinese title, shown to people.
    public static let title = "车管所机动车登记"

    /// The export file read from the source folder.
    public static let file = "机动车登记.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [file] }
    /// 机动车状态 values.
    public static let statuses = ["正常", "抵押", "注销", "报废"]

    /// The fields of a vehicle, each naming its column of the export: the one place a column name
    /// is written (the header check and the row accessors take it from here).
    enum Field {
        static let plate = FieldSchema("plate", .string, column: "号牌号码", personal: true)
        static let type = FieldSchema("type", .string, column: "车辆类型", doc: "e.g. 小型轿车, 普通二轮摩托车, 残疾人专用车 (open list)")
        static let owner = FieldSchema("owner_id", .string, column: "所有人证件号码", doc: "normalised id number", personal: true)
        static let registered = FieldSchema("registered", .date, optional: true, column: "初次登记日期")
        static let status = FieldSchema("status", .string, column: "机动车状态", doc: "正常 | 抵押 | 注销 | 报废", choices: statuses)
        static let price = FieldSchema("price", .number, optional: true, column: "购置价格", doc: "yuan; unknown when empty")
    }

    /// A registered vehicle, attached to its owner.
    public static let vehicle = RecordSchema(
        name: "vehicle", title: "机动车",
        fields: [Field.plate, Field.type, Field.owner, Field.registered, Field.status, Field.price],
        personKey: Field.owner)

    /// The one fact type: ``vehicle`` records keyed by the owner's id number, as `member.vehicles`.
    public static let factSchemas = [FactSchema(record: vehicle, key: .person, collection: "vehicles")]

    /// The connector has no settings: all it needs comes with the request.
    public init() {}

    /// Reads ``file``; throws a ``Diagnostic`` when it is missing, cannot be decoded or lacks a required column (the date and price columns included). Unusable rows are rejected with their reason.
    public func read(_ request: ReadRequest) throws(Diagnostic) {
        // a missing date or price column would make every vehicle's date or price unknown
        try request.readFacts(
            Self.file, schema: Self.vehicle, alsoRequired: [Field.registered, Field.price], collection: "vehicles"
        ) { row throws(RowReject) in
            guard let owner = try row.personID(Field.owner, in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.vehicle,
                fields: [
                    .string(try row.text(Field.plate)),
                    .string(try row.text(Field.type)),
                    .string(owner),
                    .known(try row.optionalDay(Field.registered)),
                    .string(try row.oneOf(Field.status)),
                    .known(try row.optionalMoney(Field.price)),
                ],
                source: row.origin)
            return .keep(record, key: owner)
        }
    }
}
