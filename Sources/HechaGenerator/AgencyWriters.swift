#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The other agencies' exports: deaths, vehicles, real estate, businesses, bank queries, income,
/// officials, farm subsidies.
extension Writer {
    /// The model's facts of one kind, person by person in roster order.
    func rosterRows<T>(_ facts: [Int: [T]], stream: String, _ row: (Int, T, inout Random, inout [UInt8]) -> Void) -> RowBank {
        var bank = RowBank()
        var rng = Random(seed: options.seed, stream: stream + "-roster")
        for p in builder.persons.indices {
            guard let list = facts[p] else { continue }
            for f in list {
                row(p, f, &rng, &bank.bytes)
                bank.endRow()
            }
        }
        if builder.profile.showcase {
            for bad in DemoBadRows.rows(stream) {
                bank.bytes.put(DemoBadRows.text(bad, id: badRowID(&rng))); bank.bytes.newline()
                bank.endRow()
                bank.badRows += 1
            }
        }
        return bank
    }

    /// The id of a household head for a planted bad row (any will do: the row is rejected).
    func badRowID(_ rng: inout Random) -> String {
        IDText.text(builder.persons[builder.households[rng.int(builder.households.count)].members[0].person].body)
    }

    func deaths() throws -> GeneratedFile {
        let dir = try folder("public-security")
        let roster = rosterRows(builder.deaths, stream: "deaths") { p, d, rng, b in
            rosterID(p, &rng, into: &b); b.comma()
            b.put(builder.persons[p].name); b.comma()
            b.date(d, style: messy(&rng, 0.1) ? 1 + rng.int(3) : 0); b.comma()
            b.put(rng.pick(Words.deathSources)); b.newline()
        }
        let bad = badRate
        return try FileOutput.agencyFile(
            path: dir + "/死亡人员.csv", header: Self.header("公民身份号码,姓名,死亡日期,数据来源"), roster: roster,
            total: options.deathRows ?? outsiderRows(options.persons * 2), seed: options.seed, stream: "deaths", gb18030: true
        ) { rng, b in
            let isBad = Encoded.otherID(&rng, into: &b, badRate: bad); b.comma()
            Encoded.name(&rng, into: &b); b.comma()
            Encoded.day(&rng, 2000, 2024, into: &b); b.comma()
            b.append(contentsOf: Encoded.deathSources[rng.int(3)]); b.newline()
            return isBad
        }
    }

    static func plate(_ rng: inout Random, into b: inout [UInt8]) {
        b.append(contentsOf: Encoded.provinces[rng.int(Encoded.provinces.count)])
        for _ in 0..<5 { b.append(Words.plateLetters[rng.int(Words.plateLetters.count)]) }
    }

    func vehicles() throws -> GeneratedFile {
        let dir = try folder("vehicles")
        let roster = rosterRows(builder.vehicles, stream: "vehicles") { p, v, rng, b in
            Self.plate(&rng, into: &b); b.comma()
            b.put(v.type); b.comma()
            rosterID(p, &rng, into: &b); b.comma()
            Encoded.day(&rng, 2005, 2024, into: &b); b.comma()
            b.put(v.status); b.comma()
            if let price = v.priceFen { b.money(price, style: messy(&rng, 0.02) ? 1 + rng.int(3) : 0) }
            b.comma(); b.newline()
        }
        let bad = badRate
        return try FileOutput.agencyFile(
            path: dir + "/机动车登记.csv", header: Self.header("号牌号码,车辆类型,所有人证件号码,初次登记日期,机动车状态,购置价格,备注", bom: true),
            roster: roster, total: options.vehicleRows ?? outsiderRows(options.persons * 30), seed: options.seed, stream: "vehicles"
        ) { rng, b in
            Self.plate(&rng, into: &b); b.comma()
            let r = rng.int(Encoded.vehicleTypeCumulative.last!)
            var t = 0
            while Encoded.vehicleTypeCumulative[t] <= r { t += 1 }
            b.append(contentsOf: Encoded.vehicleTypes[t]); b.comma()
            let isBad = Encoded.otherID(&rng, into: &b, badRate: bad); b.comma()
            if rng.int(50) != 0 { Encoded.day(&rng, 2000, 2024, into: &b) }
            b.comma()
            let s = rng.int(100)
            b.append(contentsOf: Encoded.statuses[s < 80 ? 0 : s < 85 ? 1 : s < 93 ? 2 : 3]); b.comma()
            if rng.int(30) != 0 { b.money(rng.int(200, 5000) * 10000 + (rng.int(4) == 0 ? rng.int(10000) : 0)) }
            b.comma()
            let note = rng.int(5000)
            if note == 0 { b.put("\"已过户,原车主迁出\"") } else if note == 1 { b.put("\"补登\n记录\"") }
            b.newline()
            return isBad
        }
    }

    static func address(_ rng: inout Random, into b: inout [UInt8]) {
        b.put("武汉市"); b.append(contentsOf: Encoded.districtNames[rng.int(Encoded.districtNames.count)])
        b.append(contentsOf: Encoded.streets[rng.int(Encoded.streets.count)]); b.digits(rng.int(1, 400)); b.put("号")
    }

    func realEstate() throws -> GeneratedFile {
        let dir = try folder("real-estate")
        // Columns in another order than the specification's, with an extra column: matched by name.
        let roster = rosterRows(builder.properties, stream: "real-estate") { p, e, rng, b in
            rosterID(p, &rng, into: &b); b.comma()
            b.put(e.unit); b.comma()
            b.put(e.use); b.comma()
            if messy(&rng, 0.01) { b.put("\""); Self.address(&rng, into: &b); b.put(",附属间\"") } else { Self.address(&rng, into: &b) }
            b.comma()
            b.digits(rng.int(20, 160)); b.put("."); b.digits(rng.int(100), width: 2); b.comma()
            b.put(e.status); b.comma()
            Encoded.day(&rng, 2000, 2024, into: &b); b.comma()
            b.put("武汉市不动产登记中心"); b.newline()
        }
        let bad = badRate
        return try FileOutput.agencyFile(
            path: dir + "/不动产登记.csv", header: Self.header("权利人证件号,不动产单元号,规划用途,坐落,建筑面积,权属状态,登记日期,登记机构"),
            roster: roster, total: outsiderRows(options.persons * 3), seed: options.seed, stream: "real-estate"
        ) { rng, b in
            let isBad = Encoded.otherID(&rng, into: &b, badRate: bad); b.comma()
            b.digits(Encoded.otherAreas[rng.int(12)], width: 6); b.digits(rng.int(1, 40), width: 3); b.put("GB")
            b.digits(rng.int(100_000_000), width: 8); b.put("F0001"); b.digits(rng.int(1, 9999), width: 4); b.comma()
            let u = rng.int(100)
            b.append(contentsOf: Encoded.uses[u < 70 ? 0 : u < 78 ? 1 : u < 82 ? 2 : u < 85 ? 3 : 4]); b.comma()
            Self.address(&rng, into: &b); b.comma()
            b.digits(rng.int(10, 300)); b.append(0x2E); b.digits(rng.int(100), width: 2)
            if rng.int(200) == 0 { b.put("㎡") }
            b.comma()
            b.put(rng.int(5) == 0 ? "历史" : "现势"); b.comma()
            Encoded.day(&rng, 1998, 2024, into: &b); b.comma()
            b.put("武汉市不动产登记中心"); b.newline()
            return isBad
        }
    }

    static func creditCode(_ rng: inout Random, into b: inout [UInt8]) {
        b.put("9142"); b.digits(Encoded.otherAreas[rng.int(12)] % 10000, width: 4)
        for _ in 0..<10 { b.append(Encoded.alnum[rng.int(Encoded.alnum.count)]) }
    }

    func businesses() throws -> GeneratedFile {
        let dir = try folder("market-regulation")
        let roster = rosterRows(builder.businesses, stream: "market-regulation") { p, e, rng, b in
            Self.creditCode(&rng, into: &b); b.comma()
            b.put(builder.profile.city); b.put(builder.persons[p].name); b.put(rng.pick(Words.trades)); b.comma()
            b.put(e.type); b.comma()
            rosterID(p, &rng, into: &b); b.comma()
            b.digits(e.capital / 100); if e.capital % 100 != 0 { b.append(0x2E); b.digits(e.capital % 100, width: 2) }
            b.comma()
            Encoded.day(&rng, 2005, 2024, into: &b); b.comma()
            b.put(e.status); b.newline()
        }
        let bad = badRate
        return try FileOutput.agencyFile(
            path: dir + "/市场主体.csv",
            header: Self.header("统一社会信用代码,主体名称,主体类型,法定代表人证件号,注册资本(万元),成立日期,登记状态", bom: true),
            roster: roster, total: outsiderRows(options.persons), seed: options.seed, stream: "market-regulation", crlf: true
        ) { rng, b in
            Self.creditCode(&rng, into: &b); b.comma()
            b.put("武汉市"); b.append(contentsOf: Encoded.surnames[rng.int(Encoded.surnames.count)])
            b.append(contentsOf: Encoded.trades[rng.int(Encoded.trades.count)]); b.comma()
            let t = rng.int(100)
            b.append(contentsOf: Encoded.businessTypes[t < 60 ? 0 : t < 90 ? 1 : t < 93 ? 2 : 3]); b.comma()
            let isBad = Encoded.otherID(&rng, into: &b, badRate: bad); b.comma()
            b.digits(rng.int(1, 5000)); if rng.int(3) == 0 { b.append(0x2E); b.digits(rng.int(1, 99), width: 2) }
            b.comma()
            Encoded.day(&rng, 1995, 2024, into: &b); b.comma()
            let s = rng.int(100)
            b.append(contentsOf: Encoded.businessStatuses[s < 75 ? 0 : s < 92 ? 1 : 2]); b.newline()
            return isBad
        }
    }

    static func jsonAccount(_ idWriter: (inout [UInt8]) -> Void, bank: Int, account: (inout [UInt8]) -> Void, type: Int,
                            balanceFen: Int, date: Date3, dateStyle: Int, into b: inout [UInt8]) {
        b.put("{\"证件号码\": \""); idWriter(&b)
        b.put("\", \"机构\": \""); b.append(contentsOf: Encoded.banks[bank])
        b.put("\", \"账号\": \""); account(&b)
        b.put("\", \"账户类型\": \""); b.append(contentsOf: Encoded.accountTypes[type])
        b.put("\", \"余额\": \""); b.money(balanceFen)
        b.put("\", \"查询日期\": \""); b.date(date, style: dateStyle); b.put("\"}\n")
    }

    func banking() throws -> [GeneratedFile] {
        let dir = try folder("banking")
        var banks = [RowBank](repeating: RowBank(), count: 3)
        var rng = Random(seed: options.seed, stream: "banking-roster")
        for p in builder.persons.indices {
            guard let list = builder.accounts[p] else { continue }
            for a in list {
                let file = Int(a.account.utf8.last! - 0x30) % 3
                let style = messy(&rng, 0.02) ? 1 + rng.int(4) : 0
                Self.jsonAccount({ IDText.write(builder.persons[p].body, style: style == 1 ? 0 : style, into: &$0) },
                                 bank: file * 2 + rng.int(2), account: { $0.put(a.account) }, type: rng.int(4),
                                 balanceFen: a.balanceFen, date: a.date, dateStyle: messy(&rng, 0.02) ? 1 : 0, into: &banks[file].bytes)
                banks[file].endRow()
            }
        }
        if builder.profile.showcase {
            for (k, stream) in ["banking-0", "banking-1"].enumerated() {
                for bad in DemoBadRows.rows(stream) {
                    banks[k].bytes.put(DemoBadRows.text(bad, id: badRowID(&rng))); banks[k].bytes.newline()
                    banks[k].endRow()
                    banks[k].badRows += 1
                }
            }
        }
        var out: [GeneratedFile] = []
        for k in 0..<3 {
            let bad = badRate
            out.append(try FileOutput.agencyFile(
                path: dir + "/查询结果-\(k + 1).jsonl", header: [], roster: banks[k], total: outsiderRows(options.persons), seed: options.seed,
                stream: "banking-\(k)"
            ) { rng, b in
                if rng.chance(bad) {
                    b.put("{\"证件号码\": \"42010219800101"); b.digits(rng.int(10_000), width: 4); b.put("\", \"机构\": \n")
                    return true
                }
                var idBytes: [UInt8] = []
                _ = Encoded.otherID(&rng, into: &idBytes, badRate: 0)
                if idBytes.first == 0x20 { idBytes.removeAll { $0 == 0x20 } }
                Self.jsonAccount({ $0.append(contentsOf: idBytes) }, bank: k * 2 + rng.int(2),
                                 account: { $0.put("62"); $0.digits(rng.int(1_000_000_000_000_000), width: 17) },
                                 type: rng.int(4), balanceFen: rng.int(0, 50_000_000),
                                 date: rng.int(2) == 0 ? Date3(2024, 6, 30) : Date3(2024, 11, 30), dateStyle: 0, into: &b)
                return false
            })
        }
        return out
    }

    func incomes() throws -> GeneratedFile {
        let dir = try folder("income")
        let roster = rosterRows(builder.incomes, stream: "income") { p, i, rng, b in
            rosterID(p, &rng, into: &b); b.comma()
            if i.annual { b.digits(i.year, width: 4) } else { b.month(i.monthKey, style: messy(&rng, 0.02) ? (rng.chance(0.5) ? 0 : 2) : 1) }
            b.comma()
            b.put(Words.incomeTypes[i.type]); b.comma()
            b.money(i.fen, style: messy(&rng, 0.02) ? 1 + rng.int(3) : 0); b.comma()
            b.put(i.type == 3 ? "人社" : "税务"); b.newline()
        }
        let bad = badRate
        return try FileOutput.agencyFile(
            path: dir + "/收入明细.csv", header: Self.header("证件号码,所属期,收入类型,金额,数据来源", bom: true),
            roster: roster, total: outsiderRows(options.persons * 5), seed: options.seed, stream: "income"
        ) { rng, b in
            let isBad = Encoded.otherID(&rng, into: &b, badRate: bad); b.comma()
            let t = rng.int(6)
            if t == 5 { b.digits(2023 + rng.int(2)) } else { b.month(Date3(2023, 6, 1).monthKey + rng.int(19), style: 1) }
            b.comma()
            b.append(contentsOf: Encoded.incomeTypes[t]); b.comma()
            b.money(rng.int(500, 20000) * 100); b.comma()
            b.append(contentsOf: Encoded.incomeSources[t == 3 || t == 4 ? 1 : 0]); b.newline()
            return isBad
        }
    }

    func officials() throws -> GeneratedFile {
        let dir = try folder("officials")
        let list = builder.officials.mapValues { [Int](repeating: 0, count: $0) }
        let roster = rosterRows(list, stream: "officials") { p, _, rng, b in
            rosterID(p, &rng, into: &b); b.comma()
            b.put(builder.persons[p].name); b.comma()
            b.put(rng.pick(Words.officialUnits)); b.comma()
            let c = rng.int(4)
            b.put(c == 3 && rng.chance(0.3) ? "村（社区）干部" : Words.officialCategories[c]); b.newline()
        }
        let bad = badRate
        return try FileOutput.agencyFile(
            path: dir + "/财政供养人员.csv", header: Self.header("身份证号,姓名,工作单位,人员类别"),
            roster: roster, total: outsiderRows(options.persons / 3), seed: options.seed, stream: "officials"
        ) { rng, b in
            let isBad = Encoded.otherID(&rng, into: &b, badRate: bad); b.comma()
            Encoded.name(&rng, into: &b); b.comma()
            b.append(contentsOf: Encoded.units[rng.int(Encoded.units.count)]); b.comma()
            b.append(contentsOf: Encoded.categories[rng.int(4)]); b.newline()
            return isBad
        }
    }

    func subsidies() throws -> GeneratedFile {
        let dir = try folder("agri-subsidy")
        let roster = rosterRows(builder.subsidies, stream: "agri-subsidy") { p, s, rng, b in
            rosterID(p, &rng, into: &b); b.comma()
            b.put(s.item); b.comma()
            b.money(s.fen, style: messy(&rng, 0.02) ? 1 + rng.int(3) : 0); b.comma()
            b.date(s.date, style: messy(&rng, 0.02) ? 1 + rng.int(3) : 0); b.newline()
        }
        let bad = badRate
        return try FileOutput.agencyFile(
            path: dir + "/惠农补贴.csv", header: Self.header("证件号码,补贴项目,金额,发放日期"),
            roster: roster, total: outsiderRows(options.persons / 2), seed: options.seed, stream: "agri-subsidy"
        ) { rng, b in
            let isBad = Encoded.otherID(&rng, into: &b, badRate: bad); b.comma()
            b.append(contentsOf: Encoded.subsidyItems[rng.int(100) < 85 ? 0 : 1 + rng.int(3)]); b.comma()
            b.money(rng.int(100, 20000) * 100); b.comma()
            Encoded.day(&rng, 2023, 2024, into: &b); b.newline()
            return isBad
        }
    }
}
