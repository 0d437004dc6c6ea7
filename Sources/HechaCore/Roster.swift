import Foundation

/// The built-in record schemas of the roster (低保家庭.csv and 家庭成员.csv). Every roster connector
/// fills these; rules read them as `household.<field>` and `member.<field>`.
public enum RosterSchema {
    /// The household row (低保家庭.csv): one per household, `id` is the 户编号.
    public static let household = RecordSchema(
        name: "household", title: "低保家庭",
        fields: [
            FieldSchema("id", .string, column: "户编号"),
            FieldSchema("head_name", .string, column: "户主姓名", personal: true),
            FieldSchema("head_id", .string, column: "户主身份证号", doc: "normalised id number", personal: true),
            FieldSchema("district", .string, column: "区县"),
            FieldSchema("town", .string, column: "镇街"),
            FieldSchema("village", .string, optional: true, column: "村居"),
            FieldSchema("program", .string, column: "救助类别", doc: "城市低保 | 农村低保 | 特困供养",
                        choices: ["城市低保", "农村低保", "特困供养"]),
            FieldSchema("category", .string, column: "管理类别", doc: "A | B | C", choices: ["A", "B", "C"]),
            FieldSchema("per_capita_income", .number, column: "家庭月人均收入", doc: "yuan per person per month, assessed at enrolment"),
            FieldSchema("allowance", .number, column: "月保障金", doc: "yuan per month"),
            FieldSchema("enrolled", .date, column: "纳入日期"),
            FieldSchema("status", .string, column: "状态", doc: "在保 | 停保", choices: ["在保", "停保"]),
            FieldSchema("last_review", .date, column: "最近复核日期"),
        ])

    /// The member row (家庭成员.csv): one per person per household, linked by `household` (户编号).
    public static let member = RecordSchema(
        name: "member", title: "家庭成员",
        fields: [
            FieldSchema("household", .string, column: "户编号"),
            FieldSchema("id", .string, column: "身份证号", doc: "the normalised id number (18 characters when valid)", personal: true),
            FieldSchema("raw_id", .string, column: "身份证号", doc: "the id number as written in the file", personal: true),
            FieldSchema("id_valid", .bool, doc: "the normalised id has 18 characters, a real birth date and a correct check character"),
            FieldSchema("id_problem", .string, optional: true, doc: "why the id is invalid"),
            FieldSchema("name", .string, column: "姓名", personal: true),
            FieldSchema("relation", .string, column: "与户主关系"),
            FieldSchema("coresident", .bool, column: "共同生活"),
            FieldSchema("covered", .bool, column: "保障对象"),
            FieldSchema("phone", .string, optional: true, column: "联系电话", personal: true),
            FieldSchema("address", .string, optional: true, column: "现住址", personal: true),
        ])

    /// One membership of a person in a household: `member.memberships` lists every household of
    /// the roster where the same (normalised) person is listed, this one included.
    public static let membership = RecordSchema(
        name: "membership", title: "该人员在花名册中的所有家庭",
        fields: [
            FieldSchema("household", .string, doc: "户编号"),
            FieldSchema("program", .string, doc: "救助类别 of that household"),
            FieldSchema("status", .string, doc: "状态 of that household"),
            FieldSchema("active", .bool, doc: "that household's 状态 is 在保"),
            FieldSchema("coresident", .bool),
            FieldSchema("covered", .bool),
        ])
}

/// A member row of the roster.
public struct RosterMember: Sendable {
    /// The normalised id when it is valid; `nil` when invalid (such a member matches no fact).
    public var personID: String?
    /// The member's fields, in the order of ``RosterSchema/member``.
    public var record: Record

    /// A member row; pass `nil` as `personID` when the id number is invalid.
    public init(personID: String?, record: Record) {
        self.personID = personID
        self.record = record
    }
}

/// A household of the roster with its members.
public struct RosterHousehold: Sendable {
    /// The 户编号, unique in the roster.
    public var id: String
    /// The household's fields, in the order of ``RosterSchema/household``.
    public var record: Record
    /// The household's member rows, in file order.
    public var members: [RosterMember]

    /// A household with its members.
    public init(id: String, record: Record, members: [RosterMember]) {
        self.id = id
        self.record = record
        self.members = members
    }
}

/// The assistance roster: the one data set held whole in memory. Every other source is filtered
/// against its `PersonIndex`.
///
/// Its rows are held compactly (``RosterRows``) and decoded when asked for: ``households`` gives
/// each household with its members as records, and the accessors below give one field, one row's
/// values or one member's id without decoding the rest.
///
/// Households are numbered from 0 in the order the roster connector gave them (``PersonIndex``
/// positions refer to this order); members are numbered from 0 household by household, in file
/// order within each household (``members(ofHousehold:)``).
public struct Roster: Sendable {
    let storage: RosterStorage
    /// Which households each person (by valid normalised id) is a member of.
    public let index: PersonIndex

    init(storage: RosterStorage, index: PersonIndex) {
        self.storage = storage
        self.index = index
    }

    /// Makes the roster and builds its ``index``; members without a valid id (`personID == nil`)
    /// are not indexed. Records must be of ``RosterSchema/household`` and ``RosterSchema/member``.
    public init(households: [RosterHousehold]) {
        let builder = RosterBuilder()
        for h in households {
            let position = builder.addHousehold(id: h.id, record: h.record)
            for m in h.members { builder.addMember(m, toHousehold: position) }
        }
        self = builder.build()
    }

    /// The households with their members, decoded one at a time when each is read.
    public var households: RosterHouseholds { RosterHouseholds(roster: self) }

    /// The number of households.
    public var householdCount: Int { storage.households.count }
    /// The number of member rows (a person in two households counts twice).
    public var memberCount: Int { storage.members.count }
    /// The bytes the roster's encoded rows and their order by household take (not the person
    /// index), for `--timings`.
    public var heldBytes: Int {
        storage.households.memory + storage.members.memory + storage.memberOrder.capacity * 4
            + storage.memberStart.capacity * 4 + storage.personKinds.capacity + storage.personBodies.capacity * 8
    }

    /// Household `h` with its members, as records.
    public func household(_ h: Int) -> RosterHousehold {
        RosterHousehold(id: householdID(h), record: storage.households.record(h),
                        members: members(ofHousehold: h).map { RosterMember(personID: personID(ofMember: $0), record: memberRecord($0)) })
    }

    /// The 户编号 of household `h`.
    public func householdID(_ h: Int) -> String {
        if let id = storage.otherHouseholdIDs[h] { return id }
        guard case .string(let id) = storage.households.value(h, field: RosterStorage.householdIDField) else { return "" }
        return id
    }

    /// Household `h`'s field values in the order of ``RosterSchema/household``, with room for
    /// `reserving` values in all (for a view that appends its own). Fields left out by
    /// `decoding` (by position; nil: none) are `unknown`.
    public func householdValues(_ h: Int, decoding: [Bool]? = nil, reserving: Int = 0) -> [Value] {
        storage.households.values(h, decoding: decoding, reserving: reserving)
    }
    /// Field number `field` (of ``RosterSchema/household``) of household `h`.
    public func householdValue(_ h: Int, field: Int) -> Value { storage.households.value(h, field: field) }
    /// Where household `h`'s row was read.
    public func householdSource(_ h: Int) -> SourceRef? { storage.households.source(h) }

    /// The numbers of household `h`'s members, in file order.
    public func members(ofHousehold h: Int) -> Range<Int> { Int(storage.memberStart[h])..<Int(storage.memberStart[h + 1]) }
    /// Member `m` as a record of ``RosterSchema/member``.
    public func memberRecord(_ m: Int) -> Record { storage.members.record(storage.row(m)) }
    /// Member `m`'s field values in the order of ``RosterSchema/member``, with room for
    /// `reserving` values in all; fields left out by `decoding` are `unknown`.
    public func memberValues(_ m: Int, decoding: [Bool]? = nil, reserving: Int = 0) -> [Value] {
        storage.members.values(storage.row(m), decoding: decoding, reserving: reserving)
    }
    /// Field number `field` (of ``RosterSchema/member``) of member `m`.
    public func memberValue(_ m: Int, field: Int) -> Value { storage.members.value(storage.row(m), field: field) }
    /// Where member `m`'s row was read.
    public func memberSource(_ m: Int) -> SourceRef? { storage.members.source(storage.row(m)) }
    /// Member `m`'s normalised id when it is valid, nil otherwise (``RosterMember/personID``).
    public func personID(ofMember m: Int) -> String? { storage.personID(row: storage.row(m)) }

    /// The members of household `h` who are the person with the normalised id `personID`.
    public func members(ofHousehold h: Int, person personID: String) -> [Int] {
        let body = PersonIndex.body(personID).map { $0 + 1 }
        return members(ofHousehold: h).filter { m in
            let row = storage.row(m)
            if let body, storage.personBodies[row] != 0 { return storage.personBodies[row] == body }
            return storage.personID(row: row) == personID
        }
    }
}

/// The households of a ``Roster`` with their members, each decoded when it is read.
public struct RosterHouseholds: RandomAccessCollection, Sendable {
    let roster: Roster

    /// The first household's number, 0.
    public var startIndex: Int { 0 }
    /// The number of households.
    public var endIndex: Int { roster.householdCount }
    /// Household number `position` with its members.
    public subscript(position: Int) -> RosterHousehold { roster.household(position) }
}
