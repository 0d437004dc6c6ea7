/// The built-in record schemas of the roster (低保家庭.csv and 家庭成员.csv). Every roster connector
/// fills these; rules read them as `household.<field>` and `member.<field>`.
public enum RosterSchema {
    public static let household = RecordSchema(
        name: "household", title: "低保家庭",
        fields: [
            FieldSchema("id", .string, column: "户编号"),
            FieldSchema("head_name", .string, column: "户主姓名"),
            FieldSchema("head_id", .string, column: "户主身份证号", doc: "normalised id number"),
            FieldSchema("district", .string, column: "区县"),
            FieldSchema("town", .string, column: "镇街"),
            FieldSchema("village", .string, optional: true, column: "村居"),
            FieldSchema("program", .string, column: "救助类别", doc: "城市低保 | 农村低保 | 特困供养"),
            FieldSchema("category", .string, column: "管理类别", doc: "A | B | C"),
            FieldSchema("per_capita_income", .number, column: "家庭月人均收入", doc: "yuan per person per month, assessed at enrolment"),
            FieldSchema("allowance", .number, column: "月保障金", doc: "yuan per month"),
            FieldSchema("enrolled", .date, column: "纳入日期"),
            FieldSchema("status", .string, column: "状态", doc: "在保 | 停保"),
            FieldSchema("last_review", .date, column: "最近复核日期"),
        ])

    public static let member = RecordSchema(
        name: "member", title: "家庭成员",
        fields: [
            FieldSchema("household", .string, column: "户编号"),
            FieldSchema("id", .string, column: "身份证号", doc: "the normalised id number (18 characters when valid)"),
            FieldSchema("raw_id", .string, column: "身份证号", doc: "the id number as written in the file"),
            FieldSchema("id_valid", .bool, doc: "the normalised id has 18 characters, a real birth date and a correct check character"),
            FieldSchema("id_problem", .string, optional: true, doc: "why the id is invalid"),
            FieldSchema("name", .string, column: "姓名"),
            FieldSchema("relation", .string, column: "与户主关系"),
            FieldSchema("coresident", .bool, column: "共同生活"),
            FieldSchema("covered", .bool, column: "保障对象"),
            FieldSchema("phone", .string, optional: true, column: "联系电话"),
            FieldSchema("address", .string, optional: true, column: "现住址"),
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
    public var record: Record

    public init(personID: String?, record: Record) {
        self.personID = personID
        self.record = record
    }
}

/// A household of the roster with its members.
public struct RosterHousehold: Sendable {
    public var id: String
    public var record: Record
    public var members: [RosterMember]

    public init(id: String, record: Record, members: [RosterMember]) {
        self.id = id
        self.record = record
        self.members = members
    }
}

/// The assistance roster: the one data set held whole in memory. Every other source is filtered
/// against its `PersonIndex`.
public struct Roster: Sendable {
    public private(set) var households: [RosterHousehold]
    public let index: PersonIndex

    public init(households: [RosterHousehold]) {
        self.households = households
        var persons: [String: Int32] = [:]
        var multiple: [[Int]] = []
        var hh: [String: Int] = [:]
        hh.reserveCapacity(households.count)
        for (i, h) in households.enumerated() {
            hh[h.id] = i
            for m in h.members {
                guard let p = m.personID else { continue }
                PersonIndex.add(p, household: i, to: &persons, multiple: &multiple)
            }
        }
        index = PersonIndex(persons: persons, multiple: multiple, householdByID: hh)
    }
}

/// Normalised person id → the households (by position in the roster) where that person is a member,
/// and household id → position. Agency connectors keep only records whose key is in here.
public struct PersonIndex: Sendable {
    /// Person id → the one household (≥ 0), or −1 − an index into `multiple` for a person listed
    /// in several households: a million persons need no array each.
    private let households: [String: Int32]
    private let multiple: [[Int]]
    public let householdByID: [String: Int]

    /// The 17-digit bodies of the (valid, 18-character) person ids, for lookups without Strings.
    let bodies: BodyTable

    public init(householdsByPerson: [String: [Int]], householdByID: [String: Int]) {
        var persons: [String: Int32] = [:]
        var multiple: [[Int]] = []
        for (id, list) in householdsByPerson {
            for h in list { PersonIndex.add(id, household: h, to: &persons, multiple: &multiple) }
        }
        self.init(persons: persons, multiple: multiple, householdByID: householdByID)
    }

    /// Records that person `id` is a member of household `household` (once per household).
    static func add(_ id: String, household: Int, to persons: inout [String: Int32], multiple: inout [[Int]]) {
        guard let h = persons[id] else {
            persons[id] = Int32(household)
            return
        }
        if h >= 0 {
            if Int(h) != household {
                persons[id] = -1 - Int32(multiple.count)
                multiple.append([Int(h), household])
            }
        } else if multiple[Int(-1 - h)].last != household {
            multiple[Int(-1 - h)].append(household)
        }
    }

    init(persons: [String: Int32], multiple: [[Int]], householdByID: [String: Int]) {
        self.householdByID = householdByID
        self.households = persons
        self.multiple = multiple
        var bodies = BodyTable(capacity: persons.count)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let checks = Array("10X98765432".utf8)
        for id in persons.keys {
            var id = id
            id.withUTF8 { u in
                guard u.count == 18 else { return }
                var body: UInt64 = 0
                var sum = 0
                for k in 0..<17 {
                    guard u[k] >= 0x30 && u[k] <= 0x39 else { return }
                    body = body * 10 + UInt64(u[k] - 0x30)
                    sum += Int(u[k] - 0x30) * weights[k]
                }
                if checks[sum % 11] == u[17] { bodies.insert(body + 1) }
            }
        }
        self.bodies = bodies
    }

    /// The positions in the roster of the households where the person with this normalised id is
    /// a member (empty when not on the roster).
    public func households(ofPerson id: String) -> [Int] {
        guard let h = households[id] else { return [] }
        return h >= 0 ? [Int(h)] : multiple[Int(-1 - h)]
    }

    public func containsPerson(_ id: String) -> Bool { households[id] != nil }

    /// Whether the valid id with this 17-digit body is on the roster.
    @inline(__always)
    public func containsPerson(body: UInt64) -> Bool { bodies.contains(body + 1) }
    public func containsHousehold(_ id: String) -> Bool { householdByID[id] != nil }
    public var personCount: Int { households.count }
}

/// A set of non-zero 64-bit keys with open addressing and a multiplicative hash: the person
/// index is probed once for every row of every agency file, so this lookup is kept cheap.
///
/// Most probes are for people not on the roster (tens of millions of vehicle owners), and the
/// table of a city's roster is larger than the processor's caches; a bitmap of about eight bits
/// per key answers most of those probes "no" from memory that stays cached.
struct BodyTable: Sendable {
    private var slots: [UInt64]
    private let shift: UInt64
    private var filter: [UInt64]
    private let filterShift: UInt64

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        // at least 8 bits per key, a power of two
        var bits = 1024
        while bits < capacity * 8 { bits <<= 1 }
        filter = [UInt64](repeating: 0, count: bits / 64)
        filterShift = UInt64(64 - bits.trailingZeroBitCount)
    }

    @inline(__always) private func start(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }
    /// A second, independent hash for the bitmap.
    @inline(__always) private func bit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> filterShift) }

    mutating func insert(_ key: UInt64) {
        precondition(key != 0)
        let b = bit(key)
        filter[b >> 6] |= 1 << UInt64(b & 63)
        let mask = slots.count - 1
        var i = start(key)
        while slots[i] != 0 {
            if slots[i] == key { return }
            i = (i + 1) & mask
        }
        slots[i] = key
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        let b = bit(key)
        guard filter.withUnsafeBufferPointer({ $0[b >> 6] & (1 << UInt64(b & 63)) }) != 0 else { return false }
        return slots.withUnsafeBufferPointer { p in
            let mask = p.count - 1
            var i = start(key)
            while true {
                let k = p[i]
                if k == key { return true }
                if k == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }
}
