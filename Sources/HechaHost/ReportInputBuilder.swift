import ConnectorKit
import Dispatch
import Foundation
import HechaCore
import HechaReports
import HechaRules
import Synchronization

/// Builds the writers' ``ReportInput`` from a run: hashes the configuration and input files and
/// gathers the rules, findings, counts and rejects.
enum ReportInputBuilder {
    static func build(region: LoadedRegion, sources: [SourceOutcome], entries: [SourceEntry], evaluation: EvaluationResult,
                      households: HouseholdDirectory, language: ReportLanguage,
                      digests ahead: InputDigests? = nil) throws(HostError) -> ReportInput {
        var configuration: [ConfigurationFile] = []
        for (i, path) in region.files.enumerated() {
            let role: ConfigurationFile.Role = region.calendar != nil && i == region.files.count - 1
                ? .calendar : (path == region.file ? .region : .ruleset)
            configuration.append(ConfigurationFile(role: role, path: path, sha256: try digest(path).sha256))
        }
        // every input file's path, then their digests, computed concurrently (inputs can be GBs)
        var paths: [(source: Int, counts: FileCounts, path: String, stamp: FileStamp?)] = []
        for (si, s) in sources.enumerated() {
            guard let entry = entries.first(where: { $0.id == s.id }), entry.warehouse == nil else { continue }
            let shown = entry.displayPath.hasSuffix("/") ? String(entry.displayPath.dropLast()) : entry.displayPath
            for counts in s.files {
                let name = shown.isEmpty ? counts.file : String(counts.file.dropFirst(shown.count + 1))
                let stamp = s.reports.lazy.compactMap { $0.stamp(of: counts.file) }.first
                paths.append((si, counts, entry.path.hasSuffix("/") ? entry.path + name : entry.path + "/" + name, stamp))
            }
        }
        let files = paths.map(\.path), stamps = paths.map(\.stamp)
        let digests = Mutex<[Int: Result<FileDigest, HostError>]>([:])
        let order = paths.indices.sorted { paths[$0].counts.read > paths[$1].counts.read }  // largest first
        DispatchQueue.concurrentPerform(iterations: order.count) { n in
            let i = order[n]
            let d = Result { () throws(HostError) in try digest(files[i], from: ahead, expected: stamps[i]) }
            digests.withLock { $0[i] = d }
        }
        let computed = digests.withLock { $0 }
        var inputs: [SourceInput] = []
        for (si, s) in sources.enumerated() {
            guard entries.contains(where: { $0.id == s.id }) else { continue }
            if let warehouse = s.warehouse {
                // a table has no bytes to hash: the manifest records the query and the server instead
                inputs.append(SourceInput(id: s.id, title: s.title, files: s.files.map { InputFile(counts: $0, sha256: "", size: 0) },
                                          rejects: s.rejects, warehouse: warehouse))
                continue
            }
            var files: [InputFile] = []
            for (i, p) in paths.enumerated() where p.source == si {
                let d = try computed[i]!.get()
                files.append(InputFile(counts: p.counts, sha256: d.sha256, size: d.size))
            }
            inputs.append(SourceInput(id: s.id, title: s.title, files: files, rejects: s.rejects))
        }
        var notRun = evaluation.skipped.map { RuleNotRun(rule: $0.rule, reason: $0.reason) }
        notRun += region.disabled.map { RuleNotRun(rule: $0.id, reason: "disabled at \($0.at)") }
        return ReportInput(
            region: RegionHeading(code: region.code, name: region.name, asOf: region.asOf, auditFrom: region.auditFrom, auditTo: region.auditTo),
            rules: region.rules.map(RuleSummary.init), findings: evaluation.findings, households: households,
            sources: inputs, notRun: notRun, configurationFiles: configuration,
            parameters: EffectiveParameter.all(region.parameters), language: language)
    }

    static func digest(_ path: String, from digests: InputDigests? = nil, expected: FileStamp? = nil) throws(HostError) -> FileDigest {
        do {
            return try digests?.digest(path, expected: expected) ?? FileDigest(path: path, expected: expected)
        } catch let changed as FileChangedError {
            throw HostError(.data, .error(changed.message, at: SourceLocation(file: changed.path, line: 0)))
        } catch {
            throw HostError(.data, .error("cannot read \(path) to record its SHA-256: \(error.localizedDescription)"))
        }
    }
}
