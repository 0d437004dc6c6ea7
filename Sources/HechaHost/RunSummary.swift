import HechaCore
import HechaReports
import HechaRules

/// The terminal summary of a run: per rule, findings and amount; rules skipped; per source, rows
/// read / accepted / rejected / duplicate / unmatched. Id numbers in reject reasons are masked.
public enum RunSummary {
    /// The summary of `o` as printed after a run (English templates; the CLI translates them).
    public static func text(_ o: RunOutcome) -> String {
        var out = "Hecha 核查 — \(o.region.name) (\(o.region.code)), as of \(o.region.asOf), audit window \(o.region.auditFrom) … \(o.region.auditTo)\n\n"
        var rows: [[String]] = []
        var total = 0
        var totalAmount = Exact.zero
        for rule in o.region.rules where o.evaluation.ran.contains(rule.id) {
            let fs = o.evaluation.findings.filter { $0.rule == rule.id }
            let amounts = fs.compactMap(\.amount)
            let sum = amounts.reduce(Exact.zero, +)
            total += fs.count
            totalAmount = totalAmount + sum
            rows.append([rule.id, rule.title, String(fs.count), rule.amountText == nil ? "" : sum.decimalString(places: 2)])
        }
        rows.append(["total", "合计", String(total), totalAmount.decimalString(places: 2)])
        out += SummaryTable.render(header: ["rule", "规则", "findings", "amount (元)"], rows: rows, rightAligned: [2, 3])
        if !o.evaluation.skipped.isEmpty || !o.region.disabled.isEmpty {
            out += "\nRules not run:\n"
            for s in o.evaluation.skipped { out += "  \(s.rule): skipped — \(s.reason)\n" }
            for d in o.region.disabled { out += "  \(d.id): disabled at \(d.at)\n" }
        }
        out += "\n"
        var srows: [[String]] = []
        for s in o.sources {
            for f in s.files {
                srows.append([s.id, f.file, String(f.read), String(f.accepted), String(f.rejected), String(f.duplicates), String(f.unmatched)])
            }
        }
        out += SummaryTable.render(header: ["source", "file", "read", "accepted", "rejected", "duplicate", "unmatched"], rows: srows,
                                   rightAligned: [2, 3, 4, 5, 6])
        let rejected = o.sources.reduce(0) { $0 + $1.total.rejected }
        if rejected > 0 {
            out += "\nRejected rows (file:line: reason):\n"
            for s in o.sources {
                for r in s.rejects.prefix(50) { out += "  \(r.file):\(r.line): \(PrivacyMask.idsInText(r.reason))\n" }
                if s.rejects.count > 50 { out += "  … and \(s.rejects.count - 50) more in \(s.id)\n" }
            }
        }
        if let ledger = o.ledger { out += LedgerSummary.text(ledger) }
        out += "\nWritten to \(o.outputDirectory): report.html, findings.csv, by-township/, findings.jsonl, rejects/, manifest.json\n"
        return out
    }
}

/// The rule listing of `hecha rules`.
public struct LoadedRegionSummary {
    /// The listing, one rule per line with its title and severity.
    public let text: String

    /// The listing of `region`'s rules.
    public init(_ region: LoadedRegion) {
        var out = "\(region.file): \(region.rules.count) rules\n\n"
        for r in region.rules {
            out += "\(r.id) — \(r.title) [\(r.subject.rawValue), \(r.severity.rawValue)] (\(r.definedAt))\n"
            if let v = r.verify { out += "  核查要点: \(v)\n" }
            if !r.sources.isEmpty { out += "  sources: \(r.sources.sorted().joined(separator: ", "))\n" }
            for p in r.parameters.sorted() {
                let value = region.parameters.settings[p].map { s in
                    s.entries.map { e in
                        let v: String
                        switch e.data {
                        case .value(let x): v = x.description
                        case .map(let m): v = "{" + m.keys.sorted().map { "\($0): \(m[$0]!)" }.joined(separator: ", ") + "}"
                        }
                        return e.from.map { "from \($0): \(v)" } ?? v
                    }.joined(separator: "; ")
                } ?? "(no value)"
                out += "  \(p) = \(value)\n"
            }
        }
        for d in region.disabled { out += "\(d.id) — disabled (\(d.at))\n" }
        out += "\n" + FactCatalogListing.text(region.catalog)
        self.text = out
    }
}
