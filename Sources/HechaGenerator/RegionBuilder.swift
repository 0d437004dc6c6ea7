/// A finding the generated data must produce, on the five keys a test compares.
public struct ExpectedFinding: Sendable, Hashable, Comparable {
    /// The rule id.
    public var rule: String
    /// The household number.
    public var household: String
    /// The person's normalised id, for person-level findings.
    public var person: String?
    /// The application number, for application-level findings.
    public var application: String?
    /// Yuan with two decimals, rounded half-up; `nil` for rules without an amount.
    public var amount: String?

    /// The order of `expected-findings.jsonl`: rule, household, person, application, amount.
    public static func < (a: ExpectedFinding, b: ExpectedFinding) -> Bool {
        (a.rule, a.household, a.person ?? "", a.application ?? "", a.amount ?? "")
            < (b.rule, b.household, b.person ?? "", b.application ?? "", b.amount ?? "")
    }

    /// A planted case is identified without its amount.
    var key: String { [rule, household, person ?? "-", application ?? "-"].joined(separator: " ") }
}

/// Builds the model: towns, households and persons, background agency facts that fire no rule,
/// then the planted cases (a fixed number per rule variant, growing slowly with the roster).
final class RegionBuilder {
    let targetPersons: Int
    var rng: Random
    var persons: [Person] = []
    var households: [Household] = []
    var usedBodies = Set<UInt64>()
    var towns: [(name: String, district: Int, rural: Bool, code: Int)] = []

    var vehicles: [Int: [Vehicle]] = [:]
    var properties: [Int: [Property]] = [:]
    var businesses: [Int: [Business]] = [:]
    var accounts: [Int: [Account]] = [:]
    var incomes: [Int: [Income]] = [:]
    var subsidies: [Int: [Subsidy]] = [:]
    var deaths: [Int: [Date3]] = [:]
    var officials: [Int: Int] = [:]
    var payments: [[Payment]] = []
    var applications: [Application] = []
    /// Month adjustments of planted payment cases: household → (month, change in fen, or nil to drop the month).
    var paymentChanges: [Int: (month: Int, delta: Int?)] = [:]
    /// The keys of the planted cases that must fire.
    var planted = Set<String>()
    var unitCounter = 0
    var accountCounter = 0

    let profile: RegionProfile
    /// Planted near misses that must not fire, with why (for PLANTED.md).
    var nearMisses: [NearMiss] = []
    /// Why each planted case fires, by its key (for PLANTED.md).
    var reasons: [String: String] = [:]

    init(persons: Int, seed: UInt64, profile: RegionProfile = .benchmark) {
        targetPersons = persons
        self.profile = profile
        rng = Random(seed: seed, stream: "roster")
    }

    var districts: [(code: Int, name: String)] { profile.districts }

    func standardFen(_ program: Int, _ day: Date3) -> Int { profile.standardFen(program, day) }

    func build() {
        makeTowns()
        while persons.count < targetPersons { makeHousehold() }
        for h in households.indices { backgroundFacts(h) }
        plant()
        for h in households.indices { payments.append(paymentRows(h)) }
        makeApplications()
    }

    // MARK: - Roster

    func makeTowns() {
        if let fixed = profile.towns {
            towns = fixed.map { ($0.name, $0.district, $0.rural, $0.code) }
            return
        }
        var names = Words.towns
        rng.shuffle(&names)
        let count = 20 + rng.int(21)
        for t in 0..<count {
            let district = t % districts.count
            let rural = district >= Words.firstRuralDistrict
            towns.append((names[t] + (rural ? "镇" : "街道"), district, rural, t + 1))
        }
    }

    func newPerson(age: Int, male: Bool, area: Int) -> Int {
        let start = Date3(2024 - age, 1, 1).ordinal
        while true {
            let birth = Date3(ordinal: start + rng.int(365))
            var seq = rng.int(250) * 2 + (male ? 1 : 0)
            if seq == 0 { seq = 2 }
            let body = IDText.body(area: area, birth: birth, sequence: seq)
            if usedBodies.insert(body).inserted {
                persons.append(Person(body: body, male: male, name: rng.name(male: male), birth: birth))
                return persons.count - 1
            }
        }
    }

    func makeHousehold() {
        let town = rng.int(towns.count)
        let t = towns[town]
        let program: Int = t.rural ? (rng.chance(0.85) ? 1 : 2) : (rng.chance(0.88) ? 0 : 2)
        let size = program == 2 ? (rng.chance(0.9) ? 1 : 2) : 1 + rng.weighted([28, 27, 21, 13, 7, 4])
        let area = rng.chance(0.9) ? districts[t.district].code : rng.pick(districts).code
        let headAge = size == 1 ? rng.int(45, 88) : rng.int(28, 80)
        let headMale = rng.chance(0.65)
        var members = [Member(person: newPerson(age: headAge, male: headMale, area: area), relation: 0, coresident: true, covered: true)]
        var relations: [Int] = []
        if size >= 2 && rng.chance(0.75) { relations.append(1) }
        while relations.count < size - 1 {
            var options = [2, 2, 2]
            if headAge <= 60 && relations.filter({ $0 == 3 }).count < 2 { options.append(3) }
            if headAge >= 50 { options.append(4) }
            if rng.chance(0.05) { options = [5] }
            relations.append(rng.pick(options))
        }
        for r in relations {
            let age: Int
            switch r {
            case 1: age = max(20, headAge + rng.int(-5, 5))
            case 2: age = rng.int(max(0, headAge - 45), max(0, headAge - 20))
            case 3: age = min(98, headAge + rng.int(22, 30))
            case 4: age = rng.int(0, max(0, headAge - 45))
            default: age = max(18, headAge + rng.int(-8, 8))
            }
            let male = r == 1 ? !headMale : rng.chance(0.5)
            members.append(Member(person: newPerson(age: age, male: male, area: area), relation: r,
                                  coresident: rng.chance(0.94), covered: rng.chance(0.9)))
        }
        let active = rng.chance(0.93)
        var income = 0
        // Drawn for standards of 1000 (城市) and 800 (农村) yuan, and scaled to the profile's.
        if program == 0 && rng.chance(0.8) {
            income = rng.int(10, 160) * 500 * profile.standards.urbanBefore / 100_000 + rng.pick([0, 0, 0, 50, 37])
        }
        if program == 1 && rng.chance(0.8) {
            income = rng.int(10, 120) * 500 * profile.standards.rural / 80_000 + rng.pick([0, 0, 0, 50, 20])
        }
        let enrolled = active && rng.chance(0.2) ? rng.date(Date3(2024, 1, 1), Date3(2024, 12, 28))
            : rng.date(Date3(2010, 1, 1), active ? Date3(2023, 12, 31) : Date3(2022, 12, 31))
        let category = program == 2 ? rng.weighted([2, 2, 1]) : rng.weighted([1, 2, 4])
        var review: Date3
        if active {
            let from = [Date3(2024, 12, 1), Date3(2024, 10, 1), Date3(2024, 7, 1)][category]
            review = rng.date(from, Date3(2024, 12, 30))
            if review < enrolled { review = enrolled }
        } else {
            review = rng.date(Date3(2020, 1, 1), Date3(2023, 12, 31))
        }
        let stop = active ? Int.max : (rng.chance(0.5) ? rng.int(Params.windowFrom, Params.windowTo - 1) : Params.windowFrom - 1 - rng.int(12))
        let village = Words.villagePrefixes[rng.int(Words.villagePrefixes.count)] + (t.rural && program != 0 ? "村" : "社区")
        let seq = households.count + 1
        var id: [UInt8] = []
        id.digits(districts[t.district].code, width: 6)
        id.digits(t.code, width: 3)
        id.digits(seq, width: profile.householdSequenceDigits)
        households.append(Household(id: String(decoding: id, as: UTF8.self), town: town, program: program, category: category,
                                    active: active, incomeFen: income, enrolled: enrolled, review: review, stopMonth: stop,
                                    members: members, village: village))
    }

    // MARK: - Background facts (never fire a rule)

    /// An income drawn below the benchmark's lowest standard (800), scaled to the profile's lowest.
    func belowStandards(_ fen: Int) -> Int { fen * profile.standards.rural / 80_000 }

    func newUnit(_ h: Int) -> String {
        unitCounter += 1
        var b: [UInt8] = []
        b.digits(districts[towns[households[h].town].district].code, width: 6)
        b.digits(towns[households[h].town].code, width: 3)
        b.put("GB")
        b.digits(unitCounter, width: 8)
        b.put("F0001")
        b.digits(rng.int(1, 9999), width: 4)
        return String(decoding: b, as: UTF8.self)
    }

    func newAccount() -> String {
        accountCounter += 1
        var b: [UInt8] = []
        b.put("62")
        b.digits(rng.int(100_000, 999_999), width: 6)
        b.digits(accountCounter, width: 11)
        return String(decoding: b, as: UTF8.self)
    }

    func backgroundFacts(_ h: Int) {
        let hh = households[h]
        for (k, m) in hh.members.enumerated() {
            let p = m.person
            let age = 2024 - persons[p].birth.y
            // Facts of members that are not counted (not co-resident, or the household stopped) may
            // be anything: they are the near misses of every asset rule.
            let counted = hh.active && m.coresident
            if !counted && rng.chance(0.15) {
                switch rng.int(5) {
                case 0: vehicles[p, default: []].append(Vehicle(type: "小型轿车", status: "正常", priceFen: rng.int(50_000, 300_000) * 100))
                case 1: officials[p, default: 0] += 1
                case 2: accounts[p, default: []].append(Account(account: newAccount(), date: Date3(2024, 11, 30), balanceFen: rng.int(100_000, 900_000) * 100))
                case 3:
                    for mk in Params.windowFrom - 1..<Params.windowTo {
                        incomes[p, default: []].append(Income(annual: false, year: mk / 12, monthKey: mk, fen: rng.int(6000, 15000) * 100, type: 0))
                    }
                default: businesses[p, default: []].append(Business(type: "有限责任公司", capital: rng.int(50, 5000) * 100, status: "存续"))
                }
                continue
            }
            if rng.chance(0.03) {
                if rng.chance(0.6) {
                    vehicles[p, default: []].append(Vehicle(type: rng.pick(Words.exemptVehicleTypes), status: rng.pick(Words.vehicleStatuses),
                                                            priceFen: rng.chance(0.9) ? rng.int(2000, 30000) * 100 : nil))
                } else {
                    vehicles[p, default: []].append(Vehicle(type: rng.pick(Words.plainVehicleTypes), status: rng.chance(0.5) ? "注销" : "报废",
                                                            priceFen: rng.int(30_000, 200_000) * 100))
                }
            }
            if rng.chance(0.02) {
                businesses[p, default: []].append(rng.chance(0.6)
                    ? Business(type: rng.chance(0.8) ? "个体工商户" : "农民专业合作社", capital: rng.int(10, 999), status: "存续")
                    : Business(type: rng.pick(["有限责任公司", "股份有限公司"]), capital: rng.int(100, 50000), status: rng.chance(0.5) ? "注销" : "吊销"))
            }
            if age >= 18 && rng.chance(0.4) {
                let acct = newAccount()
                if rng.chance(0.2) {  // an older, larger balance: only the latest query counts
                    accounts[p, default: []].append(Account(account: acct, date: Date3(2024, 6, 30), balanceFen: rng.int(50_000, 400_000) * 100))
                }
                accounts[p, default: []].append(Account(account: acct, date: Date3(2024, 11, 30), balanceFen: rng.int(0, 150_000)))
                if rng.chance(0.05) {  // queried after as_of: ignored
                    accounts[p, default: []].append(Account(account: acct, date: Date3(2025, 1, 15), balanceFen: rng.int(100_000, 900_000) * 100))
                }
            }
            // Income: each counted person at most 700 yuan a month, below every standard.
            if age >= 60 && rng.chance(0.5) {
                let fen = belowStandards(rng.int(150, 700) * 100)
                for mk in Params.windowFrom - 1...Params.windowTo {
                    incomes[p, default: []].append(Income(annual: false, year: mk / 12, monthKey: mk, fen: fen, type: 3))
                }
            } else if age >= 18 && age < 60 && rng.chance(0.12) {
                let fen = belowStandards(rng.int(200, 700) * 100 + rng.int(100))
                let first = Params.windowFrom - 1 + rng.int(6)
                for mk in first..<(first + 1 + rng.int(6)) {
                    incomes[p, default: []].append(Income(annual: false, year: mk / 12, monthKey: mk, fen: fen, type: rng.pick([0, 1])))
                }
                // A large wage outside the income period (December of the audit year) is not counted.
                if rng.chance(0.1) {
                    incomes[p, default: []].append(Income(annual: false, year: 2024, monthKey: Params.windowTo, fen: rng.int(5000, 9000) * 100, type: 0))
                }
            } else if age >= 18 && towns[hh.town].rural && rng.chance(0.1) {
                incomes[p, default: []].append(Income(annual: true, year: 2024, monthKey: 0, fen: belowStandards(rng.int(1000, 8000) * 100), type: 5))
            }
            if k == 0 {
                if rng.chance(0.35) {
                    let unit = newUnit(h)
                    properties[p, default: []].append(Property(unit: unit, use: "住宅", status: "现势"))
                    if hh.members.count > 1 && hh.members[1].coresident && rng.chance(0.4) {
                        properties[hh.members[1].person, default: []].append(Property(unit: unit, use: "住宅", status: "现势"))
                    }
                    if rng.chance(0.1) { properties[p, default: []].append(Property(unit: newUnit(h), use: "车位", status: "现势")) }
                    if rng.chance(0.1) { properties[p, default: []].append(Property(unit: newUnit(h), use: rng.pick(["住宅", "商业"]), status: "历史")) }
                }
                if towns[hh.town].rural && rng.chance(0.4) {
                    subsidies[p, default: []].append(Subsidy(item: "耕地地力保护补贴", date: rng.date(Date3(2024, 1, 1), Date3(2024, 12, 31)), fen: rng.int(300, 3000) * 100))
                }
                if towns[hh.town].rural && rng.chance(0.02) {  // on or before as_of − 12 months: outside the window
                    subsidies[p, default: []].append(Subsidy(item: "农机购置补贴", date: rng.date(Date3(2023, 1, 1), Date3(2023, 12, 31)), fen: rng.int(3000, 30000) * 100))
                }
            }
            // Deaths that fire nothing: members not covered, or a covered member who died in the
            // last month of the window (no payment after the month of death).
            if !m.covered && rng.chance(0.02) {
                deaths[p, default: []].append(rng.date(Date3(2015, 1, 1), Date3(2024, 12, 31)))
            } else if m.covered && hh.active && rng.chance(0.002) {
                deaths[p, default: []].append(rng.date(Date3(2024, 12, 1), Date3(2024, 12, 31)))
            }
        }
    }

    // MARK: - Payments and applications

    func entitlementFen(_ h: Int, _ monthKey: Int) -> Int {
        let hh = households[h]
        let covered = hh.members.filter(\.covered).count
        return max(0, (standardFen(hh.program, Date3(monthKey / 12, monthKey % 12 + 1, 1)) - hh.incomeFen) * covered)
    }

    func paymentRows(_ h: Int) -> [Payment] {
        let hh = households[h]
        var rows: [Payment] = []
        for mk in Params.windowFrom...Params.windowTo {
            guard mk > hh.enrolled.monthKey, hh.active || mk <= hh.stopMonth else { continue }
            var fen = entitlementFen(h, mk)
            let day = 5 + rng.int(10)
            if let change = paymentChanges[h], change.month == mk {
                guard let delta = change.delta else { continue }
                fen += delta
            }
            if fen > 2000 && rng.chance(0.01) {  // paid in two parts
                let part = rng.int(1, fen / 100 - 1) * 100
                rows.append(Payment(monthKey: mk, fen: part, day: day))
                rows.append(Payment(monthKey: mk, fen: fen - part, day: day + 1 + rng.int(10)))
            } else {
                rows.append(Payment(monthKey: mk, fen: fen, day: day))
            }
        }
        return rows
    }

    func applicationID(_ year: Int) -> String {
        var b: [UInt8] = Array("SQ".utf8)
        b.digits(year, width: 4)
        b.digits(applications.count + 1, width: 7)
        return String(decoding: b, as: UTF8.self)
    }

    func makeApplications() {
        for h in households.indices {
            let hh = households[h]
            if hh.enrolled >= Date3(2023, 1, 10) {
                let approved = hh.enrolled
                let first = approved.adding(days: rng.int(1, 7))
                applications.append(Application(id: applicationID(approved.y), household: h, type: "新申请",
                                                accepted: approved.adding(days: -rng.int(1, 7)), approved: approved,
                                                firstPaid: first > Params.asOf ? nil : first))
            }
            if hh.active && rng.chance(0.05) {
                let accepted = rng.date(Date3(2024, 1, 2), Date3(2024, 12, 28))
                var approved: Date3? = accepted.adding(days: rng.int(1, 7))
                if approved! > Params.asOf { approved = nil }
                var first = approved?.adding(days: rng.int(1, 7))
                if let f = first, f > Params.asOf { first = nil }
                applications.append(Application(id: applicationID(accepted.y), household: h, type: rng.pick(["变更", "复核"]),
                                                accepted: accepted, approved: approved, firstPaid: first))
            }
        }
    }
}
