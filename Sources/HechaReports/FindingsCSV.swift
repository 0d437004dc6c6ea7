import HechaCore
import HechaRules

/// Writes `findings.csv` and `by-township/<镇街>.csv` for Excel users: one finding a row, Chinese
/// headers, id numbers and names masked, amounts as plain numbers (yuan, 2 decimals).
public enum FindingsCSV {
    public static let header = ["线索编号", "镇街", "村居", "户编号", "户主", "问题类别", "规则编号", "规则", "风险等级",
                                "人员姓名", "身份证号", "申请编号", "金额（元）", "依据"]

    /// `findings.csv`: every finding, in ``HumanOrder``.
    public static func text(_ input: ReportInput) -> String {
        CSVText.file(header: header, rows: HumanOrder.sorted(input).map { row($0, input) })
    }

    /// One file per township, as (file name, text), by file name; a township's rows in ``HumanOrder``.
    public static func byTownship(_ input: ReportInput) -> [(name: String, text: String)] {
        var rows: [String: [[String]]] = [:]
        for f in HumanOrder.sorted(input) {
            rows[fileName(forTown: input.households.town(of: f.household)), default: []].append(row(f, input))
        }
        return rows.keys.sorted().map { ($0, CSVText.file(header: header, rows: rows[$0]!)) }
    }

    /// A township's name as a file name: characters that no file system takes, and a leading
    /// dot, become `_`.
    public static func fileName(forTown town: String) -> String {
        var name = String(town.map { ch -> Character in
            if "/\\:*?\"<>|".contains(ch) || ch.unicodeScalars.allSatisfy({ $0.value < 0x20 }) { return "_" }
            return ch
        })
        if name.hasPrefix(".") || name.isEmpty { name = "_" + name }
        return name + ".csv"
    }

    static func row(_ f: Finding, _ input: ReportInput) -> [String] {
        let h = input.households[f.household]
        let rule = input.rule(f.rule)
        let personName = f.person.flatMap { h?.memberNames[$0] } ?? ""
        let evidence = EvidenceText.compact(f.evidence)
        return [
            CSVText.textCode(FindingID.of(f)),
            input.households.town(of: f.household),
            h?.village ?? "",
            CSVText.textCode(f.household),
            PrivacyMask.name(h?.headName ?? ""),
            rule?.category ?? ReportTotals.otherCategory,
            f.rule,
            rule?.title ?? f.rule,
            rule.map { ReportLanguage.chinese.text(SeverityLabel.key($0.severity)) } ?? "",
            PrivacyMask.name(personName),
            f.person.map(PrivacyMask.id) ?? "",
            f.application ?? "",
            f.amount?.decimalString(places: 2) ?? "",
            evidence,
        ].map(CSVText.field)
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
