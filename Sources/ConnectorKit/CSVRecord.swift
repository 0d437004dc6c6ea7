/// One record of a CSV file as the ``CSVReader`` found it.
public struct CSVRecord: Sendable {
    /// The physical line (1-based) where the record starts. A record whose quoted fields hold line
    /// breaks spans several lines; the next record's line accounts for them.
    public var line: Int
    /// The fields, with quoting removed (`""` inside quotes becomes `"`). Not trimmed.
    public var fields: [String]
    /// The record's bytes as written (UTF-8), without its line end. Exact duplicate rows are found
    /// by comparing these.
    public var raw: ArraySlice<UInt8>
    /// Why the record cannot be read, when its quoting is malformed (an unterminated quote,
    /// characters after a closing quote); `fields` is then incomplete and must not be used.
    public var problem: String?

    /// Makes a record; `problem` is set by the reader only for a record whose quoting is malformed.
    public init(line: Int, fields: [String], raw: ArraySlice<UInt8>, problem: String? = nil) {
        self.line = line
        self.fields = fields
        self.raw = raw
        self.problem = problem
    }

    /// The raw bytes as text, for reject files.
    public var rawText: String { String(decoding: raw, as: UTF8.self) }
}
