import HechaCore
import HechaRules

/// The fingerprint of a finding's evidence: what tells a dismissed lead that stays dismissed from
/// one whose evidence changed (a second car, a new death record) and must reopen.
///
/// It is the SHA-256 (hex) of `hecha-evidence-v1`, the finding's ``Finding/detailsText`` (its
/// decisive values) and the sorted contents of the records the evidence sources hold about the
/// household: for every source the evidence cites other than the roster, every fact of that source
/// about the household or one of its members (all of the members' cars, not just the one the
/// rule stopped at). Records are taken by their field values, never by file name or line number:
/// the same car in next month's export, on another line, gives the same fingerprint; a new car
/// gives another one. The roster's own records (households, members, the monthly payments) are
/// left out, and so is the amount: an overpayment grows month by month and is the same evidence.
public struct EvidenceFingerprint: Sendable {
    let keys: FactKeys
    /// Collection name → its facts, indexed once.
    let tables: [String: FactTable]
    /// Connector id → its collections and what they are keyed by.
    let collections: [String: [FactSchema]]
    /// The households and their members, found by id for the households that have findings.
    let roster: Roster
    let rosterSource: String?

    /// Prepares to fingerprint the findings of a run on `roster` and `facts`.
    public init(roster: Roster, facts: FactStore, catalog: FactCatalog, rosterSource: String?) {
        keys = facts.keys
        collections = Dictionary(grouping: catalog.facts, by: \.connector).mapValues { $0.map(\.schema) }
        var tables: [String: FactTable] = [:]
        for f in catalog.facts { tables[f.schema.collection] = facts.table(f.schema.collection) }
        self.tables = tables
        self.roster = roster
        self.rosterSource = rosterSource
    }

    /// The fingerprint of one finding.
    public func of(_ f: Finding) -> String {
        var records: Set<String> = []
        let sources = Set(f.evidence.map(\.source)).subtracting(rosterSource.map { [$0] } ?? [])
        for source in sources {
            for schema in collections[source] ?? [] {
                let owners = schema.key == .household ? [f.household] : members(of: f.household)
                guard let table = tables[schema.collection] else { continue }
                for owner in owners {
                    for r in table.records(key: owner, in: keys) {
                        records.insert(source + "/" + schema.collection + ":" + r.fields.map(\.description).joined(separator: "\u{1F}"))
                    }
                }
            }
        }
        let text = "hecha-evidence-v1\n" + f.detailsText + "\n" + records.sorted().joined(separator: "\n")
        return SHA256.hex(Array(text.utf8))
    }

    /// The normalised ids of the household's members with a valid id, in roster order.
    func members(of household: String) -> [String] {
        guard let position = roster.index.householdByID[household] else { return [] }
        return roster.members(ofHousehold: position).compactMap { roster.personID(ofMember: $0) }
    }
}
