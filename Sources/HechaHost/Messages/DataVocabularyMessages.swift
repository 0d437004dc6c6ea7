/// The Chinese text of the messages about a ruleset's `data:` (what the evaluator must know
/// about the data: the active status, the application records).
enum DataVocabularyMessages {
    static let templates: [MessageTemplate] = [
        MessageTemplate("data: must be a mapping", "data: 必须是映射"),
        MessageTemplate("unknown key '{key}' under data:", "data: 下有未知的键 '{key}'"),
        MessageTemplate("the keys of data: are: {keys}", "data: 的键为：{keys}"),
        MessageTemplate("data.{key} must be a text, not {kind}", "data.{key} 必须是文本，而不是{kind}"),
        MessageTemplate("data.active_status '{text}' is not a value of household.status", "data.active_status '{text}' 不是 household.status 的取值"),
        MessageTemplate("its values are: {values}", "其取值为：{values}"),
        MessageTemplate("data.application_id needs data.applications: the collection whose field it is",
                        "data.application_id 需要 data.applications：它所属的数据集合"),
        MessageTemplate("data.applications needs data.application_id: the field of a {record} record that names it",
                        "data.applications 需要 data.application_id：{record} 记录中作为编号的字段"),
        MessageTemplate("data.application_id '{id}' is not a text field of '{record}'", "data.application_id '{id}' 不是 '{record}' 的文本字段"),
        MessageTemplate("its text fields are: {fields}", "其文本字段为：{fields}"),
        MessageTemplate("'application' needs the ruleset to say which records are applications", "使用 'application' 需要规则集说明哪些记录是申请"),
        MessageTemplate("add data: {applications: <a household collection>, application_id: <its id field>} to the base ruleset",
                        "请在基础规则集中加上 data: {applications: <家庭数据集合>, application_id: <其编号字段>}"),
        MessageTemplate("'application': data.applications names '{name}', which no known connector provides",
                        "'application'：data.applications 指定的 '{name}' 不是任何已知连接器提供的数据集合"),
        MessageTemplate("household collections: {collections}", "家庭数据集合：{collections}"),
        MessageTemplate("rule '{rule}' reads membership.active, but no file of the chain says which household status is active",
                        "规则 '{rule}' 读取 membership.active，但规则集链中没有文件说明哪种家庭状态为在保"),
        MessageTemplate("add data: {active_status: 在保} to the base ruleset", "请在基础规则集中加上 data: {active_status: 在保}"),
    ]
}
