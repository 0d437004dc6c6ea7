import ConnectorKit
import HechaCore

/// Reads the civil-affairs bureau's own export (民政低保数据), UTF-8 CSV:
///
/// - the roster (``readRoster(_:)``): `低保家庭.csv` (households) and `家庭成员.csv` (members);
/// - household facts (``read(_:)``, after the roster): `发放记录.csv` as `household.payments` and
///   `申请记录.csv` as `household.applications`.
///
/// Members whose id number is invalid or empty are kept (with `id_valid = false`), not rejected:
/// a rule reports them. Members of a household that is not in `低保家庭.csv` (or whose household row
/// was rejected) are unmatched. A household id listed twice with different data rejects the later row.
/// Only 村居, 联系电话 and 现住址 may be missing as columns; 审批日期 and 首次发放日期 may be empty (not
/// yet done) but their columns must be present.
public struct CivilAffairsConnector: RosterConnector {
    public static let id = "civil-affairs"
    public static let title = "民政低保数据"

    /// The export files read from the source folder.
    public static let householdsFile = "低保家庭.csv"
    public static let membersFile = "家庭成员.csv"
    public static let paymentsFile = "发放记录.csv"
    public static let applicationsFile = "申请记录.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [householdsFile, membersFile, paymentsFile, applicationsFile] }

    /// 救助类别, 管理类别 and 状态 values.
    public static let programs = ["城市低保", "农村低保", "特困供养"]
    public static let categories = ["A", "B", "C"]
    public static let statuses = ["在保", "停保"]

    /// One payment row (a household may have several for one month).
    public static let payment = RecordSchema(
        name: "payment", title: "发放记录",
        fields: [
            FieldSchema("household", .string, column: "户编号"),
            FieldSchema("month", .month, column: "发放月份"),
            FieldSchema("amount", .number, column: "实发金额", doc: "yuan"),
            FieldSchema("paid_date", .date, column: "发放日期"),
        ])

    /// One application (new case, change, …) and its processing dates.
    public static let application = RecordSchema(
        name: "application", title: "申请记录",
        fields: [
            FieldSchema("id", .string, column: "申请编号"),
            FieldSchema("household", .string, column: "户编号"),
            FieldSchema("type", .string, column: "申请类型"),
            FieldSchema("accepted", .date, column: "受理日期"),
            FieldSchema("approved", .date, optional: true, column: "审批日期", doc: "unknown while not yet approved"),
            FieldSchema("first_paid", .date, optional: true, column: "首次发放日期", doc: "unknown while not yet paid"),
        ])

    public static let factSchemas = [
        FactSchema(record: payment, key: .household, collection: "payments"),
        FactSchema(record: application, key: .household, collection: "applications"),
    ]

    public init() {}

    // MARK: - Roster

    public func readRoster(_ request: RosterRequest) throws(Diagnostic) -> Roster {
        let households = try readHouseholds(request)
        var position: [String: Int] = [:]
        position.reserveCapacity(households.count)
        for (i, h) in households.enumerated() { position[h.id] = i }
        var members = [[RosterMember]](repeating: [], count: households.count)
        for (i, member) in try readMembers(request, households: position, ids: households.map(\.id)) { members[i].append(member) }
        return Roster(households: households.enumerated().map { i, h in
            RosterHousehold(id: h.id, record: h.record, members: members[i])
        })
    }

    private func readHouseholds(_ request: RosterRequest) throws(Diagnostic) -> [(id: String, record: Record)] {
        let file = try request.openCSV(
            Self.householdsFile,
            required: ["户编号", "户主姓名", "户主身份证号", "区县", "镇街", "救助类别", "管理类别", "家庭月人均收入", "月保障金",
                       "纳入日期", "状态", "最近复核日期"],
            optional: ["村居"])
        var firstLine: [String: Int] = [:]
        return try file.readRows(into: request.report) { row throws(RowReject) in
            let id = try row.text("户编号")
            if let line = firstLine[id] {
                throw RowReject("户编号 '\(id)' 重复：第 \(line) 行已有该户且内容不同")
            }
            let record = Record(
                schema: RosterSchema.household,
                fields: [
                    .string(id),
                    .string(try row.text("户主姓名")),
                    .string(try row.requiredIDNumber("户主身份证号").text),
                    .string(try row.text("区县")),
                    .string(try row.text("镇街")),
                    .known(row.optionalText("村居")),
                    .string(try row.oneOf("救助类别", Self.programs)),
                    .string(try row.oneOf("管理类别", Self.categories)),
                    .number(try row.money("家庭月人均收入")),
                    .number(try row.money("月保障金")),
                    .date(try row.day("纳入日期")),
                    .string(try row.oneOf("状态", Self.statuses)),
                    .date(try row.day("最近复核日期")),
                ],
                source: row.origin)
            firstLine[id] = row.line
            return .keep((id: id, record: record))
        }
    }

    /// `ids` are the households' ids by position: a member's 户编号 shares that String's storage.
    private func readMembers(_ request: RosterRequest, households: [String: Int], ids: [String]) throws(Diagnostic) -> [(Int, RosterMember)] {
        let file = try request.openCSV(
            Self.membersFile,
            required: ["户编号", "身份证号", "姓名", "与户主关系", "共同生活", "保障对象"],
            optional: ["联系电话", "现住址"])
        return try file.readRows(into: request.report) { row throws(RowReject) in
            let household = try row.text("户编号")
            guard let position = households[household] else { return .unmatched }
            let id = row.idNumber("身份证号")
            // the id as written is nearly always the normalised id: share its storage then
            let written = row.field("身份证号") ?? ""
            let record = Record(
                schema: RosterSchema.member,
                fields: [
                    .string(ids[position]),
                    .string(id.text),
                    .string(written == id.text ? id.text : written),
                    .bool(id.isValid),
                    .known(id.problem),
                    .string(try row.text("姓名")),
                    .string(try row.text("与户主关系")),
                    .bool(try row.yesNo("共同生活")),
                    .bool(try row.yesNo("保障对象")),
                    .known(row.optionalText("联系电话")),
                    .known(row.optionalText("现住址")),
                ],
                source: row.origin)
            return .keep((position, RosterMember(personID: id.isValid ? id.text : nil, record: record)))
        }
    }

    // MARK: - Household facts

    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readFacts(
            Self.paymentsFile, required: ["户编号", "发放月份", "实发金额", "发放日期"], collection: "payments"
        ) { row throws(RowReject) in
            let household = try row.text("户编号")
            guard request.index.containsHousehold(household) else { return .unmatched }
            let record = Record(
                schema: Self.payment,
                fields: [
                    .string(household),
                    .month(try row.month("发放月份")),
                    .number(try row.money("实发金额")),
                    .date(try row.day("发放日期")),
                ],
                source: row.origin)
            return .keep(record, key: household)
        }
        try request.readFacts(
            Self.applicationsFile, required: ["申请编号", "户编号", "申请类型", "受理日期", "审批日期", "首次发放日期"],
            collection: "applications"
        ) { row throws(RowReject) in
            let household = try row.text("户编号")
            guard request.index.containsHousehold(household) else { return .unmatched }
            let record = Record(
                schema: Self.application,
                fields: [
                    .string(try row.text("申请编号")),
                    .string(household),
                    .string(try row.text("申请类型")),
                    .date(try row.day("受理日期")),
                    .known(try row.optionalDay("审批日期")),
                    .known(try row.optionalDay("首次发放日期")),
                ],
                source: row.origin)
            return .keep(record, key: household)
        }
    }
}
