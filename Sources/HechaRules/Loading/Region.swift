import HechaCore

/// One `sources:` entry of a region file: which connector reads which folder.
public struct SourceEntry: Sendable {
    /// The connector id (the key under `sources:`), e.g. `vehicle-registry`.
    public var id: String
    /// Resolved against the region file's folder.
    public var path: String
    /// As written in the region file.
    public var displayPath: String
    /// The `encoding:` written for the source (`utf-8`, `gb18030`); `nil` means the connector's default.
    public var encoding: String?
    /// The entry's other keys (besides `path:` and `encoding:`), as text.
    public var options: [String: String]
    /// Where the entry is in the region file.
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
    /// The warehouse table that holds the source's rows (`database:` and `table:`), nil for a
    /// folder of export files; ``path`` is then empty and ``displayPath`` the table.
    public var warehouse: WarehouseSource? = nil

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
    /// The region file's path as shown in messages.
    public var file: String
    /// The region's code from `region: {code: …}`, e.g. the six-digit division code `420525`.
    public var code: String
    /// The region's name from `region: {name: …}`.
    public var name: String
    /// The date the run is evaluated at (`as_of:`, or `--as-of`).
    public var asOf: Day
    /// The first month of the audit window (`audit_window.from`).
    public var auditFrom: Month
    /// The last month of the audit window (`audit_window.to`), never before ``auditFrom``.
    public var auditTo: Month
    /// The workday calendar named by `calendar:`; `nil` when the chain names none.
    public var calendar: WorkdayCalendar?
    /// The configured sources, in the order of the region file.
    public var sources: [SourceEntry]
    /// Every declared parameter with its effective setting after the chain's overrides.
    public var parameters: ParameterSet
    /// Enabled rules, in ruleset order (base first).
    public var rules: [CompiledRule]
    /// Rules the region disabled, with where it said so.
    public var disabled: [(id: String, at: SourceLocation)]
    /// Every file read: the region file, each ruleset of its chain, the calendar.
    public var files: [String]
    /// The record types rules were checked against, with the facts of `command:` sources added.
    public var catalog: FactCatalog
    /// What the ruleset chain says about the data (the active status, the application records).
    public var data: DataVocabulary = DataVocabulary()
    /// Things that are likely mistakes but do not stop a run (a map key no rule knows), for
    /// `validate` and `run` to print.
    public var warnings: [Diagnostic] = []
}
