import ConnectorKit

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
    /// The source id region files use under `sources:`.
    public static let id = "civil-affairs"
    /// The data set's Chinese title, shown to people.
    public static let title = "民政低保数据"

    /// The export files read from the source folder.
    public static let householdsFile = "低保家庭.csv"
    /// The members of the roster's households, linked by 户编号.
    public static let membersFile = "家庭成员.csv"
    /// The assistance payments, one row per payment.
    public static let paymentsFile = "发放记录.csv"
    /// The applications and their processing dates.
    public static let applicationsFile = "申请记录.csv"
    /// Checked by `hecha validate` before any data is read.
    public static var exportFiles: [String] { [householdsFile, membersFile, paymentsFile, applicationsFile] }

    /// 救助类别, 管理类别 and 状态 values.
    public static let programs = ["城市低保", "农村低保", "特困供养"]
    /// 管理类别 values.
    public static let categories = ["A", "B", "C"]
    /// 状态 values: 在保 (receiving assistance), 停保 (stopped).
    public static let statuses = ["在保", "停保"]

    /// The fields of a household of the roster (``RosterSchema/household``, which names their
    /// columns), as handles for the row accessors.
    enum HouseholdField {
        static let id = RosterSchema.household.declaredField("id")
        static let headName = RosterSchema.household.declaredField("head_name")
        static let headID = RosterSchema.household.declaredField("head_id")
        static let district = RosterSchema.household.declaredField("district")
        static let town = RosterSchema.household.declaredField("town")
        static let village = RosterSchema.household.declaredField("village")
        static let program = RosterSchema.household.declaredField("program")
        static let category = RosterSchema.household.declaredField("category")
        static let perCapitaIncome = RosterSchema.household.declaredField("per_capita_income")
        static let allowance = RosterSchema.household.declaredField("allowance")
        static let enrolled = RosterSchema.household.declaredField("enrolled")
        static let status = RosterSchema.household.declaredField("status")
        static let lastReview = RosterSchema.household.declaredField("last_review")
    }

    /// The fields of a member of the roster (``RosterSchema/member``, which names their columns),
    /// as handles for the row accessors.
    enum MemberField {
        static let household = RosterSchema.member.declaredField("household")
        static let id = RosterSchema.member.declaredField("id")
        static let name = RosterSchema.member.declaredField("name")
        static let relation = RosterSchema.member.declaredField("relation")
        static let coresident = RosterSchema.member.declaredField("coresident")
        static let covered = RosterSchema.member.declaredField("covered")
        static let phone = RosterSchema.member.declaredField("phone")
        static let address = RosterSchema.member.declaredField("address")
    }

    /// The fields of a payment, each naming its column of the export: the one place a column name
    /// is written (the header check and the row accessors take it from here).
    enum PaymentField {
        static let household = FieldSchema("household", .string, column: "户编号")
        static let month = FieldSchema("month", .month, column: "发放月份")
        static let amount = FieldSchema("amount", .number, column: "实发金额", doc: "yuan")
        static let paidDate = FieldSchema("paid_date", .date, column: "发放日期")
    }

    /// The fields of an application, each naming its column of the export.
    enum ApplicationField {
        static let id = FieldSchema("id", .string, column: "申请编号")
        static let household = FieldSchema("household", .string, column: "户编号")
        static let type = FieldSchema("type", .string, column: "申请类型")
        static let accepted = FieldSchema("accepted", .date, column: "受理日期")
        static let approved = FieldSchema("approved", .date, optional: true, column: "审批日期", doc: "unknown while not yet approved")
        static let firstPaid = FieldSchema("first_paid", .date, optional: true, column: "首次发放日期", doc: "unknown while not yet paid")
    }

    /// One payment row (a household may have several for one month).
    public static let payment = RecordSchema(
        name: "payment", title: "发放记录",
        fields: [PaymentField.household, PaymentField.month, PaymentField.amount, PaymentField.paidDate])

    /// One application (new case, change, …) and its processing dates.
    public static let application = RecordSchema(
        name: "application", title: "申请记录",
        fields: [ApplicationField.id, ApplicationField.household, ApplicationField.type, ApplicationField.accepted,
                 ApplicationField.approved, ApplicationField.firstPaid])

    /// The household facts: ``payment`` and ``application`` records keyed by 户编号, as `household.payments` and `household.applications`.
    public static let factSchemas = [
        FactSchema(record: payment, key: .household, collection: "payments"),
        FactSchema(record: application, key: .household, collection: "applications"),
    ]

    /// The connector has no settings: all it needs comes with the request.
    public init() {}

    // MARK: - Roster

    /// Reads ``householdsFile`` then ``membersFile`` into the roster; throws a ``Diagnostic`` when either is missing, cannot be decoded or lacks a required column.
    ///
    /// Each row goes into the roster's compact rows as soon as it is read, so the records of a
    /// city's million members never wait in memory together.
    public func readRoster(_ request: RosterRequest) throws(Diagnostic) -> Roster {
        let roster = RosterBuilder()
        let ids = try readHouseholds(request, into: roster)
        try readMembers(request, into: roster, ids: ids)
        return roster.build()
    }

    /// Adds the households to `roster` and gives their ids by position.
    private func readHouseholds(_ request: RosterRequest, into roster: RosterBuilder) throws(Diagnostic) -> [String] {
        let file = try request.openCSV(Self.householdsFile, schema: RosterSchema.household)
        var firstLine: [String: Int] = [:]
        var ids: [String] = []
        try file.readRows(into: request.report, onKept: { (kept: (id: String, record: Record)) in
            roster.addHousehold(id: kept.id, record: kept.record)
            ids.append(kept.id)
        }) { row throws(RowReject) in
            let id = try row.text(HouseholdField.id)
            if let line = firstLine[id] {
                throw RowReject("\(HouseholdField.id.exportColumn) '\(id)' 重复：第 \(line) 行已有该户且内容不同")
            }
            let record = Record(
                schema: RosterSchema.household,
                fields: [
                    .string(id),
                    .string(try row.text(HouseholdField.headName)),
                    .string(try row.requiredIDNumber(HouseholdField.headID).text),
                    .string(try row.text(HouseholdField.district)),
                    .string(try row.text(HouseholdField.town)),
                    .known(row.optionalText(HouseholdField.village)),
                    .string(try row.oneOf(HouseholdField.program, Self.programs)),
                    .string(try row.oneOf(HouseholdField.category, Self.categories)),
                    .number(try row.money(HouseholdField.perCapitaIncome)),
                    .number(try row.money(HouseholdField.allowance)),
                    .date(try row.day(HouseholdField.enrolled)),
                    .string(try row.oneOf(HouseholdField.status, Self.statuses)),
                    .date(try row.day(HouseholdField.lastReview)),
                ],
                source: row.origin)
            firstLine[id] = row.line
            return .keep((id: id, record: record))
        }
        return ids
    }

    /// Adds the members of households in `roster`; `ids` are the households' ids by position: a
    /// member's 户编号 shares that String's storage.
    private func readMembers(_ request: RosterRequest, into roster: RosterBuilder, ids: [String]) throws(Diagnostic) {
        let file = try request.openCSV(Self.membersFile, schema: RosterSchema.member)
        try file.readRows(into: request.report, onKept: { (kept: (position: Int, member: RosterMember)) in
            roster.addMember(kept.member, toHousehold: kept.position)
        }) { row throws(RowReject) in
            let household = try row.text(MemberField.household)
            guard let position = roster.position(ofHousehold: household) else { return .unmatched }
            let id = row.idNumber(MemberField.id)
            // the id as written is nearly always the normalised id: share its storage then
            let written = row.field(MemberField.id) ?? ""
            let record = Record(
                schema: RosterSchema.member,
                fields: [
                    .string(ids[position]),
                    .string(id.text),
                    .string(written == id.text ? id.text : written),
                    .bool(id.isValid),
                    .known(id.problem),
                    .string(try row.text(MemberField.name)),
                    .string(try row.text(MemberField.relation)),
                    .bool(try row.yesNo(MemberField.coresident)),
                    .bool(try row.yesNo(MemberField.covered)),
                    .known(row.optionalText(MemberField.phone)),
                    .known(row.optionalText(MemberField.address)),
                ],
                source: row.origin)
            return .keep((position: position, member: RosterMember(personID: id.isValid ? id.text : nil, record: record)))
        }
    }

    // MARK: - Household facts

    /// Reads ``paymentsFile`` then ``applicationsFile``, keeping rows of households on the roster; throws a ``Diagnostic`` when a file is missing, cannot be decoded or lacks a required column.
    public func read(_ request: ReadRequest) throws(Diagnostic) {
        try request.readFacts(
            Self.paymentsFile, schema: Self.payment, collection: "payments"
        ) { row throws(RowReject) in
            guard let household = try row.household(PaymentField.household, in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.payment,
                fields: [
                    .string(household),
                    .month(try row.month(PaymentField.month)),
                    .number(try row.money(PaymentField.amount)),
                    .date(try row.day(PaymentField.paidDate)),
                ],
                source: row.origin)
            return .keep(record, key: household)
        }
        try request.readFacts(
            // approved and first_paid may be empty (not yet done), but their columns must be present
            Self.applicationsFile, schema: Self.application,
            alsoRequired: [ApplicationField.approved, ApplicationField.firstPaid], collection: "applications"
        ) { row throws(RowReject) in
            guard let household = try row.household(ApplicationField.household, in: request.index) else { return .unmatched }
            let record = Record(
                schema: Self.application,
                fields: [
                    .string(try row.text(ApplicationField.id)),
                    .string(household),
                    .string(try row.text(ApplicationField.type)),
                    .date(try row.day(ApplicationField.accepted)),
                    .known(try row.optionalDay(ApplicationField.approved)),
                    .known(try row.optionalDay(ApplicationField.firstPaid)),
                ],
                source: row.origin)
            return .keep(record, key: household)
        }
    }
}
