/// The Chinese text of the messages about the output folder: creating, replacing and refusing it.
enum OutputMessages {
    static let templates: [MessageTemplate] = [
        MessageTemplate("cannot write the output folder {folder}: {reason}", "无法写入输出文件夹 {folder}：{reason}"),
        MessageTemplate("cannot replace {folder}: {reason}", "无法替换 {folder}：{reason}"),
        MessageTemplate("cannot create the folder of {folder}: {reason}; check the path and its permissions", "无法创建 {folder} 所在的文件夹：{reason}；请检查路径及其权限"),
        MessageTemplate("cannot create the output folder {folder}: {reason}", "无法创建输出文件夹 {folder}：{reason}"),
        MessageTemplate("{folder} exists and is not a folder that can be opened ({reason}); choose another output folder",
                        "{folder} 已存在，但不是可以打开的文件夹（{reason}）；请换一个输出文件夹"),
        MessageTemplate("{folder} is a symbolic link to a folder that does not exist; create that folder or choose another --out",
                        "{folder} 是指向一个不存在的文件夹的符号链接；请创建该文件夹，或用 --out 换一个输出文件夹"),
        MessageTemplate("{folder} is a symbolic link to {path}, which is not a folder; choose another output folder",
                        "{folder} 是指向 {path} 的符号链接，而 {path} 不是文件夹；请换一个输出文件夹"),
        MessageTemplate("{folder} exists and is not a folder; choose another output folder", "{folder} 已存在且不是文件夹；请换一个输出文件夹"),
        MessageTemplate("another Hecha run is writing {folder} right now; wait for it to finish, or give this run another --out",
                        "另一次 Hecha 运行正在写入 {folder}；请等它结束，或用 --out 给这次运行换一个输出文件夹"),
        MessageTemplate("cannot lock the output folder {folder}: {reason}", "无法锁定输出文件夹 {folder}：{reason}"),
        MessageTemplate("cannot read the output folder {folder} to check what it holds ({reason}); fix its permissions or choose another --out",
                        "无法读取输出文件夹 {folder} 以检查其中的内容（{reason}）；请修正其权限，或用 --out 换一个输出文件夹"),
        MessageTemplate("{folder} holds files that Hecha did not write ({names}), and no manifest.json of a Hecha run; "
                        + "Hecha replaces only an empty folder or the output of an earlier run — choose a new folder for --out, or move those files away",
                        "{folder} 中有不是 Hecha 写入的文件（{names}），也没有 Hecha 运行留下的 manifest.json；"
                        + "Hecha 只替换空文件夹或以前运行的输出——请用 --out 指定新的文件夹，或把这些文件移走"),
        MessageTemplate("{folder} holds files that the earlier run did not write: {names}; "
                        + "Hecha never deletes them — move them out of the folder, or choose another --out",
                        "{folder} 中有上次运行没有写入的文件：{names}；Hecha 从不删除这些文件——请把它们移出该文件夹，或用 --out 换一个输出文件夹"),
        MessageTemplate("{folder} holds output files that were changed after the run that wrote them: {names}; "
                        + "save your edits under another name outside the folder, or choose another --out",
                        "{folder} 中有输出文件在写入后被改动过：{names}；请把改动另存到该文件夹以外的其他文件名，或用 --out 换一个输出文件夹"),
    ]
}
