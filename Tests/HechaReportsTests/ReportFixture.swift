import ConnectorKit
import Foundation
import HechaCore
import HechaReports

/// A small hand-made run: two townships (one with a name that is not a safe file name), a rule
/// without a category, an over- and an underpayment, a household missing from the roster, a
/// rejected row, a skipped rule; decisive values (one personal), a member concerned, a rule with a
/// 核查要点, a household with a phone and an address.
enum ReportFixture {
    static func input(_ language: ReportLanguage = .chinese) -> ReportInput {
        var rules = [
            RuleSummary(id: "deceased-still-paid", title: "保障对象死亡后仍在发放", severity: .high, category: "死亡仍发放", amountKind: .overpaid, hasAmount: true),
            RuleSummary(id: "overpaid", title: "多发救助金", severity: .high, category: "多发少发", amountKind: .overpaid, hasAmount: true),
            RuleSummary(id: "underpaid", title: "少发救助金", severity: .high, category: "多发少发", amountKind: .underpaid, hasAmount: true),
            RuleSummary(id: "local-check", title: "本地自定义核查", severity: .low, category: nil, hasAmount: false),
        ]
        rules[0].verify = "核实死亡信息与死亡日期"
        var findings = [
            Finding(rule: "deceased-still-paid", household: "H001", person: "420525194703150027", amount: Exact(560000, 100) + Exact(1, 3),
                    evidence: [SourceRef(source: "public-security", file: "死亡人员.csv", line: 4),
                               SourceRef(source: "civil-affairs", file: "发放记录.csv", line: 30),
                               SourceRef(source: "civil-affairs", file: "发放记录.csv", line: 31)]),
            Finding(rule: "local-check", household: "H003", application: "SQ2024,\"01\"",
                    evidence: [SourceRef(source: "civil-affairs", file: "申请记录.csv", line: 2)]),
            Finding(rule: "overpaid", household: "H002", amount: Exact(123456, 100),
                    evidence: [SourceRef(source: "civil-affairs", file: "发放记录.csv", line: 12)]),
            Finding(rule: "underpaid", household: "H001", amount: Exact(5000, 100),
                    evidence: [SourceRef(source: "civil-affairs", file: "发放记录.csv", line: 33)]),
            Finding(rule: "underpaid", household: "H999", amount: Exact(7, 1),
                    evidence: [SourceRef(source: "civil-affairs", file: "发放记录.csv", line: 40)]),
        ].sorted(by: Finding.ordered)
        findings[0].details = [FindingDetail(label: "死亡记录·姓名", text: "李秀英", personal: true),
                               FindingDetail(label: "死亡记录·死亡日期", text: "2024-03-02"),
                               FindingDetail(label: "死亡后发放金额", text: "=1+1")]
        findings[0].concerned = "420525197001010011"
        let households = HouseholdDirectory([
            "H001": HouseholdInfo(town: "鸣凤镇", village: "鸣凤社区", headName: "王大明",
                                  memberNames: ["420525194703150027": "李秀英", "420525197001010011": "王大明"],
                                  phone: "13907171234", address: "鸣凤镇鸣凤社区3组12号"),
            "H002": HouseholdInfo(town: "城关/新区", village: "", headName: "欧阳娜娜"),
            "H003": HouseholdInfo(town: "鸣凤镇", village: "<b>村</b>", headName: "张"),
        ])
        var payments = FileCounts(file: "data/civil-affairs/发放记录.csv")
        payments.read = 10; payments.accepted = 7; payments.rejected = 1; payments.duplicates = 1; payments.unmatched = 1
        var deaths = FileCounts(file: "data/public-security/死亡人员.csv")
        deaths.read = 5; deaths.accepted = 1; deaths.unmatched = 4
        let sources = [
            SourceInput(id: "civil-affairs", title: "民政低保数据",
                        files: [InputFile(counts: payments, sha256: String(repeating: "a", count: 64), size: 2048)],
                        rejects: [RejectedRow(file: "data/civil-affairs/发放记录.csv", line: 7, reason: "发放日期 '2024-06-31' 不是有效日期",
                                              raw: "H001,2024-06,\"1,110.00\",2024-06-31")]),
            SourceInput(id: "public-security", title: "公安死亡人员",
                        files: [InputFile(counts: deaths, sha256: String(repeating: "b", count: 64), size: 512)], rejects: []),
        ]
        return ReportInput(
            region: RegionHeading(code: "420525", name: "示例县", asOf: Day(iso: "2024-12-31")!, auditFrom: Month(iso: "2024-01")!,
                                  auditTo: Month(iso: "2024-12")!),
            rules: rules, findings: findings, households: households, sources: sources,
            notRun: [RuleNotRun(rule: "vehicle-owned", reason: "needs source(s) vehicle-registry, which the region does not configure")],
            configurationFiles: [ConfigurationFile(role: .ruleset, path: "rulesets/national.yaml", sha256: String(repeating: "c", count: 64)),
                                 ConfigurationFile(role: .region, path: "region.yaml", sha256: String(repeating: "d", count: 64))],
            parameters: [EffectiveParameter(name: "standard.urban", json: "[{\"from\": \"2024-01-01\", \"value\": 800}]"),
                         EffectiveParameter(name: "payment.tolerance", json: "1")],
            language: language)
    }
}

/// Compares text with a golden file next to the tests; `HECHA_UPDATE_GOLDEN=1 swift test` rewrites them.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func matches(_ text: String, _ name: String) -> Bool {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HECHA_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
            return true
        }
        guard let golden = try? Data(contentsOf: url) else { return false }
        return Data(text.utf8) == golden
    }
}

extension ReportFixture {
    /// The fixture's rules and sources with one household and one `local-check` finding per 镇街
    /// (household `T<i>`, village `村<i>`), for tests about townships.
    static func input(towns: [String], villages: [String]? = nil, headNames: [String]? = nil) -> ReportInput {
        var input = self.input()
        var households: [String: HouseholdInfo] = [:]
        var findings: [Finding] = []
        for (i, town) in towns.enumerated() {
            let id = "T\(i)"
            households[id] = HouseholdInfo(town: town, village: villages?[i] ?? "村\(i)", headName: headNames?[i] ?? "张三")
            findings.append(Finding(rule: "local-check", household: id,
                                    evidence: [SourceRef(source: "civil-affairs", file: "申请记录.csv", line: i + 2)]))
        }
        input.households = HouseholdDirectory(households)
        input.findings = findings.sorted(by: Finding.ordered)
        return input
    }
}
