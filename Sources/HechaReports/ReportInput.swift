import ConnectorKit
import HechaCore
import HechaRules

/// Everything the output writers need from one run, as plain values: the host builds it from the
/// run's outcome, tests build it by hand. Every writer is a pure function of it.
public struct ReportInput: Sendable {
    /// Which region, evaluated when, over which months.
    public var region: RegionHeading
    /// Every enabled rule, in ruleset order.
    public var rules: [RuleSummary]
    /// In `Finding.ordered` order.
    public var findings: [Finding]
    /// Where each household with findings is and who is in it, by 户编号.
    public var households: HouseholdDirectory
    /// Each source's input files, counts and rejected rows.
    public var sources: [SourceInput]
    /// Rules that did not run (skipped for a missing source, or disabled), with why.
    public var notRun: [RuleNotRun]
    /// The region file, every ruleset of its chain and the calendar, with their hashes.
    public var configurationFiles: [ConfigurationFile]
    /// Every parameter of the ruleset chain with its effective value, in declaration order.
    public var parameters: [EffectiveParameter]
    /// The language of report.html (the CSV files' headers are Chinese either way).
    public var language: ReportLanguage
    /// Rules that could not be evaluated on some households, with the households' count: when any
    /// is listed, the findings are incomplete and the outputs go to a folder of their own, never
    /// over the last good run.
    public var failedRules: [FailedRule] = []
    /// What the run changed in the lead ledger, when it used one (shown in the manifest).
    public var ledger: LedgerRunFigures?

    /// The input of one run; ``failedRules`` and ``ledger`` start empty and are set afterwards when needed.
    public init(region: RegionHeading, rules: [RuleSummary], findings: [Finding], households: HouseholdDirectory,
                sources: [SourceInput], notRun: [RuleNotRun], configurationFiles: [ConfigurationFile],
                parameters: [EffectiveParameter], language: ReportLanguage = .chinese) {
        self.region = region
        self.rules = rules
        self.findings = findings
        self.households = households
        self.sources = sources
        self.notRun = notRun
        self.configurationFiles = configurationFiles
        self.parameters = parameters
        self.language = language
    }

    /// The rule with this id, if it is enabled.
    public func rule(_ id: String) -> RuleSummary? { rules.first { $0.id == id } }
}

/// A rule that could not be evaluated on some households.
public struct FailedRule: Sendable {
    /// The rule's id.
    public var rule: String
    /// How many households it failed on.
    public var households: Int
    /// The first distinct cause, as the evaluator said it.
    public var cause: String

    /// A failed rule.
    public init(rule: String, households: Int, cause: String) {
        self.rule = rule
        self.households = households
        self.cause = cause
    }
}

/// Which region, evaluated when, over which months.
public struct RegionHeading: Sendable {
    /// The region's code, e.g. `420525`.
    public var code: String
    /// The region's name, as the region file gives it.
    public var name: String
    /// The date the run was evaluated at.
    public var asOf: Day
    /// The first month of the audit window.
    public var auditFrom: Month
    /// The last month of the audit window.
    public var auditTo: Month

    /// A heading as given.
    public init(code: String, name: String, asOf: Day, auditFrom: Month, auditTo: Month) {
        self.code = code
        self.name = name
        self.asOf = asOf
        self.auditFrom = auditFrom
        self.auditTo = auditTo
    }
}

/// What the reports show about a rule.
public struct RuleSummary: Sendable {
    /// The rule's stable id.
    public var id: String
    /// The rule's Chinese title.
    public var title: String
    /// How urgent its leads are.
    public var severity: Severity
    /// The row of the table by category; rules without one are counted under 其他.
    public var category: String?
    /// Which total (应追缴, 应补发, or neither) the rule's amounts count towards.
    public var amountKind: AmountKind
    /// Whether the rule computes an amount.
    public var hasAmount: Bool
    /// What the case worker should verify (核查要点), when the ruleset says.
    public var verify: String?

    /// A summary as given; ``verify`` is left nil.
    public init(id: String, title: String, severity: Severity, category: String?, amountKind: AmountKind = .other,
                hasAmount: Bool) {
        self.id = id
        self.title = title
        self.severity = severity
        self.category = category
        self.amountKind = amountKind
        self.hasAmount = hasAmount
    }

    /// The summary of a loaded rule, its 核查要点 included.
    public init(_ rule: CompiledRule) {
        self.init(id: rule.id, title: rule.title, severity: rule.severity, category: rule.category,
                  amountKind: rule.amountKind, hasAmount: rule.amountText != nil)
        verify = rule.verify
    }
}

/// One source's input files and rejected rows.
public struct SourceInput: Sendable {
    /// The source's connector id.
    public var id: String
    /// The connector's Chinese title.
    public var title: String
    /// The files read, in the order the connector recorded them.
    public var files: [InputFile]
    /// Every rejected row of the source, written to `rejects/<source>.csv`.
    public var rejects: [RejectedRow]
    /// How the rows came from a warehouse table, for a source kept there (its one "file" is the table).
    public var warehouse: WarehouseFigures?

    /// A source's inputs as given.
    public init(id: String, title: String, files: [InputFile], rejects: [RejectedRow], warehouse: WarehouseFigures? = nil) {
        self.id = id
        self.title = title
        self.files = files
        self.rejects = rejects
        self.warehouse = warehouse
    }

    /// The counts of all files added together.
    public var total: FileCounts { FileCounts.sum(files.map(\.counts), as: id) }
}

/// An input file: its row counts and the SHA-256 of its bytes.
public struct InputFile: Sendable {
    /// Its row counts, naming the file as shown to people.
    public var counts: FileCounts
    /// The SHA-256 of the file's bytes as read, in lowercase hexadecimal.
    public var sha256: String
    /// Its size in bytes.
    public var size: Int

    /// An input file as given.
    public init(counts: FileCounts, sha256: String, size: Int) {
        self.counts = counts
        self.sha256 = sha256
        self.size = size
    }
}

/// A rule that did not run, and why.
public struct RuleNotRun: Sendable {
    /// The rule's id.
    public var rule: String
    /// Why it did not run: the sources it needs that are not configured, or where the region disabled it.
    public var reason: String

    /// A rule not run, as given.
    public init(rule: String, reason: String) {
        self.rule = rule
        self.reason = reason
    }
}

/// A configuration file the run read.
public struct ConfigurationFile: Sendable {
    /// What the file is: the region file, a ruleset of its chain, or the workday calendar.
    public enum Role: String, Sendable { case region, ruleset, calendar }
    /// What the file is.
    public var role: Role
    /// The file's path as shown in messages.
    public var path: String
    /// The SHA-256 of the file's bytes, in lowercase hexadecimal.
    public var sha256: String

    /// A configuration file as given.
    public init(role: Role, path: String, sha256: String) {
        self.role = role
        self.path = path
        self.sha256 = sha256
    }
}
