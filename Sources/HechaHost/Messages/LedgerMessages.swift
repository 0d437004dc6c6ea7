/// The Chinese text of the lead ledger's configuration and command-line messages. (The ledger's
/// own errors, printed by `hecha leads`, are English for now.)
enum LedgerMessages {
    static let templates: [MessageTemplate] = [
        MessageTemplate("{n} rule evaluation(s) failed, so the comparison would be wrong:", "{n} 次规则计算失败，比较结果将不准确："),
        MessageTemplate("{file}: error: {problem}", "{file}：错误：{problem}"),
        MessageTemplate("`hecha rules` lists the parameters each rule uses", "`hecha rules` 列出每条规则使用的参数"),
        MessageTemplate("ledger: must be a mapping", "ledger: 必须是映射"),
        MessageTemplate("ledger.dismiss_reasons must be a non-empty list of reasons", "ledger.dismiss_reasons 必须是非空的原因列表"),
        MessageTemplate("a dismiss reason must be a text", "不属实原因必须是文本"),
        MessageTemplate("unknown key '{key}' under ledger:", "ledger: 下有未知的键 '{key}'"),
        MessageTemplate("{what} must be a whole number above 0", "{what} 必须是大于 0 的整数"),
        MessageTemplate("give at least one --set name=value, e.g. --set vehicle.min_price=50000",
                        "请至少给出一个 --set 名称=值，例如 --set vehicle.min_price=50000"),
        MessageTemplate("--set '{text}' is not name=value; e.g. --set vehicle.min_price=50000",
                        "--set '{text}' 不是“名称=值”的形式；例如 --set vehicle.min_price=50000"),
        MessageTemplate("--ledger and --no-ledger cannot be used together", "--ledger 与 --no-ledger 不能同时使用"),
        MessageTemplate("--format '{format}' is not known; use table, csv or json", "未知的 --format '{format}'；请用 table、csv 或 json"),
        MessageTemplate("--port must be a number from 0 to 65535", "--port 必须是 0 到 65535 之间的数"),
        MessageTemplate("--idle-minutes must be at least 1", "--idle-minutes 至少为 1"),
        MessageTemplate("--role is admin or worker", "--role 只能是 admin 或 worker"),
    ]
}
