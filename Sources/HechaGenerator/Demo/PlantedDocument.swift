/// `PLANTED.md` of a preset: the planted cases rule by rule (those that fire, with their amounts,
/// and the near misses that must not), then the messy forms and the bad rows, all from the model
/// the data and `expected-findings.jsonl` were written from.
struct PlantedDocument {
    let builder: RegionBuilder
    let preset: GeneratorPreset
    let findings: [ExpectedFinding]
    let files: [GeneratedFile]

    static let rules = [
        ("deceased-still-paid", "死亡人员仍在领取"), ("dual-enrollment", "重复享受"), ("vehicle-owned", "名下有机动车"),
        ("property-excess", "房产超标"), ("business-registered", "登记市场主体"), ("deposits-over-limit", "存款超限"),
        ("income-over-standard", "收入超标"), ("official-relative", "财政供养人员家属"), ("overpaid", "多发"), ("underpaid", "少发"),
        ("approval-late", "审批超时"), ("disbursement-late", "发放超时"), ("review-overdue", "复核逾期"),
        ("subsidy-large", "惠农补贴大额"), ("invalid-id", "身份证号无效"),
    ]

    /// The messy forms the writer uses, file by file (each must be read correctly).
    static let messyForms = [
        ("civil-affairs/低保家庭.csv", "UTF-8 with a BOM; 纳入日期 and 最近复核日期 in 20240305, 2024/3/5 and 2024年3月5日 forms; "
            + "家庭月人均收入 with thousands separators, a 元 suffix or without trailing zeros; 村居 empty; an exact duplicate row"),
        ("civil-affairs/家庭成员.csv", "ids with surrounding spaces, in full-width digits, with a lowercase x, in the 15-digit legacy form; "
            + "现住址 quoted with a comma, or with a line break inside the quotes"),
        ("civil-affairs/发放记录.csv", "发放月份 in 202403 and 2024年3月 forms; 实发金额 in the money forms above; 发放日期 in the date forms above; "
            + "a month paid in two parts"),
        ("civil-affairs/申请记录.csv", "dates in the forms above"),
        ("public-security/死亡人员.csv", "GB18030; 死亡日期 in the date forms above; ids in the forms above"),
        ("vehicles/机动车登记.csv", "UTF-8 with a BOM; 购置价格 empty (unknown) or in the money forms above; a quoted 备注 with a line break"),
        ("real-estate/不动产登记.csv", "columns in another order than the specification, matched by name; a quoted 坐落 with a comma"),
        ("market-regulation/市场主体.csv", "UTF-8 with a BOM and CRLF line ends; 注册资本 with and without decimals"),
        ("banking/查询结果-*.jsonl", "JSON Lines; ids in the forms above; 查询日期 in the 20240305 form; an account queried more than once"),
        ("income/收入明细.csv", "UTF-8 with a BOM; 所属期 202403 (the usual form), 2024-03 and 2024年3月; a year for annual income"),
        ("officials/财政供养人员.csv", "人员类别 村（社区）干部 with full-width parentheses"),
        ("agri-subsidy/惠农补贴.csv", "金额 and 发放日期 in the forms above"),
    ]

    /// The bad rows the generator writes into every region (besides a preset's `DemoBadRows`).
    static let generatorBadRows = [
        ("civil-affairs/低保家庭.csv", "a household listed a second time with other data (重复登记): the conflicting row is rejected"),
        ("civil-affairs/发放记录.csv", "发放月份 2024-13 is impossible"),
        ("civil-affairs/申请记录.csv", "受理日期 2024-02-30 is impossible"),
    ]

    func town(_ household: String) -> String {
        guard let h = builder.households.first(where: { $0.id == household }) else { return "" }
        return builder.towns[h.town].name
    }

    static func cell(_ s: String?) -> String { String((s ?? "").flatMap { $0 == "|" ? ["\\", "|"] : [$0] }) }

    var text: String {
        let s = builder.profile.standards
        func yuan(_ fen: Int) -> String { fen % 100 == 0 ? "\(fen / 100)" : RegionBuilder.yuan(fen) }
        let district = builder.districts[0]
        var out = """
            # 演示数据：预置案例 / Demo data: planted cases

            \(district.name) (\(district.code)), as_of 2024-12-31, audit window 2024-01 … 2024-12. Standards: 城市低保 \(yuan(s.urbanBefore)) \
            (from 2024-01-01), \(yuan(s.urbanFromJuly)) (from 2024-07-01); 农村低保 \(yuan(s.rural)); 特困供养 \(yuan(s.extreme)) \
            (yuan per person per month). Every other parameter is the national default.

            Everything in this folder except this region's pictures is written by \
            `swift run hecha generate --preset \(preset.rawValue) --out rulesets/regions/\(preset.rawValue)` \
            (Sources/HechaGenerator; a fixed seed, the same bytes on every run): the data under `data/`, \
            `expected-findings.jsonl` and this file. The expected findings are computed from the generator's model with exact \
            integer arithmetic, independently of the rule evaluator, and the generator checks that exactly the planted cases \
            fire: \(builder.households.count) households, \(builder.persons.count) persons, \(findings.count) findings; \
            the background households produce none.


            """
        for (rule, title) in Self.rules {
            out += "## \(rule) \(title)\n\n"
            out += "| 户编号 household | 镇街 township | 人员 person | 申请 application | 结果 result | 金额 amount | 说明 why |\n"
            out += "| --- | --- | --- | --- | --- | --- | --- |\n"
            for f in findings where f.rule == rule {
                out += "| \(f.household) | \(town(f.household)) | \(Self.cell(f.person)) | \(Self.cell(f.application)) | fires 命中 | "
                    + "\(Self.cell(f.amount)) | \(Self.cell(builder.reasons[f.key])) |\n"
            }
            for m in builder.nearMisses where m.rule == rule {
                out += "| \(m.household) | \(town(m.household)) |  |  | near miss 不命中 |  | NEAR MISS: \(Self.cell(m.why)) |\n"
            }
            out += "\n"
        }
        out += """
            ## 异常行与坏行 / Messy and bad rows

            Rows about people outside the roster fill every agency file, as in real exports, and are counted as unmatched. \
            The messy forms below must be read correctly; exact duplicate rows count once; the BAD rows must be rejected, each \
            with its reason in `rejects/`.

            | file | messy forms |
            | --- | --- |

            """
        for (file, forms) in Self.messyForms { out += "| \(file) | \(forms) |\n" }
        out += "\n| file | BAD row |\n| --- | --- |\n"
        for (file, what) in Self.generatorBadRows { out += "| \(file) | \(what) |\n" }
        for row in DemoBadRows.listed { out += "| \(row.file) | \(Self.cell(row.what)) |\n" }
        let bad = files.reduce(0) { $0 + $1.badRows }
        out += "\n\(bad) bad rows in all.\n"
        return out
    }
}
