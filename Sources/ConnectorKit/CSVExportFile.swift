#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HechaCore

/// One CSV file of an agency export, opened inside its source folder with its header checked.
///
/// Columns are matched by header name (blanks and a byte-order mark trimmed), in any order; extra
/// columns are ignored. Opening fails with a ``Diagnostic`` when the file is missing, empty, or
/// lacks a required column:
///
/// ```
/// data/vehicles/机动车登记.csv:1: error: missing required column '所有人证件号码'
///   hint: columns found: 号牌号码, 车辆类型, 初次登记日期, 机动车状态, 购置价格
/// ```
///
/// Read the rows with ``readRows(into:_:)``.
public final class CSVExportFile {
    /// The file name as shown to users in facts' origins, e.g. `机动车登记.csv`.
    public let name: String
    /// The path as shown in messages and counts: the source's display path and the file name.
    public let displayPath: String
    /// The source id, for facts' origins.
    public let sourceID: String
    /// Shared by the origins of every row of this file.
    public let origin: SourceOrigin
    /// The header's column names as found (trimmed).
    public let header: [String]
    /// The line of the header.
    public let headerLine: Int
    let columnIndex: [String: Int]
    /// The declared columns found in the header, as bytes, for lookups without String hashing.
    private let columnBytes: [(name: [UInt8], index: Int)]
    let reader: CSVReader

    /// Opens `name` inside `source`'s folder.
    ///
    /// - Parameters:
    ///   - required: columns that must be in the header.
    ///   - optional: columns that may be missing (their values are then unknown).
    ///   - defaultEncoding: the encoding used unless the source names one.
    public init(_ name: String, in source: SourceConfig, required: [String], optional: [String] = [],
                defaultEncoding: TextEncoding = .utf8, chunkSize: Int = 1 << 20) throws(Diagnostic) {
        self.name = name
        let folderShown = source.displayPath.hasSuffix("/") ? String(source.displayPath.dropLast()) : source.displayPath
        displayPath = folderShown.isEmpty ? name : folderShown + "/" + name
        sourceID = source.id
        origin = SourceOrigin(source: source.id, file: name)
        let encoding = try TextEncoding.resolve(for: source, default: defaultEncoding)
        let path = source.path.hasSuffix("/") ? source.path + name : source.path + "/" + name
        try CSVExportFile.checkExists(path: path, name: name, source: source, folderShown: folderShown)
        reader = try CSVReader(path: path, displayPath: displayPath, encoding: encoding, sourceID: source.id,
                               chunkSize: chunkSize)
        let expected = required + optional
        guard let first = try reader.next() else {
            throw Diagnostic.error("the file is empty; expected a header line", at: SourceLocation(file: displayPath, line: 1),
                                   hint: "the header should name the columns: \(expected.joined(separator: ", "))")
        }
        if let problem = first.problem {
            throw Diagnostic.error("cannot read the header: \(MessageText.reason(problem))", at: SourceLocation(file: displayPath, line: first.line))
        }
        header = first.fields.map(FieldText.trimmed)
        headerLine = first.line
        var index: [String: Int] = [:]
        var repeated: [String] = []
        for (i, column) in header.enumerated() where expected.contains(column) {
            if index[column] != nil { repeated.append(column) } else { index[column] = i }
        }
        columnIndex = index
        columnBytes = index.map { (Array($0.key.utf8), $0.value) }.sorted { $0.1 < $1.1 }
        let shown = header.prefix(40).map { $0.isEmpty ? "(empty)" : MessageText.excerpt($0) }
        let found = "columns found: " + shown.joined(separator: ", ") + (header.count > 40 ? ", … (\(header.count) in all)" : "")
        if let column = repeated.first {
            throw Diagnostic.error("column '\(column)' appears more than once", at: SourceLocation(file: displayPath, line: headerLine),
                                   hint: "keep one column '\(column)'; \(found)")
        }
        var diagnostics: [Diagnostic] = []
        for column in required where index[column] == nil {
            // only names of about the column's length can be misspellings of it (and comparing
            // with a 1 MB header name would take a minute)
            let near = header.filter { !expected.contains($0) && $0.unicodeScalars.count <= column.unicodeScalars.count * 2 + 8 }
            let guess = MessageText.excerpt(NameSuggestion.didYouMean(column, in: near), limit: 120)
            diagnostics.append(.error("missing required column '\(column)'" + guess,
                                      at: SourceLocation(file: displayPath, line: headerLine), hint: found))
        }
        if let first = diagnostics.first { throw first }
    }

    /// The same file read by another reader: one piece of it (see ``FileSplit``), with the header
    /// `file` found and checked.
    init(piecesOf file: CSVExportFile, reader: CSVReader) {
        name = file.name
        displayPath = file.displayPath
        sourceID = file.sourceID
        origin = file.origin
        header = file.header
        headerLine = file.headerLine
        columnIndex = file.columnIndex
        columnBytes = file.columnBytes
        self.reader = reader
    }

    private static func checkExists(path: String, name: String, source: SourceConfig, folderShown: String) throws(Diagnostic) {
        var st = stat()
        if stat(path, &st) == 0 {
            guard let kind = FolderEntry.kind(st.st_mode) else { return }
            throw Diagnostic.error("'\(name)' in folder '\(folderShown)' (source '\(source.id)') is \(kind), not a regular file",
                                   at: source.declaredAt, hint: "replace it with the agency's export file \(name)")
        }
        var folder = stat()
        guard stat(source.path, &folder) == 0, (folder.st_mode & S_IFMT) == S_IFDIR else {
            throw Diagnostic.error("the folder '\(folderShown)' of source '\(source.id)' does not exist", at: source.declaredAt,
                                   hint: "set `path:` of '\(source.id)' in the region file to the folder that holds \(name)")
        }
        let present = try source.listing(folderShown: folderShown)
        throw Diagnostic.error("missing file '\(name)' in folder '\(folderShown)' (source '\(source.id)')", at: source.declaredAt,
                               hint: "put the export named \(name) in that folder" + source.contentsHint(present))
    }

    /// The position of `column` in the header: compared byte by byte with the few declared
    /// columns, which is cheaper than hashing a Chinese column name on every row.
    @inline(__always)
    func position(_ column: String) -> Int? {
        var column = column
        let found = column.withUTF8 { c -> Int? in
            guard c.count > 0 else { return nil }
            for (name, i) in columnBytes where name.count == c.count {
                if name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, c.baseAddress!, c.count) == 0 }) { return i }
            }
            return nil
        }
        return found ?? columnIndex[column]
    }

    /// Whether the header has `column` (an optional column may be absent).
    public func hasColumn(_ column: String) -> Bool { columnIndex[column] != nil }
}
