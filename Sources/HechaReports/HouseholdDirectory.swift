/// What the human-facing outputs show about a household: where it is and who is in it. Built by
/// the host from the roster, so writers need not read the roster themselves.
public struct HouseholdInfo: Sendable, Hashable {
    /// 镇街: findings are counted and handed out per township.
    public var town: String
    /// 村居, when the roster has it.
    public var village: String
    /// 户主姓名 (full: the writers mask it).
    public var headName: String
    /// Member names by normalised id number (full: the writers mask them).
    public var memberNames: [String: String]
    /// 联系电话: the head's, else the first member's that has one ("" when none).
    public var phone: String
    /// 现住址: the head's, else the first member's that has one ("" when none).
    public var address: String

    /// A household's details; what the roster lacks stays empty.
    public init(town: String, village: String = "", headName: String, memberNames: [String: String] = [:],
                phone: String = "", address: String = "") {
        self.town = town
        self.village = village
        self.headName = headName
        self.memberNames = memberNames
        self.phone = phone
        self.address = address
    }
}

/// Household id → ``HouseholdInfo``, for the households that have findings (or all of them).
public struct HouseholdDirectory: Sendable {
    /// The details by 户编号.
    public var households: [String: HouseholdInfo]

    /// A directory of the given households (none by default).
    public init(_ households: [String: HouseholdInfo] = [:]) { self.households = households }

    /// The town shown for a household that is not in the directory.
    public static let unknownTown = "（未知镇街）"

    /// The details of the household with 户编号 `id`, or `nil` when it is not in the directory.
    public subscript(_ id: String) -> HouseholdInfo? { households[id] }

    /// The 镇街 of a household, or ``unknownTown``.
    public func town(of id: String) -> String {
        guard let t = households[id]?.town, !t.isEmpty else { return HouseholdDirectory.unknownTown }
        return t
    }
}
