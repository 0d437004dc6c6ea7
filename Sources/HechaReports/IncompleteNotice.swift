/// The warning at the top of an incomplete run's report: which rules could not be evaluated on
/// how many households, so nobody takes its totals for the region's.
enum IncompleteNotice {
    /// Empty for a complete run (its report keeps its bytes).
    static func html(_ input: ReportInput) -> String {
        guard !input.failedRules.isEmpty else { return "" }
        let zh = input.language == .chinese
        var out = "<section class=\"incomplete\" role=\"alert\">\n<h2>"
        out += zh ? "本次结果不完整" : "These results are incomplete"
        out += "</h2>\n<p>"
        out += zh ? "以下规则未能在部分家庭上完成计算，相关线索和合计不全；上一次完整运行的结果未被替换。"
                  : "The rules below could not be evaluated on some households, so their leads and the totals are incomplete; the last complete run's folder was left as it was."
        out += "</p>\n<ul>\n"
        for f in input.failedRules {
            let count = zh ? "\(f.households) 户" : "\(f.households) household(s)"
            out += "<li><b>\(HTMLText.escape(f.rule))</b>（\(count)）：\(HTMLText.escape(PrivacyMask.idsInText(f.cause)))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }
}
