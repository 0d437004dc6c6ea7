/// The bad rows the demo region plants, one of each kind a newcomer should see rejected: an
/// impossible date or month, an empty required field, a value outside a closed list, a broken JSON
/// line. Each row is about a roster person (the connectors check the rest of a row only when its id
/// is on the roster; rows about others are unmatched), and is not in the model: rejecting it loses
/// nothing the expected findings need.
public enum DemoBadRows {
    /// A planted bad row: the file it goes to, its text (without the line end), and what is wrong
    /// with it, which the connector's reject reason must name (`reasonMentions`).
    public struct Row: Sendable {
        /// The file, relative to the `data` folder.
        public var file: String
        /// The row's text, `@ID` standing for a roster person's id; empty for the civil-affairs rows, which the writer makes with a household's number.
        public var text: String
        /// What is wrong, for PLANTED.md.
        public var what: String
        /// A piece of text the reject reason must contain.
        public var reasonMentions: String
    }

    /// The row's text with `id` in place of `@ID`.
    static func text(_ row: Row, id: String) -> String {
        var out = ""
        var rest = Substring(row.text)
        while let at = rest.firstRange(of: "@ID") {
            out += rest[..<at.lowerBound] + id
            rest = rest[at.upperBound...]
        }
        return out + rest
    }

    static let all: [String: [Row]] = [
        "deaths": [Row(file: "public-security/死亡人员.csv", text: "@ID,周德华,2024-02-30,户籍注销",
                       what: "死亡日期 2024-02-30 is impossible", reasonMentions: "2024-02-30")],
        "vehicles": [Row(file: "vehicles/机动车登记.csv", text: "鄂EA7Q21,小型轿车,@ID,2019-05-01,待检,56000.00,",
                         what: "机动车状态 '待检' is outside the closed list", reasonMentions: "待检")],
        "real-estate": [Row(file: "real-estate/不动产登记.csv",
                            text: "@ID,420525100GB00099999F00010001,仓储,宜昌市远安县鸣凤镇凤阳路1号,120.00,现势,2015-06-01,远安县不动产登记中心",
                            what: "规划用途 '仓储' is outside the closed list", reasonMentions: "仓储")],
        "market-regulation": [Row(file: "market-regulation/市场主体.csv",
                                  text: "91420525MA4KQ7XB3Y,远安县周记商店,个体工商户,@ID,5,2018-03-01,",
                                  what: "登记状态 empty (required)", reasonMentions: "登记状态")],
        "income": [
            Row(file: "income/收入明细.csv", text: "@ID,202413,工资薪金,3000.00,税务",
                what: "所属期 202413 is impossible", reasonMentions: "202413"),
            Row(file: "income/收入明细.csv", text: "@ID,202405,彩票中奖,5000.00,税务",
                what: "收入类型 '彩票中奖' is outside the closed list", reasonMentions: "彩票中奖"),
        ],
        "officials": [Row(file: "officials/财政供养人员.csv", text: "@ID,李玉兰,远安县财政局,临时聘用",
                          what: "人员类别 '临时聘用' is outside the closed list", reasonMentions: "临时聘用")],
        "agri-subsidy": [Row(file: "agri-subsidy/惠农补贴.csv", text: "@ID,耕地地力保护补贴,300.00,20241301",
                             what: "发放日期 20241301 is impossible", reasonMentions: "20241301")],
        "banking-0": [Row(file: "banking/查询结果-1.jsonl", text: "{\"证件号码\": \"@ID\", \"机构\": \"中国农业银行",
                          what: "not valid JSON (a truncated line)", reasonMentions: "JSON")],
        "banking-1": [Row(file: "banking/查询结果-2.jsonl",
                          text: "{\"证件号码\": \"@ID\", \"机构\": \"汉口银行\", \"账号\": \"6217000000000000001\", \"账户类型\": \"活期\", \"余额\": \"\", \"查询日期\": \"2024-11-30\"}",
                          what: "余额 empty (required)", reasonMentions: "余额")],
        "payments": [Row(file: "civil-affairs/发放记录.csv", text: "", what: "发放日期 2024-06-31 is impossible", reasonMentions: "2024-06-31")],
        "applications": [Row(file: "civil-affairs/申请记录.csv", text: "", what: "受理日期 empty (required)", reasonMentions: "受理日期")],
    ]

    /// The planted bad rows of a file's random stream (none for a stream without any).
    static func rows(_ stream: String) -> [Row] { all[stream] ?? [] }

    /// Every planted bad row, in a fixed order (for PLANTED.md and the tests).
    public static var listed: [Row] { all.keys.sorted().flatMap { all[$0]! } }
}
