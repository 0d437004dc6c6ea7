import ConnectorKit

/// What one run of a connector over a folder produced, in a form that compares across runs.
public struct ConnectorRun: Sendable, Equatable {
    /// Row counts by file (as shown, e.g. `fixture/机动车登记.csv`).
    public var counts: [String: FileCounts]
    /// Rejects as `file:line: reason`, sorted.
    public var rejects: [String]
    /// Every roster household and member and every fact, one line each, sorted.
    public var facts: [String]

    /// Runs `connector` on `source`: for a roster connector, its roster then its facts (with the
    /// roster's index); for another connector, its facts with `index`.
    public static func run(_ connector: any Connector.Type, source: SourceConfig, index: PersonIndex?) throws(Diagnostic) -> ConnectorRun {
        let instance = connector.init()
        let report = SourceReport(sourceID: connector.id)
        let store = FactStore()
        var lines: [String] = []
        var personIndex = index ?? PersonIndex(householdsByPerson: [:], householdByID: [:])
        if let rosterConnector = instance as? any RosterConnector {
            let roster = try rosterConnector.readRoster(RosterRequest(source: source, report: report))
            personIndex = roster.index
            for h in roster.households {
                lines.append("household \(h.id) \(h.record) @\(origin(h.record))")
                for m in h.members {
                    lines.append("member \(h.id) \(m.personID ?? "-") \(m.record) @\(origin(m.record))")
                }
            }
        }
        try instance.read(ReadRequest(source: source, index: personIndex, facts: store, report: report))
        for schema in connector.factSchemas {
            for (key, records) in store.collection(schema.collection) {
                for r in records { lines.append("\(schema.collection) \(key) \(r) @\(origin(r))") }
            }
        }
        var counts: [String: FileCounts] = [:]
        for f in report.files { counts[f.file] = f }
        return ConnectorRun(counts: counts, rejects: report.rejects.map { "\($0.file):\($0.line): \($0.reason)" }.sorted(), facts: lines.sorted())
    }

    static func origin(_ r: Record) -> String {
        guard let s = r.source else { return "?" }
        return "\(s.source)/\(s.file):\(s.line)"
    }

    /// How `other` differs from this run, for failure messages (empty when equal).
    public func differences(from other: ConnectorRun) -> [String] {
        var out: [String] = []
        for file in Set(counts.keys).union(other.counts.keys).sorted() where counts[file] != other.counts[file] {
            out.append("counts of \(file): expected \(describe(counts[file])), got \(describe(other.counts[file]))")
        }
        if rejects != other.rejects {
            out.append("rejects: expected \(rejects), got \(other.rejects)")
        }
        let mine = Set(facts), theirs = Set(other.facts)
        for missing in mine.subtracting(theirs).sorted().prefix(5) { out.append("missing: \(missing)") }
        for extra in theirs.subtracting(mine).sorted().prefix(5) { out.append("unexpected: \(extra)") }
        if facts.count != other.facts.count { out.append("\(facts.count) facts expected, \(other.facts.count) read") }
        return out
    }
}

func describe(_ c: FileCounts?) -> String {
    guard let c else { return "none" }
    return "read \(c.read) = accepted \(c.accepted) + rejected \(c.rejected) + duplicates \(c.duplicates) + unmatched \(c.unmatched)"
}
