import HechaCore
import HechaRules

/// Writes `findings.csv` and `by-township/<镇街>.csv` for Excel users: one finding a row, Chinese
/// headers, id numbers and names masked, amounts as plain numbers (yuan, 2 decimals), with the
/// member concerned, the decisive values and what to verify. The household's phone and address
/// are masked in findings.csv and plain in the township's own file, which goes to the case worker
/// who must reach the household.
public enum FindingsCSV {
    /// The columns of both files, in order (without a ledger's two extra columns).
    public static let header = ["线索编号", "镇街", "村居", "户编号", "户主", "问题类别", "规则编号", "规则", "风险等级",
                                "人员姓名", "身份证号", "申请编号", "金额（元）", "涉及成员", "关键数据", "核查要点",
                                "联系电话", "现住址", "依据"]

    /// With a lead ledger, two more columns: the lead's status and since when it is known.
    static let ledgerHeader = ["核查状态", "首次发现"]

    static func header(_ input: ReportInput) -> [String] { input.ledger == nil ? header : header + ledgerHeader }

    /// `findings.csv`: every finding, in ``HumanOrder``.
    public static func text(_ input: ReportInput) -> String {
        CSVText.file(header: header(input), rows: HumanOrder.sorted(input).map { row($0, input) })
    }

    /// One file per township, as (file name, text), by file name; a township's rows in ``HumanOrder``.
    /// The names are ``SafeFileNames``: one file per township, whatever its 镇街 value holds.
    public static func byTownship(_ input: ReportInput) -> [(name: String, text: String)] {
        let sorted = HumanOrder.sorted(input)
        let names = SafeFileNames.assign(sorted.map { input.households.town(of: $0.household) })
        var rows: [String: [[String]]] = [:]
        for f in sorted {
            rows[names[input.households.town(of: f.household)]!, default: []].append(row(f, input, contact: .plain))
        }
        return rows.keys.sorted().map { ($0, CSVText.file(header: header(input), rows: rows[$0]!)) }
    }

    /// How a row shows the household's phone and address.
    enum Contact { case masked, plain }

    static func row(_ f: Finding, _ input: ReportInput, contact: Contact = .masked) -> [String] {
        let h = input.households[f.household]
        let rule = input.rule(f.rule)
        let personName = f.person.flatMap { h?.memberNames[$0] } ?? ""
        let evidence = EvidenceText.compact(f.evidence)
        return [
            CSVText.code(FindingID.of(f)),
            CSVText.text(input.households.town(of: f.household)),
            CSVText.text(h?.village ?? ""),
            CSVText.code(f.household),
            CSVText.text(PrivacyMask.name(h?.headName ?? "")),
            CSVText.text(rule?.category ?? ReportTotals.otherCategory),
            CSVText.text(f.rule),
            CSVText.text(rule?.title ?? f.rule),
            CSVText.text(rule.map { ReportLanguage.chinese.text(SeverityLabel.key($0.severity)) } ?? ""),
            CSVText.text(PrivacyMask.name(personName)),
            CSVText.text(f.person.map(PrivacyMask.id) ?? ""),
            CSVText.text(f.application ?? ""),
            CSVText.number(f.amount?.decimalString(places: 2) ?? ""),
            CSVText.text(FindingDetailsText.concerned(f, input.households)),
            CSVText.text(FindingDetailsText.masked(f).joined(separator: "；")),
            CSVText.text(rule?.verify ?? ""),
            CSVText.text(contact == .plain ? h?.phone ?? "" : PrivacyMask.personal(h?.phone ?? "")),
            CSVText.text(contact == .plain ? h?.address ?? "" : PrivacyMask.personal(h?.address ?? "")),
            CSVText.text(evidence),
        ] + standing(f, input)
    }

    /// The ledger's status and first-seen date of a finding (nothing without a ledger).
    static func standing(_ f: Finding, _ input: ReportInput) -> [String] {
        guard let ledger = input.ledger else { return [] }
        let s = ledger.standings[FindingID.of(f)]
        return [CSVText.text(s?.status ?? ""), CSVText.text(s?.since ?? "")]
    }
}

/// The label key of a severity.
enum SeverityLabel {
    static func key(_ s: HechaRules.Severity) -> ReportStrings.Key {
        switch s {
        case .high: return .high
        case .medium: return .medium
        case .low: return .low
        }
    }
}
