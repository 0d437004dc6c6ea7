import HechaCore
import Yams

/// What the evaluator must know about the data, in the data's own words, as the ruleset declares
/// it under `data:` — so that the evaluator itself names no agency's values or collections:
///
/// ```yaml
/// data:
///   active_status: 在保          # the household 状态 of a household on the rolls: membership.active
///   applications: applications   # the household collection `applies_to: application` rules run over
///   application_id: id           # the field of those records that names each (a finding's application)
/// ```
///
/// A later file of the chain replaces the values it sets. Without `active_status`, a rule cannot
/// read `membership.active`; without `applications`, no rule can be `applies_to: application`.
public struct DataVocabulary: Sendable, Equatable {
    /// The top-level key of a ruleset or region file.
    static let rulesetKey = "data"
    /// The keys under `data:`.
    static let keys = ["active_status", "applications", "application_id"]
    static let example = "data: {active_status: 在保, applications: applications, application_id: id}"

    /// The value of `household.status` that means a household is on the rolls (`membership.active`).
    public var activeStatus: String?
    /// The household fact collection whose records are the subjects of `applies_to: application` rules.
    public var applications: String?
    /// The field naming each of those records: a finding's application id.
    public var applicationID: String?

    /// Values as given (none by default).
    public init(activeStatus: String? = nil, applications: String? = nil, applicationID: String? = nil) {
        self.activeStatus = activeStatus
        self.applications = applications
        self.applicationID = applicationID
    }

    /// The record type of the application collection, when one is declared and known.
    func applicationRecord(in catalog: FactCatalog) -> RecordSchema? {
        guard let applications else { return nil }
        return catalog.facts.first { $0.schema.key == .household && $0.schema.collection == applications }?.schema.record
    }

    /// Why `application` has no record type: the problem with `applications`, and a hint.
    func unknownApplications(in catalog: FactCatalog) -> (message: String, hint: String) {
        guard let applications else {
            return ("'application' needs the ruleset to say which records are applications",
                    "add data: {applications: <a household collection>, application_id: <its id field>} to the base ruleset")
        }
        let collections = catalog.facts.filter { $0.schema.key == .household }.map(\.schema.collection)
        return ("'application': data.applications names '\(applications)', which no known connector provides\(NameSuggestion.didYouMean(applications, in: collections))",
                "household collections: \(collections.joined(separator: ", "))")
    }

    /// Reads `file`'s `data:` (if any) over `data`, checking each value against the roster schema
    /// and the known connectors' fact schemas.
    static func read(_ file: YAMLFile, catalog: FactCatalog, into data: inout DataVocabulary, _ diags: inout DiagnosticCollector) {
        guard let node = file.root[key: rulesetKey] else { return }
        guard node.mapping != nil else {
            diags.error("data: must be a mapping", at: file.location(node), hint: example)
            return
        }
        var idNode: Yams.Node?
        for p in node.pairs {
            guard keys.contains(p.key) else {
                diags.error("unknown key '\(p.key)' under data:\(NameSuggestion.didYouMean(p.key, in: keys))", at: file.location(p.keyNode),
                            hint: "the keys of data: are: \(keys.joined(separator: ", "))")
                continue
            }
            guard let text = p.value.scalar?.string.trimmed, !text.isEmpty else {
                diags.error("data.\(p.key) must be a text, not \(p.value.kindName)", at: file.location(p.value), hint: example)
                continue
            }
            switch p.key {
            case "active_status":
                let statuses = RosterSchema.household.index(of: "status").flatMap { RosterSchema.household.fields[$0].choices } ?? []
                if !statuses.isEmpty && !statuses.contains(text) {
                    diags.error("data.active_status '\(text)' is not a value of household.status\(NameSuggestion.didYouMean(text, in: statuses))",
                                at: file.location(p.value), hint: "its values are: \(statuses.joined(separator: ", "))")
                    continue
                }
                data.activeStatus = text
            case "applications":
                // a collection no known connector provides is an error where a rule uses `application`
                // (``unknownApplications(in:)``): a ruleset is also checked with fewer connectors
                data.applications = text
            default:
                data.applicationID = text
                idNode = p.value
            }
        }
        // the id field is checked against the collection in force once this file is read
        guard let record = data.applicationRecord(in: catalog) else {
            if let idNode, data.applications == nil {
                diags.error("data.application_id needs data.applications: the collection whose field it is", at: file.location(idNode), hint: example)
            }
            return
        }
        guard let id = data.applicationID else {
            diags.error("data.applications needs data.application_id: the field of a \(record.name) record that names it", at: file.location(node),
                        hint: example)
            return
        }
        let names = record.fields.filter { $0.type == .string }.map(\.name)
        if !names.contains(id) {
            diags.error("data.application_id '\(id)' is not a text field of '\(record.name)'\(NameSuggestion.didYouMean(id, in: names))",
                        at: file.location(idNode ?? node), hint: "its text fields are: \(names.joined(separator: ", "))")
        }
    }
}
