import HechaCore

/// The text encodings an agency export may be written in. Everything is converted to UTF-8 while
/// it is read, so connectors only ever see UTF-8.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// GB18030, the superset of GBK and GB2312 that Chinese government systems export.
    case gb18030 = "gb18030"

    /// Parses the name written as `encoding:` in a region file's source entry, ignoring case and
    /// surrounding spaces: `utf-8` / `utf8`, `gb18030` / `gbk` / `gb2312` / `cp936`.
    /// GBK and GB2312 files are read as GB18030, which contains both.
    public init?(name: String) {
        var s = Substring(name)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        switch s.lowercased() {
        case "utf-8", "utf8", "utf_8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936", "gb-18030": self = .gb18030
        default: return nil
        }
    }

    /// The names accepted by ``init(name:)``, for hints.
    public static let acceptedNames = ["utf-8", "gb18030", "gbk", "gb2312"]

    /// The encoding to read `source` with: its `encoding:` when the region file names one,
    /// otherwise the connector's `defaultEncoding`.
    ///
    /// - Throws: a ``Diagnostic`` at the source entry when the named encoding is unknown.
    public static func resolve(for source: SourceConfig, default defaultEncoding: TextEncoding) throws(Diagnostic) -> TextEncoding {
        guard let name = source.encoding else { return defaultEncoding }
        guard let encoding = TextEncoding(name: name) else {
            throw Diagnostic.error(
                "unknown encoding '\(name)' for source '\(source.id)'", at: source.declaredAt,
                hint: "use one of: \(acceptedNames.joined(separator: ", "))")
        }
        return encoding
    }

    /// `utf-8` or `gb18030`.
    public var description: String { rawValue }
}
