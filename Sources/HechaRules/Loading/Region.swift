import HechaCore

/// One `sources:` entry of a region file: which connector reads which folder.
public struct SourceEntry: Sendable {
    public var id: String
    /// Resolved against the region file's folder.
    public var path: String
    /// As written in the region file.
    public var displayPath: String
    public var encoding: String?
    public var options: [String: String]
    public var declaredAt: SourceLocation
    /// The program of an out-of-process connector (`command: [python3, disability.py]`), run in
    /// the region file's folder; nil for a connector built into Hecha.
    public var command: [String]? = nil
    /// How long the program may take to read the source (`timeout_seconds:`), in seconds.
    public var timeoutSeconds: Int = SourceEntry.defaultTimeoutSeconds
    /// The program's title, from its `spec` answer (nil for a built-in connector).
    public var title: String? = nil
    /// The fact types the program declared in its `spec` answer.
    public var factSchemas: [FactSchema] = []
    /// The key field of each of those records, by record name.
    public var keyFields: [String: String] = [:]

    /// A source entry as the region loader makes it (and `hecha connector check`, for a folder).
    public init(id: String, path: String, displayPath: String, encoding: String?, options: [String: String], declaredAt: SourceLocation) {
        self.id = id
        self.path = path
        self.displayPath = displayPath
        self.encoding = encoding
        self.options = options
        self.declaredAt = declaredAt
    }

    /// The read timeout of a program that does not set `timeout_seconds:`.
    public static let defaultTimeoutSeconds = 300
}

/// A region file and its whole ruleset chain, loaded, merged and type-checked: everything a run
/// needs except the data.
public struct LoadedRegion: Sendable {
    public var file: String
    public var code: String
    public var name: String
    public var asOf: Day
    public var auditFrom: Month
    public var auditTo: Month
    public var calendar: WorkdayCalendar?
    public var sources: [SourceEntry]
    public var parameters: ParameterSet
    /// Enabled rules, in ruleset order (base first).
    public var rules: [CompiledRule]
    /// Rules the region disabled, with where it said so.
    public var disabled: [(id: String, at: SourceLocation)]
    /// Every file read: the region file, each ruleset of its chain, the calendar.
    public var files: [String]
    public var catalog: FactCatalog
    /// What the ruleset chain says about the data (the active status, the application records).
    public var data: DataVocabulary = DataVocabulary()
    /// Things that are likely mistakes but do not stop a run (a map key no rule knows), for
    /// `validate` and `run` to print.
    public var warnings: [Diagnostic] = []
}
