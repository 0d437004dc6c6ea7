import HechaCore

/// An agency connector: reads one agency's export and yields typed facts.
///
/// The host knows connectors only through its catalogue; a region file picks them by ``id``:
///
/// ```yaml
/// sources:
///   vehicle-registry: {path: data/vehicles}
/// ```
///
/// ## What an implementer must do
///
/// - Declare a stable ``id`` (kebab-case; it appears in region files and reports), a Chinese
///   ``title``, and the fact types it yields in ``factSchemas``. Every field a rule may use is
///   declared there with its type; optional fields say so. The rule checker type-checks every
///   rule against these schemas when a ruleset loads.
/// - In ``read(_:)``, read the files under `request.source.path`, and for every row decide exactly
///   one of: accepted (a fact handed to `request.facts`), rejected (with a reason, via
///   `request.report`), duplicate (an identical row already seen in that file), or unmatched (its
///   key is not in `request.index`). Never guess a value: a required field that is empty or
///   unreadable rejects the row.
/// - Keep only facts whose key is in `request.index`: agency files may be far larger than memory;
///   the roster may not.
/// - Throw a ``Diagnostic`` only when a whole file cannot be read (missing file, missing required
///   column, undecodable encoding); it names the file and says what to do.
///
/// ## Example
///
/// ```swift
/// public struct OfficialsConnector: Connector {
///     public static let id = "officials"
///     public static let title = "财政供养人员"
///     enum Field {   // the one place each column name is written
///         static let id = FieldSchema("id", .string, column: "身份证号", personal: true)
///         static let name = FieldSchema("name", .string, column: "姓名", personal: true)
///         static let employer = FieldSchema("employer", .string, optional: true, column: "工作单位")
///     }
///     public static let official = RecordSchema(name: "official", title: "财政供养人员",
///                                               fields: [Field.id, Field.name, Field.employer])
///     public static let factSchemas = [FactSchema(record: official, key: .person, collection: "officials")]
///     public init() {}
///     public func read(_ request: ReadRequest) throws(Diagnostic) {
///         // requires the columns 身份证号 and 姓名; 工作单位 may be missing (see ``SchemaColumns``)
///         try request.readFacts("财政供养人员.csv", schema: Self.official, collection: "officials") { row throws(RowReject) in
///             guard let id = try row.personID(Field.id, in: request.index) else { return .unmatched }  // rejects an invalid id
///             let record = Record(schema: Self.official, fields: [.string(id), .string(try row.text(Field.name)),
///                                 .known(row.optionalText(Field.employer))], source: row.origin)
///             return .keep(record, key: id)
///         }
///     }
/// }
/// ```
///
/// `readFacts` (or ``CSVExportFile/readRows(into:_:)`` for more control) does the bookkeeping:
/// counts, rejects with their reasons, exact duplicates.
///
/// ## What the host guarantees
///
/// - `read` is called at most once per run, after the roster is loaded, with the person index
///   complete. Connectors may be run concurrently with each other.
/// - `request.report` is summed into the run's manifest; its counts must add up
///   (read = accepted + rejected + duplicate + unmatched, per file).
public protocol Connector: Sendable {
    /// Stable id used in region files (`sources:`), e.g. `vehicle-registry`.
    static var id: String { get }
    /// A human title in Chinese, e.g. `车管所机动车登记`.
    static var title: String { get }
    /// The fact types this connector yields.
    static var factSchemas: [FactSchema] { get }
    /// The files ``read(_:)`` needs in the source folder: exact names (`机动车登记.csv`) or
    /// `*.ext` for "at least one file ending in .ext". `hecha validate` checks them before any
    /// data is read, so a missing export is a configuration error with the files found listed.
    static var exportFiles: [String] { get }
    init()
    /// Reads the configured source and hands every kept fact to `request.facts`.
    func read(_ request: ReadRequest) throws(Diagnostic)
}

extension Connector {
    /// None declared: the connector's files are checked only when it reads them.
    public static var exportFiles: [String] { [] }
}

/// A connector that delivers the assistance roster itself (households and members), from which the
/// person index is built. Exactly one configured source must be a roster connector.
public protocol RosterConnector: Connector {
    /// Reads the roster. Household-keyed facts of the same agency (payments, applications) are
    /// read afterwards by ``Connector/read(_:)`` with the finished index.
    func readRoster(_ request: RosterRequest) throws(Diagnostic) -> Roster
}

/// How a region configured one source.
public struct SourceConfig: Sendable {
    /// The connector id.
    public var id: String
    /// The folder (or file) to read, resolved against the region file's folder.
    public var path: String
    /// The path as written in the region file, for messages.
    public var displayPath: String
    /// The text encoding named in the region file (`utf-8`, `gb18030`), if any.
    public var encoding: String?
    /// Other keys of the source entry, as text.
    public var options: [String: String]
    /// Where the source entry is in the region file.
    public var declaredAt: SourceLocation?

    /// Describes one configured source; `displayPath` defaults to `path` when not given.
    public init(id: String, path: String, displayPath: String? = nil, encoding: String? = nil,
                options: [String: String] = [:], declaredAt: SourceLocation? = nil) {
        self.id = id
        self.path = path
        self.displayPath = displayPath ?? path
        self.encoding = encoding
        self.options = options
        self.declaredAt = declaredAt
    }
}

/// Everything a connector's ``Connector/read(_:)`` gets: one struct so the API can grow.
public struct ReadRequest: Sendable {
    /// The region file's entry for this source: where the export is, its encoding and other options.
    public var source: SourceConfig
    /// Keep only facts whose person id or household id is in here.
    public var index: PersonIndex
    /// Where kept facts go.
    public var facts: FactStore
    /// Where row counts and rejects go.
    public var report: SourceReport
    /// How many threads one large file may be read on (``readFacts(_:required:optional:defaultEncoding:collection:personKey:_:)``
    /// splits a UTF-8 file of 64 MiB or more into pieces of at least 32 MiB); 1 reads each file on
    /// the calling thread. The host gives it the threads (`hecha run --threads`, else one a core)
    /// left over when every source of the region has one.
    public var threads: Int
    /// The smallest piece of a file split across threads (``FileSplit/smallestPiece``; smaller in tests).
    var smallestPiece = FileSplit.smallestPiece

    /// Bundles what one ``Connector/read(_:)`` call works with; the host makes it, tests may too.
    public init(source: SourceConfig, index: PersonIndex, facts: FactStore, report: SourceReport, threads: Int = 1) {
        self.source = source
        self.index = index
        self.facts = facts
        self.report = report
        self.threads = threads
    }
}

/// What a ``RosterConnector`` gets.
public struct RosterRequest: Sendable {
    /// The region file's entry for the roster source: where the export is, its encoding and other options.
    public var source: SourceConfig
    /// Where the roster files' row counts and rejects go.
    public var report: SourceReport

    /// Bundles what one ``RosterConnector/readRoster(_:)`` call works with.
    public init(source: SourceConfig, report: SourceReport) {
        self.source = source
        self.report = report
    }
}
