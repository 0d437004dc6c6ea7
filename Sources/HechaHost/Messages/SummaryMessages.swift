import Foundation

/// The Chinese text of what a run prints for people besides diagnostics: the run summary
/// (`RunSummary.text`), the progress lines, `validate`'s ok line, the closing lines of `lint` and
/// `test`, and the headers of the summary's tables.
enum SummaryMessages {
    static let templates: [MessageTemplate] = [
        // the run summary
        MessageTemplate("Hecha 核查 — {name} ({code}), as of {asOf}, audit window {from} … {to}",
                        "Hecha 核查 — {name}（{code}），核查日期 {asOf}，核查期间 {from} … {to}"),
        MessageTemplate("Rules not run:", "未运行的规则："),
        MessageTemplate("{rule}: skipped — {message}", "{rule}：已跳过——{message}"),
        MessageTemplate("needs source(s) {ids}, which the region does not configure", "需要数据源 {ids}，但本区域没有配置"),
        MessageTemplate("{rule}: disabled at {place}", "{rule}：已停用（{place}）"),
        MessageTemplate("Rejected rows (file:line: reason):", "退回的行（文件:行号: 原因）："),
        MessageTemplate("… and {count} more in {source}", "……{source} 另有 {count} 行"),
        MessageTemplate("Written to {folder}: report.html, findings.csv, by-township/, findings.jsonl, rejects/, manifest.json",
                        "已写入 {folder}：report.html、findings.csv、by-township/、findings.jsonl、rejects/、manifest.json"),
        MessageTemplate("{count} rule evaluation(s) failed; the findings of those rules are incomplete:", "{count} 次规则求值失败；这些规则的线索不完整："),
        MessageTemplate("… and {count} more", "……另有 {count} 条"),
        MessageTemplate("rule {rule}, household {household}, {subject}: {place}: {message}", "规则 {rule}，家庭 {household}，{subject}：{place}: {message}"),
        MessageTemplate("rule {rule}, household {household}: {place}: {message}", "规则 {rule}，家庭 {household}：{place}: {message}"),
        MessageTemplate("rule {rule} could not be evaluated for {count} household(s): {message}", "规则 {rule} 有 {count} 户无法计算：{message}"),
        MessageTemplate("the output folder {folder} was left as it was; this run's incomplete outputs are in {partial}",
                        "输出文件夹 {folder} 保持原样；这次运行的不完整输出在 {partial}"),
        MessageTemplate("stage timings (wall clock; resident memory when the stage ended; what the roster and the facts hold):",
                        "各阶段用时（实际耗时；阶段结束时的常驻内存；花名册与比对数据所占内存）："),
        // progress
        MessageTemplate("{source}: roster of {households} households, {persons} persons ({seconds})", "{source}：花名册 {households} 户、{persons} 人（{seconds}）"),
        MessageTemplate("reading the sources…", "正在读取数据源…"),
        MessageTemplate("reading the sources… {done} of {count} done", "正在读取数据源…已完成 {done}/{count}"),
        MessageTemplate("applying the rules…", "正在应用规则…"),
        MessageTemplate("[{done}/{count}] {source}: {rows} rows, {size} MB, {rate} rows/s", "[{done}/{count}] {source}：{rows} 行，{size} MB，每秒 {rate} 行"),
        MessageTemplate("{source}: {file}: {rows} rows, {rejected} rejected", "{source}：{file}：{rows} 行，退回 {rejected} 行"),
        MessageTemplate("evaluated {rules} rules on {households} households: {findings} findings{seconds}",
                        "已对 {households} 户应用 {rules} 条规则：{findings} 条线索{seconds}"),
        MessageTemplate("wrote {count} files to {folder}", "已向 {folder} 写入 {count} 个文件"),
        // validate, lint, test
        MessageTemplate("{file}: ok — {rules} rules enabled, {disabled} disabled, {sources} sources, as of {asOf}",
                        "{file}：通过——启用 {rules} 条规则，停用 {disabled} 条，{sources} 个数据源，核查日期 {asOf}"),
        MessageTemplate("{count} files checked, {ok} ok, {bad} with errors", "共检查 {count} 个文件，{ok} 个无误，{bad} 个有错误"),
        MessageTemplate("{passed} passed, {failed} failed", "{passed} 个通过，{failed} 个失败"),
        MessageTemplate("coverage: every rule of national.yaml has test cases", "覆盖情况：national.yaml 的每条规则都有测试用例"),
        MessageTemplate("coverage: rules with no test case: {rules}", "覆盖情况：没有测试用例的规则：{rules}"),
        MessageTemplate("coverage: every rule that {region} runs has test cases ({n} rules)", "覆盖情况：{region} 运行的每条规则都有测试用例（共 {n} 条）"),
        MessageTemplate("coverage: rules of {region} with no test case: {rules}", "覆盖情况：{region} 中没有测试用例的规则：{rules}"),
        MessageTemplate("case '{name}' failed", "用例 '{name}' 未通过"),
        MessageTemplate("case '{name}' could not run", "用例 '{name}' 无法运行"),
        MessageTemplate("a rule test file needs cases: (a list of test cases)", "规则测试文件需要 cases:（测试用例列表）"),
        MessageTemplate("evaluation failed:", "求值失败："),
        MessageTemplate("expected {count} finding(s):", "应有 {count} 条线索："),
        MessageTemplate("got {count}:", "实有 {count} 条："),
    ]

    /// The headers of the summary's two tables, word by word; each Chinese word is no wider than
    /// the English one, so it fits in the column the table laid out for the English word.
    static let tableHeaders: [[(english: String, chinese: String, right: Bool)]] = [
        [("rule", "规则", false), ("规则", "名称", false), ("findings", "线索数", true), ("amount (元)", "金额（元）", true)],
        [("source", "数据源", false), ("file", "文件", false), ("read", "读取", true), ("accepted", "接收", true),
         ("rejected", "退回", true), ("duplicate", "重复", true), ("unmatched", "未匹配", true)],
    ]

    /// A table header line of the run summary in Chinese, its columns where they were; nil for
    /// any other line.
    static func tableHeader(_ line: String) -> String? {
        let cells = line.components(separatedBy: "  ").filter { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let header = tableHeaders.first(where: { $0.map(\.english) == cells }) else { return nil }
        var out = ""
        var rest = Substring(line)
        for word in header {
            guard let r = rest.range(of: word.english) else { return nil }
            out += rest[..<r.lowerBound]
            let padding = String(repeating: " ", count: max(0, displayWidth(word.english) - displayWidth(word.chinese)))
            out += word.right ? padding + word.chinese : word.chinese + padding
            rest = rest[r.upperBound...]
        }
        out += rest
        while out.last == " " { out.removeLast() }
        return out
    }

    /// Columns on a terminal: East Asian wide characters (and full-width forms) take two.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return w + (wide ? 2 : 1)
        }
    }
}
