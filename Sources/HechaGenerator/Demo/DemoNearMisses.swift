/// A planted case that must NOT fire: a household whose facts come close to a rule and stop short.
struct NearMiss: Sendable {
    var rule: String
    var household: String
    var why: String
}

/// The near misses a showcase region (the demo) plants beside its firing cases, so that a newcomer
/// sees where each rule stops. Each is on a household of its own without facts of the same kind,
/// and the expected findings are computed from the model afterwards: a near miss that fired would
/// fail the generator's check that exactly the planted cases fire.
extension RegionBuilder {
    func plantNearMisses(take: ((Household) -> Bool) -> Int, _ prng: inout Random) {
        func miss(_ rule: String, _ h: Int, _ why: String) {
            nearMisses.append(NearMiss(rule: rule, household: households[h].id, why: why))
        }
        let paidAllYear = { (hh: Household) in hh.active && hh.enrolled < Date3(2024, 1, 1) }
        func none<T>(_ facts: [Int: [T]]) -> (Household) -> Bool {
            { hh in paidAllYear(hh) && hh.members.allSatisfy { facts[$0.person] == nil } }
        }
        func someone(_ h: Int, coresident: Bool = true) -> Int {
            households[h].members.first { $0.coresident == coresident && $0.invalidID == nil }!.person
        }
        let withAbsentMember = { (hh: Household) in paidAllYear(hh) && hh.members.contains { !$0.coresident } }

        // deceased-still-paid
        var h = take(paidAllYear)
        deaths[households[h].members[0].person, default: []].append(Date3(2024, 12, 3))
        miss("deceased-still-paid", h, "the head died 2024-12-03: December is the month of death, nothing is paid after it")
        h = take { paidAllYear($0) && $0.members.contains { !$0.covered } }
        deaths[households[h].members.first { !$0.covered }!.person, default: []].append(Date3(2024, 5, 14))
        miss("deceased-still-paid", h, "the member who died (2024-05-14) is not covered (保障对象=否)")

        // vehicle-owned
        h = take(none(vehicles))
        vehicles[someone(h), default: []].append(Vehicle(type: "小型轿车", status: "报废", priceFen: 6_800_000))
        miss("vehicle-owned", h, "the car is 报废 (scrapped)")
        h = take(none(vehicles))
        vehicles[someone(h), default: []].append(Vehicle(type: "三轮汽车", status: "正常", priceFen: 1_200_000))
        vehicles[someone(h), default: []].append(Vehicle(type: "普通二轮摩托车", status: "正常", priceFen: nil))
        miss("vehicle-owned", h, "三轮汽车 and 普通二轮摩托车 are exempt types")
        h = take { withAbsentMember($0) && $0.members.allSatisfy { self.vehicles[$0.person] == nil } }
        vehicles[someone(h, coresident: false), default: []].append(Vehicle(type: "小型轿车", status: "正常", priceFen: 9_800_000))
        miss("vehicle-owned", h, "the car's owner does not live with the household (共同生活=否)")

        // property-excess
        h = take(none(properties))
        properties[someone(h), default: []].append(Property(unit: newUnit(h), use: "住宅", status: "现势"))
        properties[someone(h), default: []].append(Property(unit: newUnit(h), use: "车位", status: "现势"))
        miss("property-excess", h, "one 住宅 and a 车位 (a parking space is not flagged)")
        h = take(none(properties))
        properties[someone(h), default: []].append(Property(unit: newUnit(h), use: "住宅", status: "现势"))
        properties[someone(h), default: []].append(Property(unit: newUnit(h), use: "住宅", status: "历史"))
        miss("property-excess", h, "the second 住宅 is 历史 (sold)")

        // business-registered
        h = take(none(businesses))
        businesses[someone(h), default: []].append(Business(type: "个体工商户", capital: 999, status: "存续"))
        miss("business-registered", h, "a 个体工商户 with 9.99万 (below 10万, an exempt type)")
        h = take(none(businesses))
        businesses[someone(h), default: []].append(Business(type: "有限责任公司", capital: 5000, status: "注销"))
        miss("business-registered", h, "the company is 注销")

        // deposits-over-limit
        h = take(none(accounts))
        let account = newAccount()
        let p = someone(h)
        accounts[p, default: []].append(Account(account: account, date: Date3(2024, 6, 30), balanceFen: 90_000_000))
        accounts[p, default: []].append(Account(account: account, date: Date3(2024, 11, 30), balanceFen: 120_000))
        accounts[p, default: []].append(Account(account: account, date: Date3(2025, 1, 15), balanceFen: 90_000_000))
        miss("deposits-over-limit", h, "900,000 in June and after as_of (2025-01-15), but the latest query on or before as_of is 1,200")

        // income-over-standard
        h = take(none(incomes))
        incomes[someone(h), default: []].append(Income(annual: false, year: 2024, monthKey: Params.windowTo, fen: 4_000_000, type: 0))
        miss("income-over-standard", h, "a large wage for 2024-12, outside the income period (2023-12 … 2024-11)")

        // official-relative
        h = take { withAbsentMember($0) && $0.members.allSatisfy { self.officials[$0.person] == nil } }
        officials[someone(h, coresident: false), default: 0] += 1
        miss("official-relative", h, "the official does not live with the household (共同生活=否)")

        // underpaid
        h = take(paidAllYear)
        paymentChanges[h] = (Params.windowFrom + prng.int(12), -Params.toleranceFen)
        miss("underpaid", h, "one month paid exactly 1 yuan less: within the tolerance")

        // approval-late and disbursement-late
        h = take { $0.active }
        let accepted = Date3(2024, 4, 8)
        let app = Application(id: applicationID(2024), household: h, type: "变更", accepted: accepted,
                              approved: accepted.adding(days: 14), firstPaid: accepted.adding(days: 22))
        applications.append(app)
        miss("approval-late", h, "application \(app.id) approved 14 days after acceptance (within 15 workdays)")
        miss("disbursement-late", h, "application \(app.id) first paid 8 days after approval (within 10 workdays)")

        // review-overdue
        h = take { paidAllYear($0) && $0.enrolled < Date3(2024, 6, 1) }
        households[h].category = 0
        households[h].review = Date3(2024, 12, 1)
        miss("review-overdue", h, "category A reviewed 2024-12-01: the next review is due 2025-01-01, after as_of")

        // subsidy-large
        h = take(none(subsidies))
        subsidies[someone(h), default: []].append(Subsidy(item: "农机购置补贴", date: Date3(2023, 12, 31), fen: 2_000_000))
        miss("subsidy-large", h, "农机购置补贴 paid 2023-12-31, exactly 12 months before as_of: outside the window")
        h = take(none(subsidies))
        subsidies[someone(h), default: []].append(Subsidy(item: "耕地地力保护补贴", date: Date3(2024, 3, 15), fen: 999_999))
        miss("subsidy-large", h, "耕地地力保护补贴 of 9,999.99: 1 fen below 10,000")
    }
}
