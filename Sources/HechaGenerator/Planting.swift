/// The planted cases: every rule of the national ruleset fires on a fixed number of households per
/// variant (growing slowly with the roster), each on a household of its own.
extension RegionBuilder {
    func plant() {
        let perVariant = max(2, targetPersons / 25_000)
        var order = Array(households.indices)
        var prng = Random(seed: rng.next(), stream: "plant")
        prng.shuffle(&order)
        var next = 0
        var used = Set<Int>()
        /// The next unused household that satisfies `ok`.
        func take(_ ok: (Household) -> Bool) -> Int {
            var i = next
            while i < order.count {
                let h = order[i]
                if !used.contains(h) && ok(households[h]) {
                    used.insert(h)
                    if i == next { next += 1 }
                    return h
                }
                i += 1
            }
            fatalError("the roster is too small for the planted cases; generate more persons")
        }
        let paidAllYear = { (hh: Household) in hh.active && hh.enrolled < Date3(2024, 1, 1) }
        func mark(_ rule: String, _ h: Int, person: String? = nil, application: String? = nil, why: String) {
            let key = ExpectedFinding(rule: rule, household: households[h].id, person: person, application: application).key
            planted.insert(key)
            reasons[key] = why
        }
        func pid(_ p: Int) -> String { IDText.text(persons[p].body) }
        func coresidentMember(_ h: Int) -> Int {
            let ms = households[h].members.filter { $0.coresident && $0.invalidID == nil }
            return ms[prng.int(ms.count)].person
        }
        for round in 0..<perVariant {
            // deceased-still-paid: one death, two deaths (the earliest counts), a death before the window
            for variant in 0..<3 {
                let h = take(paidAllYear)
                let ms = households[h].members.filter(\.covered)
                let p = ms[prng.int(ms.count)].person
                switch variant {
                case 0: deaths[p, default: []].append(prng.date(Date3(2024, 2, 1), Date3(2024, 10, 31)))
                case 1:
                    let d = prng.date(Date3(2024, 3, 1), Date3(2024, 8, 31))
                    deaths[p, default: []].append(d.adding(days: prng.int(30, 200)))
                    deaths[p, default: []].append(d)
                default: deaths[p, default: []].append(prng.date(Date3(2021, 1, 1), Date3(2023, 12, 31)))
                }
                mark("deceased-still-paid", h, person: pid(p), why: ["a covered member died in the window; later months still paid",
                    "two death records: the earliest counts", "died before the window; every month of it still paid"][variant])
            }
            // dual-enrollment: covered in two active households (not living in the second); and the
            // near misses: not covered in the second, or the second has stopped.
            do {
                let h1 = take { $0.active }, h2 = take { $0.active }
                let p = households[h1].members[0].person
                households[h2].members.append(Member(person: p, relation: 6, coresident: false, covered: true))
                mark("dual-enrollment", h1, person: pid(p), why: "head covered here and in another active household (\(households[h2].id))")
                mark("dual-enrollment", h2, person: pid(p), why: "covered here, not living here, and head of another active household (\(households[h1].id))")
                let h3 = take { $0.active }, h4 = take { $0.active }, h5 = take { !$0.active }
                households[h4].members.append(Member(person: households[h3].members[0].person, relation: 6, coresident: false, covered: false))
                households[h5].members.append(Member(person: households[h3].members[0].person, relation: 6, coresident: false, covered: true))
                nearMisses.append(NearMiss(rule: "dual-enrollment", household: households[h4].id,
                                           why: "head of \(households[h3].id) is also listed here, but not covered (保障对象=否)"))
                nearMisses.append(NearMiss(rule: "dual-enrollment", household: households[h5].id,
                                           why: "head of \(households[h3].id) is also covered here, but this household is 停保"))
            }
            // vehicle-owned: a car in 正常, a mortgaged one with no price (unknown fires)
            for variant in 0..<2 {
                let h = take { $0.active }
                let p = coresidentMember(h)
                vehicles[p, default: []].append(variant == 0
                    // the first round's car is cheaper than 50,000 yuan: a what-if on vehicle.min_price drops it
                    ? Vehicle(type: prng.pick(Words.plainVehicleTypes), status: "正常",
                              priceFen: (round == 0 ? prng.int(20_000, 49_999) : prng.int(50_000, 400_000)) * 100)
                    : Vehicle(type: "小型轿车", status: "抵押", priceFen: nil))
                mark("vehicle-owned", h, why: variant == 0 ? "a co-resident member owns a car (正常, with a price)"
                     : "a co-resident member owns a mortgaged car (抵押) of unknown price")
            }
            // property-excess: two homes; a shop
            for variant in 0..<2 {
                let h = take { $0.active }
                let p = coresidentMember(h)
                if variant == 0 {
                    let head = households[h].members[0].person
                    properties[head, default: []].append(Property(unit: newUnit(h), use: "住宅", status: "现势"))
                    properties[p, default: []].append(Property(unit: newUnit(h), use: "住宅", status: "现势"))
                } else {
                    properties[p, default: []].append(Property(unit: newUnit(h), use: prng.pick(["商业", "办公", "工业"]), status: "现势"))
                }
                mark("property-excess", h, why: variant == 0 ? "head and another member each hold a different 住宅 (2 homes > 1)"
                     : "a co-resident member holds a non-residential property")
            }
            // business-registered: a company; an exempt type with capital at the minimum
            for variant in 0..<2 {
                let h = take { $0.active }
                let p = coresidentMember(h)
                businesses[p, default: []].append(variant == 0
                    ? Business(type: "有限责任公司", capital: prng.int(10, 50000), status: "存续")
                    : Business(type: "个体工商户", capital: 1000, status: "存续"))
                mark("business-registered", h, why: variant == 0 ? "a co-resident member represents a 有限责任公司 (存续)"
                     : "a 个体工商户 with 注册资本 exactly 10万 (at the minimum fires)")
            }
            // deposits-over-limit: a large balance; a large latest query on an account seen before
            for variant in 0..<2 {
                let h = take { $0.active }
                let p = coresidentMember(h)
                let size = households[h].members.filter(\.coresident).count
                let limit = Params.depositMonths * standardFen(households[h].program, Params.asOf) * size
                let acct = newAccount()
                if variant == 1 { accounts[p, default: []].append(Account(account: acct, date: Date3(2024, 6, 30), balanceFen: 100_00)) }
                accounts[p, default: []].append(Account(account: acct, date: variant == 0 ? Date3(2024, 11, 30) : Date3(2024, 12, 20),
                                                        balanceFen: limit + prng.int(1, 5_000_000)))
                mark("deposits-over-limit", h, why: variant == 0 ? "one account over 24 months of the standard per person"
                     : "an account queried twice: the latest query, over the limit, counts")
            }
            // income-over-standard: a monthly wage; a large annual income
            for variant in 0..<2 {
                let h = take { $0.active }
                let p = coresidentMember(h)
                let size = households[h].members.filter(\.coresident).count
                let std = standardFen(households[h].program, Params.asOf)
                if variant == 0 {
                    let fen = std * size + prng.int(100, 300_000)
                    for mk in Params.windowFrom - 1..<Params.windowTo {
                        incomes[p, default: []].append(Income(annual: false, year: mk / 12, monthKey: mk, fen: fen, type: 0))
                    }
                } else {
                    incomes[p, default: []].append(Income(annual: true, year: 2024, monthKey: 0, fen: 14 * std * size + prng.int(1, 999_999), type: 2))
                }
                mark("income-over-standard", h, why: variant == 0 ? "a monthly wage above the standard for the household, all 12 months"
                     : "an annual 经营所得 above 12 months of the standard")
            }
            // official-relative
            do {
                let h = take { $0.active }
                let p = coresidentMember(h)
                officials[p, default: 0] += 1
                mark("official-relative", h, person: pid(p), why: "a co-resident member is on the payroll of a public body")
            }
            // overpaid / underpaid: one month too much; one month missing; one month too little
            do {
                let h = take(paidAllYear)
                paymentChanges[h] = (Params.windowFrom + prng.int(12), prng.int(101, 50_000))
                mark("overpaid", h, why: "one month paid more than the entitlement, beyond the 1-yuan tolerance")
                let h2 = take(paidAllYear)
                paymentChanges[h2] = (Params.windowFrom + prng.int(12), nil)
                mark("underpaid", h2, why: "one month not paid at all")
                let h3 = take(paidAllYear)
                paymentChanges[h3] = (Params.windowFrom + prng.int(12), -prng.int(101, 15_000))
                mark("underpaid", h3, why: "one month paid less than the entitlement, beyond the tolerance")
                // near miss: exactly the tolerance too much
                let h4 = take(paidAllYear)
                paymentChanges[h4] = (Params.windowFrom + prng.int(12), Params.toleranceFen)
                nearMisses.append(NearMiss(rule: "overpaid", household: households[h4].id, why: "one month paid exactly 1 yuan over: within the tolerance"))
            }
            // approval-late and disbursement-late, approved/paid late or not yet
            for variant in 0..<4 {
                let h = take { _ in true }
                let accepted: Date3, approved: Date3?, first: Date3?
                switch variant {
                case 0:
                    accepted = prng.date(Date3(2024, 2, 1), Date3(2024, 9, 30))
                    approved = accepted.adding(days: prng.int(40, 80))
                    first = approved!.adding(days: prng.int(1, 5))
                case 1:
                    accepted = prng.date(Date3(2024, 9, 1), Date3(2024, 11, 15))
                    approved = nil; first = nil
                case 2:
                    accepted = prng.date(Date3(2024, 1, 5), Date3(2024, 9, 30))
                    approved = accepted.adding(days: prng.int(1, 5))
                    first = approved!.adding(days: prng.int(40, 60))
                default:
                    accepted = prng.date(Date3(2024, 9, 1), Date3(2024, 10, 25))
                    approved = accepted.adding(days: prng.int(1, 5))
                    first = nil
                }
                let app = Application(id: applicationID(accepted.y), household: h, type: "变更", accepted: accepted, approved: approved, firstPaid: first)
                applications.append(app)
                mark(variant < 2 ? "approval-late" : "disbursement-late", h, application: app.id, why: [
                    "approved 40-80 days after acceptance (over 15 workdays)", "accepted in the autumn, not approved by as_of",
                    "first paid 40-60 days after approval (over 10 workdays)", "approved in the autumn, never paid by as_of"][variant])
            }
            // review-overdue: monthly category reviewed in autumn; half-yearly category reviewed in spring
            for variant in 0..<2 {
                let h = take { $0.active && $0.enrolled < Date3(2024, 1, 1) }
                households[h].category = variant == 0 ? 0 : 2
                households[h].review = variant == 0 ? prng.date(Date3(2024, 9, 1), Date3(2024, 11, 29))
                    : prng.date(Date3(2024, 1, 1), Date3(2024, 6, 29))
                mark("review-overdue", h, why: variant == 0 ? "category A (monthly review) last reviewed in the autumn"
                     : "category C (half-yearly review) last reviewed in the first half of the year")
            }
            // subsidy-large: an always-flagged item; a large total
            for variant in 0..<2 {
                let h = take { $0.active }
                let p = coresidentMember(h)
                subsidies[p, default: []].append(variant == 0
                    ? Subsidy(item: "农机购置补贴", date: prng.date(Date3(2024, 1, 1), Date3(2024, 12, 31)), fen: prng.int(3000, 30000) * 100)
                    : Subsidy(item: "耕地地力保护补贴", date: prng.date(Date3(2024, 1, 1), Date3(2024, 12, 31)), fen: prng.int(10000, 15000) * 100))
                mark("subsidy-large", h, why: variant == 0 ? "a 农机购置补贴 (always flagged) within the 12 months"
                     : "耕地地力保护补贴 totalling 10,000 yuan or more")
            }
            // invalid-id: a wrong check character, a birth date that does not exist, 17 digits
            for variant in 0..<3 {
                let h = take { _ in true }
                let age = prng.int(20, 70)
                let p = newPerson(age: age, male: prng.chance(0.5), area: districts[towns[households[h].town].district].code)
                let body = persons[p].body
                var text: [UInt8] = []
                switch variant {
                case 0:
                    text.digits(Int(body), width: 17)
                    let right = IDText.check(body)
                    text.append(right == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0"))
                case 1:
                    let bad = IDText.body(area: Int(body / 100_000_000_000), birth: Date3(persons[p].birth.y, 2, 30), sequence: Int(body % 1000))
                    text.digits(Int(bad), width: 17)
                    text.append(IDText.check(bad))
                default:
                    text.digits(Int(body), width: 17)
                }
                let id = String(decoding: text, as: UTF8.self)
                households[h].members.append(Member(person: p, relation: 2, coresident: true, covered: prng.chance(0.5), invalidID: id))
                mark("invalid-id", h, person: id, why: ["a wrong check character", "a birth date that does not exist (February 30)",
                    "17 digits"][variant])
            }
        }
        if profile.showcase { plantNearMisses(take: take, &prng) }
    }
}
