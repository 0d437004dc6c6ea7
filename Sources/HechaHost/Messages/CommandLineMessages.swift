/// The Chinese text of the errors the command line itself reports about its options.
enum CommandLineMessages {
    static let templates: [MessageTemplate] = [
        MessageTemplate("no --region given and the demo region {file} is not here; run from the project folder or pass --region FILE",
                        "没有给出 --region，这里也没有演示区域 {file}；请在项目文件夹中运行，或用 --region 文件 指定区域文件"),
        MessageTemplate("--as-of '{value}' is not a date; write YYYY-MM-DD", "--as-of '{value}' 不是日期；请写作 YYYY-MM-DD"),
        MessageTemplate("--lang '{value}' is not known; use zh or en", "--lang '{value}' 无法识别；请用 zh 或 en"),
        MessageTemplate("--quiet and --verbose cannot be used together", "--quiet 和 --verbose 不能同时使用"),
        MessageTemplate("--format is text or json", "--format 只能是 text 或 json"),
        MessageTemplate("--threads must be 1 or more", "--threads 至少为 1"),
        MessageTemplate("--lang is zh or en", "--lang 只能是 zh 或 en"),
        MessageTemplate("--persons must be at least 500 (room for the planted cases)", "--persons 至少为 500（要容纳预置的案例）"),
    ]
}
