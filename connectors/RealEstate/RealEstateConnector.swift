import ConnectorKit

/// Reads the real-estate registry (不动产登记): `不动产登记.csv`, UTF-8, one row per property and
/// owner, keeping the properties of people on the roster as `member.properties`.
///
/// A property with several owners appears once per owner: each row is its own fact, so a rule that
/// counts homes of a household must count distinct `unit`s.
public struct RealEstateConnector: Connector {
    /// The source id region files use under `sources:`.
    public static let id = "real-estate"
    /// The data set's Chinese title, shown to people.
    public static let title = "不动产登记"

    /// The export file read from the source folder.
    public static let file = "不动产登记.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [file] }
    /// 规划用途 values.
    public static let uses = ["住宅", "商业", "办公", "工业", "车位"]
    /// 权属状态 values: 现势 (currently held), 历史 (no longer held).
    public static let statuses = ["现势", "历史"]
    /// Units an area may be written with after the number.
    public static let areaUnits = ["㎡", "平方米"]

    /// The fields of a property right, each naming its column of the export: the one place a column name
    /// is written (the header check and the row accessors take it from here).
    enum Field {
        static let unit = FieldSchema("unit", .string, column: "不动产单元号",
                                      doc: "half-width, upper-case; the same for every owner of a property")
        static let owner = FieldSchema("owner_id", .string, column: "权利人证件号", doc: "normalised id number", personal: true)
        static let location = FieldSchema("location", .string, column: "坐落", personal: true)
        static let use = FieldSchema("use", .string, column: "规划用途", doc: "住宅 | 商业 | 办公 | 工业 | 车位", choices: uses)
        static let area = FieldSchema("area", .number, column: "建筑面积", doc: "square metres")
        static let registered = FieldSchema("registered", .date, column: "登记日期")
        static let status = FieldSchema("status", .string, column: "权属状态", doc: "现势 | 历史", choices: statuses)
    }

    /// A registered property right, attached to one of its owners.
    public static let property = RecordSchema(
        name: "property", title: "不动产",
        fields: [Field.unit, Field.owner, Field.location, Field.use, Field.area, Field.registered, Field.status],
        personKey: Field.owner)

    /// The one fact type: ``property`` records keyed by the owner's id number, as `member.properties`.
    public static let factSchemas = [FactSchema(record: property, key: .person, collection: "properties")]

    /// The connector has no settings: all it needs comes with the request.
    public init() {}

    /// Reads ``file``; throws a ``Diagnostic`` when it is missing, cannot be decoded or lacks a required column. Unusable rows are rejected with their reason.
    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readFacts(
            Self.file, schema: Self.property, collection: "properties"
        ) { row throws(RowReject) in
            guard let owner = try row.personID(Field.owner, in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.property,
                fields: [
                    .string(FieldText.halfWidth(try row.text(Field.unit)).uppercased()),
                    .string(owner),
                    .string(try row.text(Field.location)),
                    .string(try row.oneOf(Field.use)),
                    .number(try row.decimal(Field.area, units: Self.areaUnits)),
                    .date(try row.day(Field.registered)),
                    .string(try row.oneOf(Field.status)),
                ],
                source: row.origin)
            return .keep(record, key: owner)
        }
    }
}
