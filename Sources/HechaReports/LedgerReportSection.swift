/// The lead-ledger section of report.html, present only when the run used a ledger (so runs
/// without one keep their bytes): this run's new / still open / overdue / closed by data /
/// suppressed / reopened leads per rule, every rule's record so far (found, 属实, 不属实, precision,
/// money confirmed and recovered). Where each finding stands, and since when, is shown in the
/// list of findings itself (``FindingListData``): a table row per finding would make a city's
/// report too large to open.
enum LedgerReportSection {
    static func html(_ input: ReportInput) -> String {
        guard let l = input.ledger else { return "" }
        func e(_ s: String) -> String { HTMLText.escape(s) }
        func head(_ names: [String]) -> String {
            "<thead><tr>" + names.enumerated().map { $0.offset == 0 ? "<th>\(e($0.element))</th>" : "<th class=\"num\">\(e($0.element))</th>" }.joined()
                + "</tr></thead>\n<tbody>\n"
        }
        func row(_ cells: [String]) -> String {
            "<tr>" + cells.enumerated().map { $0.offset == 0 ? "<td><code>\(e($0.element))</code></td>" : "<td class=\"num\">\(e($0.element))</td>" }.joined()
                + "</tr>\n"
        }
        var out = "<section>\n<h2>线索台账 Lead ledger</h2>\n"
        out += "<div class=\"scroll\"><table>\n" + head(["规则 rule", "新增 new", "仍待核查 still open", "超期未核查 overdue", "数据已消除 closed by data",
                                                    "不属实未变 suppressed", "重新打开 reopened"])
        for r in l.byRule { out += row([r.key] + r.counts.named.map { String($0.1) }) }
        out += "</tbody>\n</table></div>\n"
        out += "<h3>核查结果累计 Outcomes so far</h3>\n<div class=\"scroll\"><table>\n"
            + head(["规则 rule", "线索 found", "属实 confirmed", "不属实 dismissed", "待核查 open", "超期 overdue", "查实率 precision",
                    "属实金额（元）confirmed overpaid", "追回/补发（元）recovered"])
        for r in l.records {
            out += row([r.rule, String(r.found), String(r.confirmed), String(r.dismissed), String(r.open), String(r.overdue), r.precision,
                        r.confirmedAmount, r.recovered])
        }
        out += "</tbody>\n</table></div>\n"
        out += "</section>\n\n"
        return out
    }
}
