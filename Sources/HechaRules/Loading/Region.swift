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
