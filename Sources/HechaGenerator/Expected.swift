/// The findings the generated data must produce, computed from the model with exact integer
/// arithmetic, independently of the rule evaluator (no rule language, no parsing of the files).
extension RegionBuilder {
    /// Rounds `numerator / denominator` fen half-up and writes it as yuan with two decimals.
    static func yuan(_ numerator: Int, _ denominator: Int = 1) -> String {
        precondition(numerator >= 0 && denominator > 0)
        let fen = (2 * numerator + denominator) / (2 * denominator)
        var b: [UInt8] = []
        b.money(fen)
        return String(decoding: b, as: UTF8.self)
    }

    /// Whether more than `limit` workdays lie between `a` and `b`, decided from calendar days with
    /// margins wide enough for any weekend and holiday arrangement (the data keeps to them).
    static func late(_ a: Date3, _ b: Date3, limit: Int) -> Bool {
        let days = b.ordinal - a.ordinal
        if days <= limit { return false }
        // Two weekend days a started week, and at most 10 weekday holidays in a season.
        let minimumWorkdays = days - (days / 7 + 1) * 2 - 10
        if minimumWorkdays > limit { return true }
        fatalError("an application gap of \(days) days is too close to the \(limit)-workday limit to decide without the calendar")
    }

    func expectedFindings() -> [ExpectedFinding] {
        var out: [ExpectedFinding] = []
        var activeCoveredIn: [Int: Int] = [:]
        for hh in households where hh.active {
            var seen = Set<Int>()
            for m in hh.members where m.covered && m.invalidID == nil && seen.insert(m.person).inserted {
                activeCoveredIn[m.person, default: 0] += 1
            }
        }
        let periodFrom = Params.asOf.monthKey - 12, periodTo = Params.asOf.monthKey - 1
        for (h, hh) in households.enumerated() {
            let hid = hh.id
            let covered = hh.members.filter(\.covered).count
            let coresident = hh.members.filter(\.coresident)
            let size = coresident.count
            let counted = coresident.filter { $0.invalidID == nil }.map(\.person)
            var paid: [Int: Int] = [:]
            for p in payments[h] { paid[p.monthKey, default: 0] += p.fen }
            for m in hh.members {
                if let bad = m.invalidID { out.append(ExpectedFinding(rule: "invalid-id", household: hid, person: bad)); continue }
                let id = IDText.text(persons[m.person].body)
                if m.covered, let died = deaths[m.person]?.min() {
                    let after = payments[h].filter { $0.monthKey >= Params.windowFrom && $0.monthKey <= Params.windowTo && $0.monthKey > died.monthKey }
                    if !after.isEmpty {
                        out.append(ExpectedFinding(rule: "deceased-still-paid", household: hid, person: id,
                                                   amount: Self.yuan(after.reduce(0) { $0 + $1.fen }, covered)))
                    }
                }
                if hh.active && m.covered && activeCoveredIn[m.person, default: 0] > 1 {
                    out.append(ExpectedFinding(rule: "dual-enrollment", household: hid, person: id))
                }
                if hh.active && m.coresident && officials[m.person, default: 0] > 0 {
                    out.append(ExpectedFinding(rule: "official-relative", household: hid, person: id))
                }
            }
            var over = 0, under = 0
            for mk in Params.windowFrom...Params.windowTo {
                let ent = entitlementFen(h, mk)
                let has = paid[mk] != nil
                guard has || (hh.active && mk > hh.enrolled.monthKey) else { continue }
                let amount = paid[mk] ?? 0
                if has && amount - ent > Params.toleranceFen { over += amount - ent }
                if ent - amount > Params.toleranceFen { under += ent - amount }
            }
            if over > 0 { out.append(ExpectedFinding(rule: "overpaid", household: hid, amount: Self.yuan(over))) }
            if under > 0 { out.append(ExpectedFinding(rule: "underpaid", household: hid, amount: Self.yuan(under))) }
            guard hh.active else { continue }
            let std = standardFen(hh.program, Params.asOf)
            if counted.contains(where: { p in
                (vehicles[p] ?? []).contains { ["正常", "抵押"].contains($0.status) && !Params.vehicleExempt.contains($0.type) }
            }) {
                out.append(ExpectedFinding(rule: "vehicle-owned", household: hid))
            }
            let current = counted.flatMap { properties[$0] ?? [] }.filter { $0.status == "现势" }
            if Set(current.filter { $0.use == "住宅" }.map(\.unit)).count > 1 || current.contains(where: { $0.use != "住宅" && $0.use != "车位" }) {
                out.append(ExpectedFinding(rule: "property-excess", household: hid))
            }
            if counted.contains(where: { p in
                (businesses[p] ?? []).contains { $0.status == "存续" && (!Params.businessExempt.contains($0.type) || $0.capital >= 1000) }
            }) {
                out.append(ExpectedFinding(rule: "business-registered", household: hid))
            }
            let queries = counted.flatMap { accounts[$0] ?? [] }.filter { $0.date <= Params.asOf }
            var latest: [String: Date3] = [:]
            for q in queries where latest[q.account].map({ q.date > $0 }) ?? true { latest[q.account] = q.date }
            let assets = queries.filter { latest[$0.account] == $0.date }.reduce(0) { $0 + $1.balanceFen }
            let limit = Params.depositMonths * std * size
            if assets > limit { out.append(ExpectedFinding(rule: "deposits-over-limit", household: hid, amount: Self.yuan(assets - limit))) }
            // Income in 144ths of a fen-month: monthly records × 12, annual ones × months of their year in the period.
            var total144 = 0
            for p in counted {
                for i in incomes[p] ?? [] {
                    if i.annual {
                        let months = (periodFrom...periodTo).filter { $0 / 12 == i.year }.count
                        total144 += i.fen * months
                    } else if i.monthKey >= periodFrom && i.monthKey <= periodTo {
                        total144 += i.fen * 12
                    }
                }
            }
            if size > 0 && total144 > 144 * std * size {
                out.append(ExpectedFinding(rule: "income-over-standard", household: hid, amount: Self.yuan(total144 - 144 * std * size, 144)))
            }
            if Params.asOf > hh.review.adding(months: Params.reviewMonths[hh.category]) {
                out.append(ExpectedFinding(rule: "review-overdue", household: hid))
            }
            let from = Params.asOf.adding(months: -12)
            let received = counted.flatMap { subsidies[$0] ?? [] }.filter { $0.date > from && $0.date <= Params.asOf }
            let subsidyTotal = received.reduce(0) { $0 + $1.fen }
            if received.contains(where: { $0.item == "农机购置补贴" }) || subsidyTotal >= 10000_00 {
                out.append(ExpectedFinding(rule: "subsidy-large", household: hid, amount: Self.yuan(subsidyTotal)))
            }
        }
        for a in applications {
            let hid = households[a.household].id
            if Self.late(a.accepted, a.approved ?? Params.asOf, limit: 15) {
                out.append(ExpectedFinding(rule: "approval-late", household: hid, application: a.id))
            }
            if let approved = a.approved, Self.late(approved, a.firstPaid ?? Params.asOf, limit: 10) {
                out.append(ExpectedFinding(rule: "disbursement-late", household: hid, application: a.id))
            }
        }
        return out.sorted()
    }

    /// Checks that exactly the planted cases fire: the background must fire nothing.
    func checkAgainstPlan(_ found: [ExpectedFinding]) {
        let got = Set(found.map(\.key))
        let missing = planted.subtracting(got).sorted()
        let extra = got.subtracting(planted).sorted()
        precondition(found.count == got.count, "a planted finding is duplicated")
        precondition(missing.isEmpty && extra.isEmpty,
                     "generated data and plan differ: missing \(missing.prefix(5)) extra \(extra.prefix(5))")
    }
}
