import ConnectorKit
import Foundation
import HechaCore
import HechaReports
import HechaRules

/// Builds the writers' ``ReportInput`` from a run: hashes the configuration and input files and
/// gathers the rules, findings, counts and rejects.
enum ReportInputBuilder {
    static func build(region: LoadedRegion, sources: [SourceOutcome], entries: [SourceEntry], evaluation: EvaluationResult,
                      households: HouseholdDirectory, language: ReportLanguage) throws(HostError) -> ReportInput {
        var configuration: [ConfigurationFile] = []
        for (i, path) in region.files.enumerated() {
            let role: ConfigurationFile.Role = region.calendar != nil && i == region.files.count - 1
                ? .calendar : (path == region.file ? .region : .ruleset)
            configuration.append(ConfigurationFile(role: role, path: path, sha256: try digest(path).sha256))
        }
        var inputs: [SourceInput] = []
        for s in sources {
            guard let entry = entries.first(where: { $0.id == s.id }) else { continue }
            let shown = entry.displayPath.hasSuffix("/") ? String(entry.displayPath.dropLast()) : entry.displayPath
            var files: [InputFile] = []
            for counts in s.files {
                let name = shown.isEmpty ? counts.file : String(counts.file.dropFirst(shown.count + 1))
                let full = entry.path.hasSuffix("/") ? entry.path + name : entry.path + "/" + name
                let d = try digest(full)
                files.append(InputFile(counts: counts, sha256: d.sha256, size: d.size))
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

    static func digest(_ path: String) throws(HostError) -> FileDigest {
        do {
            return try FileDigest(path: path)
        } catch {
            throw HostError(.data, "cannot read \(path) to record its SHA-256: \(error.localizedDescription)")
        }
    }
}
