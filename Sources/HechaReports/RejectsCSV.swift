import ConnectorKit

/// Writes `rejects/<source>.csv`: every rejected row of a source with its file, line, reason and
/// the raw row as read. The raw rows hold full id numbers: the file is written owner-only.
public enum RejectsCSV {
    /// The columns: file, line, reason, raw row.
    public static let header = ["文件", "行号", "原因", "原始行"]

    /// The CSV text (with a UTF-8 byte order mark, for Excel) of `rejects`, in the order given.
    public static func text(_ rejects: [RejectedRow]) -> String {
        CSVText.file(header: header, rows: rejects.map { r in
            [CSVText.text(r.file), CSVText.number(String(r.line)), CSVText.text(r.reason), CSVText.text(r.raw)]
        })
    }

    /// The file's path inside the output folder.
    public static func path(forSource id: String) -> String {
        "rejects/" + SafeFileNames.name(of: id)
    }
}
