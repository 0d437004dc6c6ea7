import HechaCore
import Yams

/// What the lead ledger takes from the ruleset chain: the closed list of reasons a lead may be
/// dismissed for, how long closed leads keep their personal data, and per rule how many days a
/// township has to verify a lead before it counts as overdue (超期未核查).
///
/// ```yaml
/// ledger: {dismiss_reasons: [车辆已过户, 非共同生活, 已死亡销户, 数据错误], retention_months: 36}
/// rules:
///   - id: vehicle-owned
///     verify_within_days: 30
/// ```
///
/// A later file of the chain replaces the lists and values it sets; rules without
/// `verify_within_days` use ``defaultVerifyWithinDays``.
public struct LedgerSettings: Sendable, Equatable {
    /// The top-level keys a ruleset or region file may have for the ledger.
    static let rulesetKeys = ["ledger"]
    /// The keys a rule may have for the ledger.
    static let ruleKeys = ["verify_within_days"]

    /// The days to verify a lead when the rule says nothing.
    public static let defaultVerifyWithinDays = 30

    /// The reasons a lead may be dismissed (不属实) for, in the order declared.
    public var dismissReasons: [String]
    /// Months after a lead is closed that its personal data is kept (`hecha leads purge`).
    public var retentionMonths: Int
    /// Rule id → days to verify its leads.
    public var verifyWithinDays: [String: Int]

    /// Settings as given.
    public init(dismissReasons: [String] = [], retentionMonths: Int = 36, verifyWithinDays: [String: Int] = [:]) {
        self.dismissReasons = dismissReasons
        self.retentionMonths = retentionMonths
        self.verifyWithinDays = verifyWithinDays
    }

    /// The days a township has to verify a lead of `rule`.
    public func verifyDays(for rule: String) -> Int { verifyWithinDays[rule] ?? LedgerSettings.defaultVerifyWithinDays }

    /// Reads the settings from the files of a loaded region's chain (``LoadedRegion/files``),
    /// base first; files without `ledger:` or `verify_within_days:` add nothing.
    public static func load(files: [String]) throws(DiagnosticList) -> LedgerSettings {
        var settings = LedgerSettings()
        var diags = DiagnosticCollector()
        for path in files where path.hasSuffix(".yaml") {
            let file = try YAMLFile.load(path: path)
            read(file, into: &settings, &diags)
        }
        try diags.check()
        return settings
    }

    static func read(_ file: YAMLFile, into settings: inout LedgerSettings, _ diags: inout DiagnosticCollector) {
        let reader = ValueReader(file: file)
        if let ledger = file.root[key: "ledger"] {
            guard ledger.mapping != nil else {
                diags.error("ledger: must be a mapping", at: file.location(ledger), hint: "ledger: {dismiss_reasons: [...], retention_months: 36}")
                return
            }
            for p in ledger.pairs {
                switch p.key {
                case "dismiss_reasons":
                    guard let seq = p.value.sequence, !seq.isEmpty else {
                        diags.error("ledger.dismiss_reasons must be a non-empty list of reasons", at: file.location(p.value),
                                    hint: "dismiss_reasons: [车辆已过户, 非共同生活, 已死亡销户, 数据错误]")
                        continue
                    }
                    var reasons: [String] = []
                    for item in seq {
                        guard let s = item.scalar?.string, !s.trimmed.isEmpty else {
                            diags.error("a dismiss reason must be a text", at: file.location(item))
                            continue
                        }
                        reasons.append(s.trimmed)
                    }
                    settings.dismissReasons = reasons
                case "retention_months":
                    if let n = positiveInt(p.value, reader: reader, what: "ledger.retention_months", &diags) { settings.retentionMonths = n }
                default:
                    diags.error("unknown key '\(p.key)' under ledger:\(NameSuggestion.didYouMean(p.key, in: ["dismiss_reasons", "retention_months"]))",
                                at: file.location(p.keyNode), hint: "the keys of ledger: are dismiss_reasons and retention_months")
                }
            }
        }
        guard let rules = file.root[key: "rules"] else { return }
        let nodes = rules.sequence.map(Array.init) ?? rules[key: "add"]?.sequence.map(Array.init) ?? []
        for node in nodes {
            guard let id = node[key: "id"]?.scalar?.string, let days = node[key: "verify_within_days"] else { continue }
            if let n = positiveInt(days, reader: reader, what: "verify_within_days of rule '\(id)'", &diags) {
                settings.verifyWithinDays[id] = n
            }
        }
    }

    static func positiveInt(_ node: Yams.Node, reader: ValueReader, what: String, _ diags: inout DiagnosticCollector) -> Int? {
        guard let text = node.scalar?.string, let n = Int(text), n > 0 else {
            diags.error("\(what) must be a whole number above 0", at: reader.file.location(node))
            return nil
        }
        return n
    }
}
