import Foundation
import HechaCore
import HechaHost
import HechaLedger
import HechaReports
import HechaRules

/// The region behind the ledger, read once when the workbench starts (`--region`): what a lead page
/// shows besides the ledger's own columns — the rule's title and 核查要点, the decisive values,
/// the household's members, and the explanation trace (`hecha explain`'s content), all computed
/// for one household when its lead is opened.
public final class RegionEvidence: Sendable {
    let region: LoadedRegion
    let data: RegionData
    let evaluator: Evaluator
    /// The ruleset chain's ledger settings: the dismiss reasons offered and accepted.
    public let settings: LedgerSettings

    /// Reads the region as of `asOf` (the ledger's last run, so that the explanation is the run's)
    /// with the connectors of `registry`.
    public init(regionFile: String, asOf: String?, rulesetsDirectory: String? = nil, registry: ConnectorRegistry) throws(HostError) {
        let run = RegionRun(registry: registry)
        let region = try run.validate(regionFile: regionFile, asOf: asOf.flatMap { Day(iso: $0) }, rulesetsDirectory: rulesetsDirectory)
        do {
            settings = try LedgerSettings.load(files: region.files)
        } catch {
            throw HostError(.configuration, error)
        }
        self.region = region
        self.data = try run.read(region)
        self.evaluator = Evaluator(region: region)
    }

    /// The rule's title, when the region runs it.
    func title(of rule: String) -> String? { region.rules.first { $0.id == rule }?.title }

    /// The evidence of one lead, re-evaluated now; nil when its household or rule is no longer in
    /// the region (the page then says so).
    func dossier(for lead: Lead) -> LeadDossier? {
        guard let e = evaluator.explain(ruleID: lead.rule, household: lead.household, person: lead.person,
                                        application: lead.application, roster: data.roster, facts: data.facts),
              let index = data.roster.index.householdByID[lead.household]
        else { return nil }
        let household = data.roster.households[index]
        let info = HouseholdDirectory(roster: data.roster, only: [lead.household])[lead.household]
        let members = household.members.map { m in
            LeadDossier.Member(name: m.record["name"].plainText, id: m.record["raw_id"].plainText, relation: m.record["relation"].plainText,
                               coresident: m.record["coresident"] == .bool(true), covered: m.record["covered"] == .bool(true),
                               concerned: m.personID != nil && m.personID == lead.person)
        }
        let context = ExplanationReport.Context(findingID: lead.id, town: info?.town, headName: info?.headName, warnings: [])
        return LeadDossier(title: e.rule.title, verify: e.rule.verify, details: e.details, members: members,
                           phone: info?.phone ?? "", address: info?.address ?? "",
                           explanation: ExplanationReport.text(e, context, language: .chinese), stillFound: e.fired)
    }
}

/// What a lead page shows from the region.
struct LeadDossier: Sendable {
    /// A member of the household, unmasked (the API masks it unless the user reveals it).
    struct Member: Sendable {
        var name: String, id: String, relation: String
        var coresident: Bool, covered: Bool
        /// The member the lead is about.
        var concerned: Bool
    }

    var title: String
    var verify: String?
    var details: [FindingDetail]
    var members: [Member]
    var phone: String
    var address: String
    /// The explanation trace, as `hecha explain` prints it (ids masked).
    var explanation: String
    /// False when the data read now no longer gives the finding.
    var stillFound: Bool
}

extension Value {
    /// The value as a person reads it: a string without quotes, unknown as empty.
    var plainText: String {
        switch self {
        case .string(let s): s
        case .unknown: ""
        default: description
        }
    }
}
