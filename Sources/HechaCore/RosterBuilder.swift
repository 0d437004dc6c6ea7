/// Collects a roster row by row, each row encoded as soon as it is added (so a roster connector's
/// records live only while their row is read), then makes the ``Roster`` and its index.
///
/// Households are numbered in the order they are added; members may come in any order (a
/// members file is read after the households and need not be sorted by household).
///
/// A class, so that a connector's row closures can add to it and look households up in it
/// while one file is read.
public final class RosterBuilder {
    private var households = RosterRows(schema: RosterSchema.household)
    private var members = RosterRows(schema: RosterSchema.member)
    private var positions: [String: Int] = [:]
    private var otherHouseholdIDs: [Int: String] = [:]
    /// By member row (in the order added): its household's number.
    private var memberHousehold: [Int32] = []
    private var personKinds: [RosterStorage.PersonKind] = []
    private var personBodies: [UInt64] = []
    private var otherPersonIDs: [Int: String] = [:]

    /// An empty roster.
    public init() {}

    /// The number of households added.
    public var householdCount: Int { households.count }

    /// Adds a household (a record of ``RosterSchema/household``) and gives its number. A second
    /// household with the same `id` is kept as a row, and `id` then finds the later one.
    @discardableResult
    public func addHousehold(id: String, record: Record) -> Int {
        let position = households.count
        households.append(record)
        if record.fields[RosterStorage.householdIDField] != .string(id) { otherHouseholdIDs[position] = id }
        positions[id] = position
        return position
    }

    /// The number of the household added with this 户编号 (the last one, if several were).
    public func position(ofHousehold id: String) -> Int? { positions[id] }

    /// Adds a member (its record of ``RosterSchema/member``) to household number `household`.
    public func addMember(_ member: RosterMember, toHousehold household: Int) {
        precondition(household >= 0 && household < households.count, "member of household \(household), of \(households.count) added")
        let row = members.count
        members.append(member.record)
        memberHousehold.append(Int32(household))
        guard let pid = member.personID else {
            personKinds.append(.none)
            personBodies.append(0)
            return
        }
        if member.record.fields[RosterStorage.memberIDField] == .string(pid) {
            personKinds.append(.idField)
        } else {
            personKinds.append(.other)
            otherPersonIDs[row] = pid
        }
        personBodies.append(PersonIndex.body(pid).map { $0 + 1 } ?? 0)
    }

    /// The roster: members ordered by household (a stable counting sort), and the person index.
    /// Call it once, when every row is added.
    public func build() -> Roster {
        households.seal()
        members.seal()
        let count = households.count
        var start = [Int32](repeating: 0, count: count + 1)
        for h in memberHousehold { start[Int(h) + 1] += 1 }
        for i in 0..<count { start[i + 1] += start[i] }
        var fill = start
        var order = [Int32](repeating: 0, count: memberHousehold.count)
        for (row, h) in memberHousehold.enumerated() {
            order[Int(fill[Int(h)])] = Int32(row)
            fill[Int(h)] += 1
        }
        let storage = RosterStorage(households: households, members: members, memberOrder: order, memberStart: start,
                                    otherHouseholdIDs: otherHouseholdIDs, personKinds: personKinds,
                                    personBodies: personBodies, otherPersonIDs: otherPersonIDs)
        var index = PersonIndex.Builder(capacity: memberHousehold.count)
        for h in 0..<count {
            for m in Int(start[h])..<Int(start[h + 1]) {
                let row = Int(order[m])
                if personBodies[row] != 0 {
                    index.add(body: personBodies[row] - 1, household: h)
                } else if let pid = storage.personID(row: row) {
                    index.add(pid, household: h)
                }
            }
        }
        return Roster(storage: storage, index: index.index(householdByID: positions))
    }
}

/// What a ``Roster`` holds: its rows, encoded, and how members are found by household.
final class RosterStorage: Sendable {
    /// The position of `id` in ``RosterSchema/household`` and in ``RosterSchema/member``.
    static let householdIDField = RosterSchema.household.index(of: "id")!
    static let memberIDField = RosterSchema.member.index(of: "id")!

    /// Where a member's ``RosterMember/personID`` is.
    enum PersonKind: UInt8, Sendable {
        /// None: the id is not valid.
        case none
        /// The record's `id` field.
        case idField
        /// In ``otherPersonIDs`` (a roster made by hand whose person ids differ from its records).
        case other
    }

    let households: RosterRows
    /// Member rows in the order they were added.
    let members: RosterRows
    /// Member number (household by household) → row in ``members``.
    let memberOrder: [Int32]
    /// Household number → its first member number; one more entry at the end.
    let memberStart: [Int32]
    /// The 户编号 of households whose record's `id` field differs from it.
    let otherHouseholdIDs: [Int: String]
    /// By member row.
    let personKinds: [PersonKind]
    /// By member row: the 17-digit body of the person id + 1, or 0 when it has none.
    let personBodies: [UInt64]
    let otherPersonIDs: [Int: String]

    init(households: RosterRows, members: RosterRows, memberOrder: [Int32], memberStart: [Int32],
         otherHouseholdIDs: [Int: String], personKinds: [PersonKind], personBodies: [UInt64], otherPersonIDs: [Int: String]) {
        self.households = households
        self.members = members
        self.memberOrder = memberOrder
        self.memberStart = memberStart
        self.otherHouseholdIDs = otherHouseholdIDs
        self.personKinds = personKinds
        self.personBodies = personBodies
        self.otherPersonIDs = otherPersonIDs
    }

    /// The row in ``members`` of member number `m`.
    @inline(__always) func row(_ m: Int) -> Int { Int(memberOrder[m]) }

    /// The person id of the member in row `row`.
    func personID(row: Int) -> String? {
        switch personKinds[row] {
        case .none: return nil
        case .other: return otherPersonIDs[row]
        case .idField:
            guard case .string(let id) = members.value(row, field: Self.memberIDField) else { return nil }
            return id
        }
    }
}
