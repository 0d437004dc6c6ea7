/// The generated region as a model: the roster, and the agency facts about roster persons and
/// households. Agency rows about people outside the roster are not modelled: their id numbers use
/// sequence codes 500–999, which no roster person has, so they can never match.
struct Person: Sendable {
    var body: UInt64
    var male: Bool
    var name: String
    var birth: Date3
}

struct Member: Sendable {
    var person: Int
    var relation: Int
    var coresident: Bool
    var covered: Bool
    /// An invalid id number written instead of the person's (planted `invalid-id` cases).
    var invalidID: String?
}

struct Household: Sendable {
    var id: String
    var town: Int
    var program: Int
    var category: Int
    var active: Bool
    /// 家庭月人均收入 in fen.
    var incomeFen: Int
    var enrolled: Date3
    var review: Date3
    /// The last month paid for a stopped household (a month key); unused when active.
    var stopMonth: Int
    var members: [Member]
    var village: String
}

struct Vehicle: Sendable { var type: String; var status: String; var priceFen: Int? }
struct Property: Sendable { var unit: String; var use: String; var status: String }
/// Capital in hundredths of 万元.
struct Business: Sendable { var type: String; var capital: Int; var status: String }
struct Account: Sendable { var account: String; var date: Date3; var balanceFen: Int }
struct Income: Sendable { var annual: Bool; var year: Int; var monthKey: Int; var fen: Int; var type: Int }
struct Subsidy: Sendable { var item: String; var date: Date3; var fen: Int }
struct Payment: Sendable { var monthKey: Int; var fen: Int; var day: Int }
struct Application: Sendable {
    var id: String
    var household: Int
    var type: String
    var accepted: Date3
    var approved: Date3?
    var firstPaid: Date3?
}

/// The region's fixed parameters (written into the region file; the expected findings use them).
enum Params {
    static let asOf = Date3(2024, 12, 31)
    static let windowFrom = Date3(2024, 1, 1).monthKey
    static let windowTo = Date3(2024, 12, 1).monthKey
    static let programs = ["城市低保", "农村低保", "特困供养"]
    static let categories = ["A", "B", "C"]
    static let reviewMonths = [1, 3, 6]
    static let vehicleExempt: Set<String> = ["普通二轮摩托车", "三轮汽车", "拖拉机", "残疾人专用车"]
    static let businessExempt: Set<String> = ["个体工商户", "农民专业合作社"]
    static let depositMonths = 24
    static let toleranceFen = 100

    static let regionYAML = """
        parameters:
          standard:
            urban: [{from: 2024-01-01, value: 1000}, {from: 2024-07-01, value: 1050}]
            rural: 800
            extreme: 1350
        """
}

/// Names, places and the closed lists of the exports.
enum Words {
    static let surnames = Array("王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔毛邱秦江史顾侯邵孟龙万段雷钱汤黎易常武贺龚文向覃屈").map(String.init)
    static let male = Array("建国华明军强伟平勇春林文志海德成兵福贵祥荣忠发金山涛磊超杰浩宇俊鹏飞斌刚全顺安和兴家玉光永学长").map(String.init)
    static let female = Array("秀英兰芳华琴梅玲霞凤珍桂莲娟丽敏静燕红艳萍婷雪慧欣怡悦琳翠菊香云月春玉").map(String.init)
    static let districts: [(code: Int, name: String)] = [
        (420102, "江岸区"), (420103, "江汉区"), (420104, "硚口区"), (420105, "汉阳区"), (420106, "武昌区"), (420107, "青山区"),
        (420111, "洪山区"), (420112, "东西湖区"), (420114, "蔡甸区"), (420115, "江夏区"), (420116, "黄陂区"), (420117, "新洲区"),
    ]
    /// Districts from this index on are rural (镇), the others urban (街道).
    static let firstRuralDistrict = 8
    static let towns = ["汉兴", "花桥", "永清", "唐家墩", "新华", "前进", "民族", "汉正", "宝丰", "六角亭", "琴断口", "晴川",
                        "积玉桥", "首义", "南湖", "红卫路", "关山", "珞南", "将军路", "金银湖", "奓山", "索河", "纸坊", "郑店",
                        "前川", "滠口", "邾城", "仓埠", "阳逻", "横店", "祁家湾", "天河", "长轩岭", "李集", "五里界", "山坡",
                        "侏儒山", "永安", "大集", "凤凰山"]
    static let villagePrefixes = ["东风", "幸福", "和平", "团结", "光明", "胜利", "红星", "新村", "联合", "建设", "长丰", "双墩",
                                  "黄土", "石桥", "杨林", "李湾", "张湾", "刘集", "桥头", "柳林"]
    static let streets = ["解放大道", "中山大道", "建设大道", "武珞路", "珞喻路", "和平大道", "友谊大道", "汉阳大道", "京汉大道", "民主路"]
    static let relations = ["本人", "配偶", "子女", "父母", "孙子女", "兄弟姐妹", "其他"]
    static let vehicleTypes = ["小型轿车", "小型普通客车", "轻型货车", "普通二轮摩托车", "三轮汽车", "拖拉机", "重型货车", "残疾人专用车"]
    static let vehicleTypeWeights = [600, 150, 80, 100, 20, 10, 38, 2]
    static let exemptVehicleTypes = ["普通二轮摩托车", "三轮汽车", "拖拉机", "残疾人专用车"]
    static let plainVehicleTypes = ["小型轿车", "小型普通客车", "轻型货车"]
    static let vehicleStatuses = ["正常", "抵押", "注销", "报废"]
    static let provinces = ["鄂A", "鄂A", "鄂A", "鄂A", "鄂E", "鄂K", "鄂F", "湘A", "豫A", "赣A"]
    static let plateLetters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".utf8)
    static let uses = ["住宅", "商业", "办公", "工业", "车位"]
    static let businessTypes = ["个体工商户", "有限责任公司", "股份有限公司", "农民专业合作社"]
    static let businessStatuses = ["存续", "注销", "吊销"]
    static let trades = ["建材店", "餐馆", "便利店", "五金店", "副食店", "理发店", "装饰工程有限公司", "贸易有限公司", "物流有限公司",
                         "农业专业合作社", "科技有限公司", "服装店"]
    static let banks = ["中国工商银行武汉分行", "中国农业银行武汉分行", "中国建设银行武汉分行", "中国邮政储蓄银行武汉分行", "汉口银行", "武汉农村商业银行"]
    static let accountTypes = ["活期", "定期", "理财", "证券"]
    static let incomeTypes = ["工资薪金", "劳务报酬", "经营所得", "养老金", "失业保险金", "农业经营收入"]
    static let incomeSources = ["税务", "人社"]
    static let officialUnits = ["市民政局", "区人民政府办公室", "街道办事处", "区教育局", "市第一中学", "区卫生健康局", "村民委员会", "社区居民委员会"]
    static let officialCategories = ["公务员", "参公人员", "事业编制", "村(社区)干部"]
    static let deathSources = ["户籍注销", "火化记录", "医学死亡证明"]
    static let subsidyItems = ["耕地地力保护补贴", "农机购置补贴", "林业补贴", "稻谷目标价格补贴"]
}

extension Random {
    mutating func name(male: Bool) -> String {
        let s = pick(Words.surnames)
        let pool = male ? Words.male : Words.female
        return chance(0.3) ? s + pick(pool) : s + pick(pool) + pick(pool)
    }
}
