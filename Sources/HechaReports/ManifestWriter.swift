import ConnectorKit
import HechaCore

/// Writes `manifest.json`: what a run used and produced, so that it can be reproduced and audited —
/// the Hecha version; the region file, every ruleset and the calendar with their SHA-256; the
/// effective parameters; every input file with its SHA-256 and rows read / accepted / rejected /
/// duplicate / unmatched (`read` is always the sum of the other four), per source with its totals
/// and its rejects file; the rules that did not run; every other output file with its SHA-256; and
/// the start and end time (the only lines that differ between two runs of the same inputs).
public enum ManifestWriter {
    /// The times of a run, as ISO 8601 text (UTC).
    public struct Times: Sendable {
        /// When the run started, ISO 8601 in UTC.
        public var started: String
        /// When the run finished, ISO 8601 in UTC.
        public var finished: String
        /// The times of a run.
        public init(started: String, finished: String) {
            self.started = started
            self.finished = finished
        }
    }

    /// - Parameter outputs: the run's other output files (path inside the folder, SHA-256), in order.
    public static func text(_ input: ReportInput, outputs: [(path: String, sha256: String)], times: Times,
                            version: String = HechaVersion.current) -> String {
        let r = input.region
        func counts(_ c: FileCounts) -> [(String, PrettyJSON)] {
            [("read", .int(c.read)), ("accepted", .int(c.accepted)), ("rejected", .int(c.rejected)),
             ("duplicates", .int(c.duplicates)), ("unmatched", .int(c.unmatched))]
        }
        var grand = FileCounts(file: "")
        for s in input.sources {
            let t = s.total
            grand.read += t.read; grand.accepted += t.accepted; grand.rejected += t.rejected
            grand.duplicates += t.duplicates; grand.unmatched += t.unmatched
        }
        // only an incomplete run's manifest says so, so that complete runs keep their bytes
        let incomplete: [(String, PrettyJSON)] = input.failedRules.isEmpty ? [] : [
            ("complete", .raw("false")),
            ("failed_rules", .array(input.failedRules.map { f in
                .raw(JSONText.object([("rule", JSONText.string(f.rule)), ("households", "\(f.households)"),
                                      ("cause", JSONText.string(f.cause))]))
            })),
        ]
        let manifest = PrettyJSON.object([
            ("hecha_version", .string(version)),
        ] + incomplete + [
            ("region", .object([
                ("code", .string(r.code)), ("name", .string(r.name)), ("as_of", .string(r.asOf.description)),
                ("audit_window", .raw(JSONText.object([("from", JSONText.string(r.auditFrom.description)),
                                                       ("to", JSONText.string(r.auditTo.description))]))),
            ])),
            ("configuration_files", .array(input.configurationFiles.map { f in
                .raw(JSONText.object([("role", JSONText.string(f.role.rawValue)), ("path", JSONText.string(f.path)),
                                      ("sha256", JSONText.string(f.sha256))]))
            })),
            ("parameters", .object(input.parameters.map { ($0.name, .raw($0.json)) })),
            ("rules_run", .array(input.rules.filter { r in !input.notRun.contains { $0.rule == r.id } }.map { .string($0.id) })),
            ("rules_not_run", .array(input.notRun.map { n in
                .raw(JSONText.object([("rule", JSONText.string(n.rule)), ("reason", JSONText.string(n.reason))]))
            })),
            ("sources", .array(input.sources.map { s in
                .object([
                    ("id", .string(s.id)), ("title", .string(s.title)),
                    s.warehouse.map { ("warehouse", $0.json) } ?? ("files", .array(s.files.map { f in
                        .object([("path", .string(f.counts.file)), ("sha256", .string(f.sha256)), ("bytes", .int(f.size))]
                                + counts(f.counts))
                    })),
                    ("total", .object(counts(s.total))),
                    ("rejects_file", .string(RejectsCSV.path(forSource: s.id))),
                ])
            })),
            ("rows_total", .object(counts(grand))),
            ("findings", .int(input.findings.count)),
        ] + LedgerManifestSection.pairs(input) + [
            ("outputs", .array(outputs.map { o in
                .raw(JSONText.object([("path", JSONText.string(o.path)), ("sha256", JSONText.string(o.sha256))]))
            })),
            ("started_at", .string(times.started)),
            ("finished_at", .string(times.finished)),
        ])
        return manifest.text() + "\n"
    }
}
