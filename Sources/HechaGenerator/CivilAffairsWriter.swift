#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The civil-affairs bureau's four exports (低保家庭, 家庭成员, 发放记录, 申请记录).
extension Writer {
    func civilAffairs() throws -> [GeneratedFile] {
        let dir = try folder("civil-affairs")
        var rng = Random(seed: options.seed, stream: "civil-affairs")
        let b = builder
        var hh = Self.header("户编号,户主姓名,户主身份证号,区县,镇街,村居,救助类别,管理类别,家庭月人均收入,月保障金,纳入日期,状态,最近复核日期", bom: true)
        var mem = Self.header("户编号,身份证号,姓名,与户主关系,共同生活,保障对象,联系电话,现住址")
        var pay = Self.header("户编号,发放月份,实发金额,发放日期")
        var app = Self.header("申请编号,户编号,申请类型,受理日期,审批日期,首次发放日期")
        var counts = [0, 0, 0, 0], bad = [0, 0, 0, 0]
        let every = max(1, b.households.count / 3)
        for (h, house) in b.households.enumerated() {
            let t = b.towns[house.town]
            let head = b.persons[house.members[0].person]
            let start = hh.count
            hh.put(house.id); hh.comma()
            hh.put(head.name); hh.comma()
            rosterID(house.members[0].person, &rng, into: &hh); hh.comma()
            hh.put(b.districts[t.district].name); hh.comma()
            hh.put(t.name); hh.comma()
            if !messy(&rng, 0.01) { hh.put(house.village) }
            hh.comma()
            hh.put(Params.programs[house.program]); hh.comma()
            hh.put(Params.categories[house.category]); hh.comma()
            hh.money(house.incomeFen, style: messy(&rng, 0.01) ? 1 + rng.int(3) : 0); hh.comma()
            let allowance = house.active ? b.entitlementFen(h, Params.windowTo) : 0
            hh.money(allowance); hh.comma()
            hh.date(house.enrolled, style: messy(&rng, 0.01) ? 1 + rng.int(3) : 0); hh.comma()
            hh.put(house.active ? "在保" : "停保"); hh.comma()
            hh.date(house.review, style: messy(&rng, 0.01) ? 1 + rng.int(3) : 0)
            hh.newline()
            counts[0] += 1
            if h % every == every / 2 {
                // the same row again (a duplicate), and the household listed again with other data (rejected)
                hh.append(contentsOf: Array(hh[start...]))
                counts[0] += 1
                hh.put(house.id); hh.put(",重复登记,,,,,城市低保,A,0.00,0.00,2020-01-01,停保,2020-01-01\n")
                counts[0] += 1; bad[0] += 1
            }
            for m in house.members {
                let ms = mem.count
                mem.put(house.id); mem.comma()
                if let bad = m.invalidID { mem.put(bad) } else { rosterID(m.person, &rng, into: &mem) }
                mem.comma()
                mem.put(b.persons[m.person].name); mem.comma()
                mem.put(Words.relations[m.relation]); mem.comma()
                mem.put(m.coresident ? "是" : "否"); mem.comma()
                mem.put(m.covered ? "是" : "否"); mem.comma()
                if rng.chance(0.7) { mem.put("1"); mem.digits(rng.int(3_000_000_000, 9_999_999_999)) }
                mem.comma()
                let x = rng.int(1000)
                let quoted = b.profile.messiness == 1 ? x : x / Int(b.profile.messiness)
                if quoted < 8 {
                    mem.put("\""); mem.put(b.profile.city); mem.put(b.districts[t.district].name); mem.put(Words.streets[rng.int(Words.streets.count)])
                    mem.digits(rng.int(1, 300)); mem.put("号,"); mem.digits(rng.int(1, 20)); mem.put("栋\"")
                } else if quoted < 9 {
                    mem.put("\""); mem.put(b.profile.city); mem.put(t.name); mem.put(house.village); mem.put("\n"); mem.digits(rng.int(1, 60)); mem.put("号\"")
                } else if x < 700 {
                    mem.put(b.profile.city); mem.put(t.name); mem.put(house.village); mem.digits(rng.int(1, 60)); mem.put("号")
                }
                mem.newline()
                counts[1] += 1
                if rng.chance(0.001) { mem.append(contentsOf: Array(mem[ms...])); counts[1] += 1 }
            }
            for p in b.payments[h] {
                let ps = pay.count
                pay.put(house.id); pay.comma()
                pay.month(p.monthKey, style: messy(&rng, 0.01) ? 1 + rng.int(2) : 0); pay.comma()
                pay.money(p.fen, style: messy(&rng, 0.01) ? 1 + rng.int(3) : 0); pay.comma()
                pay.date(Date3(p.monthKey / 12, p.monthKey % 12 + 1, min(28, p.day)), style: messy(&rng, 0.01) ? 1 + rng.int(3) : 0)
                pay.newline()
                counts[2] += 1
                if rng.chance(0.001) { pay.append(contentsOf: Array(pay[ps...])); counts[2] += 1 }
            }
            if b.profile.showcase && h == every / 4 {
                pay.put(house.id); pay.put(",2024-06,500.00,2024-06-31\n")
                counts[2] += 1; bad[2] += 1
                app.put("SQ20249999999,"); app.put(house.id); app.put(",变更,,2024-05-10,\n")
                counts[3] += 1; bad[3] += 1
            }
            if h % every == every / 3 {
                pay.put(house.id); pay.put(",2024-13,100.00,2024-12-10\n")
                counts[2] += 1; bad[2] += 1
            }
        }
        for (i, a) in b.applications.enumerated() {
            app.put(a.id); app.comma()
            app.put(b.households[a.household].id); app.comma()
            app.put(a.type); app.comma()
            app.date(a.accepted, style: messy(&rng, 0.02) ? 1 + rng.int(3) : 0); app.comma()
            if let d = a.approved { app.date(d, style: messy(&rng, 0.02) ? 1 + rng.int(3) : 0) }
            app.comma()
            if let d = a.firstPaid { app.date(d, style: messy(&rng, 0.02) ? 1 + rng.int(3) : 0) }
            app.newline()
            counts[3] += 1
            if i % max(1, b.applications.count / 2) == 1 {
                app.put("SQ9999"); app.digits(i, width: 7); app.comma(); app.put(b.households[a.household].id)
                app.put(",变更,2024-02-30,,\n")
                counts[3] += 1; bad[3] += 1
            }
        }
        var out: [GeneratedFile] = []
        for (k, (name, bytes)) in [("低保家庭.csv", hh), ("家庭成员.csv", mem), ("发放记录.csv", pay), ("申请记录.csv", app)].enumerated() {
            try FileOutput.write(dir + "/" + name, [bytes])
            out.append(GeneratedFile(path: dir + "/" + name, rows: counts[k], bytes: bytes.count, badRows: bad[k]))
        }
        return out
    }
}
