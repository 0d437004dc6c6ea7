import HechaReports

/// The lead-ledger part of the run summary: per rule and per township, new leads, still open,
/// overdue (超期未核查), closed by the data, suppressed (dismissed, evidence unchanged), reopened.
enum LedgerSummary {
    static let header = ["new 新增", "still open 仍待核查", "overdue 超期未核查", "closed by data 数据已消除", "suppressed 不属实未变", "reopened 重新打开"]

    static func text(_ l: LedgerRunFigures) -> String {
        func row(_ key: String, _ c: LedgerRunFigures.Counts) -> [String] { [key] + c.named.map { String($0.1) } }
        var out = "\nLead ledger \(l.file) (run \(l.run)):\n"
        out += SummaryTable.render(header: ["rule"] + header,
                                   rows: l.byRule.map { row($0.key, $0.counts) } + [row("total 合计", l.total)], rightAligned: Set(1...6))
        if !l.byTownship.isEmpty {
            out += "\n" + SummaryTable.render(header: ["township 镇街"] + header, rows: l.byTownship.map { row($0.key, $0.counts) },
                                              rightAligned: Set(1...6))
        }
        return out
    }
}
