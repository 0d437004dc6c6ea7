import HechaCore
import Testing

/// The compact roster gives back exactly the households, members and person ids it was given,
/// in household order, however the members came.
struct RosterTests {
    static let file = SourceOrigin(source: "civil-affairs", file: "家庭成员.csv")
    static let householdsFile = SourceOrigin(source: "civil-affairs", file: "低保家庭.csv")

    /// A household record of ``RosterSchema/household`` with the id field `idField`.
    static func household(_ idField: String, status: String = "在保", town: String = "测试镇", line: Int) -> Record {
        Record(schema: RosterSchema.household, fields: RosterSchema.household.fields.map { f -> Value in
            switch f.name {
            case "id": return .string(idField)
            case "status": return .string(status)
            case "town": return .string(town)
            case "village": return .unknown
            case "per_capita_income": return .number(Exact(1_234_567, 10_000))
            case "allowance": return .number(Exact(1, 3))   // no slot holds a third: kept aside
            default: return f.type == .date ? .date(Day(year: 2024, month: 3, day: line % 28 + 1)!) : .string("\(f.name)-\(line)")
            }
        }, source: SourceRef(origin: householdsFile, line: line))
    }

    /// A member record of household `household` with the id `id`, written as `written`.
    static func member(household: String, id: String, written: String? = nil, name: String, line: Int) -> Record {
        Record(schema: RosterSchema.member, fields: RosterSchema.member.fields.map { f -> Value in
            switch f.name {
            case "household": return .string(household)
            case "id": return .string(id)
            case "raw_id": return .string(written ?? id)
            case "id_valid", "coresident": return .bool(true)
            case "covered": return .bool(line % 2 == 0)
            case "id_problem", "phone": return .unknown
            case "name": return .string(name)
            case "address": return .string("湖北省武汉市某区某街道某社区\(line)号")
            default: return .string("本人")
            }
        }, source: SourceRef(origin: file, line: line))
    }

    /// Members added out of household order come back household by household, in the order they
    /// were added within each; every record equals the one given, field for field and place.
    @Test func membersComeBackByHouseholdInTheOrderAdded() {
        let builder = RosterBuilder()
        let ids = ["4201020130000001", "4201020130000002", "4201020130000003"]
        for (i, id) in ids.enumerated() { builder.addHousehold(id: id, record: Self.household(id, line: i + 2)) }
        let a = PersonIndexTests.id(body: 42_010_219_800_101_001), b = PersonIndexTests.id(body: 42_010_219_900_101_002)
        let c = PersonIndexTests.id(body: 42_010_220_000_101_003)
        let given: [(household: Int, member: RosterMember)] = [
            (2, RosterMember(personID: c, record: Self.member(household: ids[2], id: c, name: "丙", line: 2))),
            (0, RosterMember(personID: a, record: Self.member(household: ids[0], id: a, written: " \(a.lowercased()) ", name: "甲", line: 3))),
            (2, RosterMember(personID: nil, record: Self.member(household: ids[2], id: "42010219", name: "丁", line: 4))),
            (0, RosterMember(personID: b, record: Self.member(household: ids[0], id: b, name: "乙", line: 5))),
            (2, RosterMember(personID: a, record: Self.member(household: ids[2], id: a, name: "甲", line: 6))),
        ]
        for g in given { builder.addMember(g.member, toHousehold: g.household) }
        let roster = builder.build()

        #expect(roster.householdCount == 3)
        #expect(roster.memberCount == 5)
        #expect(roster.households.map(\.id) == ids)
        for (h, expected) in [(0, [1, 3]), (1, []), (2, [0, 2, 4])] {
            let household = roster.households[h]
            #expect(household.record == Self.household(ids[h], line: h + 2))
            #expect(household.members.map(\.record) == expected.map { given[$0].member.record })
            #expect(household.members.map(\.personID) == expected.map { given[$0].member.personID })
            #expect(roster.members(ofHousehold: h).count == expected.count)
        }
        #expect(roster.index.households(ofPerson: a) == [0, 2])
        #expect(roster.index.households(ofPerson: c) == [2])
        #expect(roster.index.personCount == 3)
        #expect(roster.index.householdByID[ids[1]] == 1)
        let third = roster.members(ofHousehold: 2)
        #expect(roster.members(ofHousehold: 2, person: a) == [third.upperBound - 1])
        #expect(roster.members(ofHousehold: 0, person: c).isEmpty)
        #expect(roster.personID(ofMember: third.lowerBound + 1) == nil)
        #expect(roster.memberValue(third.lowerBound, field: RosterSchema.member.index(of: "name")!) == .string("丙"))
        #expect(roster.memberSource(third.lowerBound) == SourceRef(origin: Self.file, line: 2))
        #expect(roster.householdValue(2, field: RosterSchema.household.index(of: "allowance")!) == .number(Exact(1, 3)))
    }

    /// A roster made by hand may name households and persons differently from its records' `id`
    /// fields (tests do); those names are kept as given.
    @Test func idsThatDifferFromTheRecordsAreKept() {
        let roster = Roster(households: [
            RosterHousehold(id: "H1", record: Self.household("A", line: 2), members: [
                RosterMember(personID: "P1", record: Self.member(household: "A", id: "A", name: "甲", line: 2)),
            ]),
            RosterHousehold(id: "H2", record: Self.household("H2", line: 3), members: [
                RosterMember(personID: "P2", record: Self.member(household: "H2", id: "P2", name: "乙", line: 3)),
            ]),
        ])
        #expect(roster.households.map(\.id) == ["H1", "H2"])
        #expect(roster.households.flatMap(\.members).map(\.personID) == ["P1", "P2"])
        #expect(roster.index.households(ofPerson: "P1") == [0])
        #expect(roster.members(ofHousehold: 1, person: "P2") == [1])
        #expect(roster.index.householdByID == ["H1": 0, "H2": 1])
    }

    /// Fields left out by a decoding mask are unknown; the others are as given, and text the row
    /// stores once for two fields (an id as written and normalised) is the same text in both.
    @Test func maskedFieldsAreUnknownAndSharedTextIsEqual() {
        let builder = RosterBuilder()
        builder.addHousehold(id: "H1", record: Self.household("H1", line: 2))
        let id = PersonIndexTests.id(body: 42_010_219_800_101_001)
        builder.addMember(RosterMember(personID: id, record: Self.member(household: "H1", id: id, name: "甲", line: 2)), toHousehold: 0)
        let roster = builder.build()
        let mask = RosterSchema.member.fields.map { $0.name == "raw_id" || $0.name == "name" }
        let values = roster.memberValues(0, decoding: mask)
        for (f, v) in zip(RosterSchema.member.fields, values) {
            switch f.name {
            case "raw_id": #expect(v == .string(id))
            case "name": #expect(v == .string("甲"))
            default: #expect(v == .unknown)
            }
        }
        let all = roster.memberValues(0)
        #expect(all[RosterSchema.member.index(of: "id")!] == all[RosterSchema.member.index(of: "raw_id")!])
        #expect(all == Self.member(household: "H1", id: id, name: "甲", line: 2).fields)
    }

    /// Rows spread over several chunks and text repeated from the row above (most of a sorted
    /// export) come back exactly, including an empty text and one that differs by a byte.
    @Test func manyRowsWithRepeatedTextComeBackExactly() {
        let builder = RosterBuilder()
        var expected: [Record] = []
        for i in 0..<70_000 {
            let town = i % 3 == 0 ? "" : (i % 1000 < 500 ? "东湖街道" : "东湖街道a")
            let record = Self.household(String(format: "H%06d", i), status: i % 7 == 0 ? "停保" : "在保", town: town, line: i + 2)
            builder.addHousehold(id: String(format: "H%06d", i), record: record)
            expected.append(record)
        }
        let roster = builder.build()
        #expect(roster.householdCount == expected.count)
        for i in stride(from: 0, to: expected.count, by: 37) { #expect(roster.households[i].record == expected[i]) }
        #expect(roster.households[69_999].record == expected[69_999])
        #expect(roster.householdID(65_536) == "H065536")
    }
}
