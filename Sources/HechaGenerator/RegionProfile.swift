/// Where a generated region lies and how its files are made: the place (city, districts,
/// townships), the assistance standards its region file sets, and the rates of messy and bad rows.
/// A benchmark region is drawn around Wuhan; a preset (the demo county) fixes all of it.
struct RegionProfile: Sendable {
    /// A township: its name as written in the exports, its district (an index into `districts`),
    /// whether it is rural (mostly 农村低保), and its 3-digit code in household numbers.
    struct Town: Sendable {
        var name: String
        var district: Int
        var rural: Bool
        var code: Int
    }

    /// 元/人·月 in fen: 城市低保 before and from 2024-07-01, 农村低保, 特困供养.
    struct Standards: Sendable {
        var urbanBefore: Int
        var urbanFromJuly: Int
        var rural: Int
        var extreme: Int
    }

    var city: String
    var districts: [(code: Int, name: String)]
    /// Fixed townships; `nil`: 20–40 are drawn from `Words.towns`.
    var towns: [Town]?
    var standards: Standards
    /// Digits of the household's sequence number after area and township codes.
    var householdSequenceDigits: Int
    /// Multiplies every rate of messy forms (ids, dates, months, money, addresses).
    var messiness: Double
    /// Rate of outsiders' rows with a wrong check character (rejected).
    var badRate: Double
    /// Multiplies the default row counts of the agency files that are mostly about outsiders.
    var outsiderRows: Double
    /// Whether the near misses of `plantNearMisses` are planted and the bad rows of `DemoBadRows` written.
    var showcase: Bool

    /// 元/人·月 in fen of `program` on `day`.
    func standardFen(_ program: Int, _ day: Date3) -> Int {
        switch program {
        case 0: return day < Date3(2024, 7, 1) ? standards.urbanBefore : standards.urbanFromJuly
        case 1: return standards.rural
        default: return standards.extreme
        }
    }

    /// The benchmark regions of `hecha generate --persons N`.
    static let benchmark = RegionProfile(
        city: "武汉市", districts: Words.districts, towns: nil,
        standards: Standards(urbanBefore: 100_000, urbanFromJuly: 105_000, rural: 80_000, extreme: 135_000),
        householdSequenceDigits: 7, messiness: 1, badRate: 0.00005, outsiderRows: 1, showcase: false)
}
