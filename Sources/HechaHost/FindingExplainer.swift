import Foundation
import HechaCore
import HechaReports
import HechaRules

/// What `hecha explain` is asked.
public struct ExplainRequest: Sendable {
    /// The finding's id (`id` in findings.jsonl), or a unique prefix of at least 6 characters.
    public var findingID: String
    /// The output folder of the run that produced it.
    public var outputDirectory: String
    /// The region file; by default the one the run's manifest names.
    public var regionFile: String?
    /// The `rulesets/` folder; by default found from the region file (``RulesetLocation``).
    public var rulesetsDirectory: String?

    /// A request for one finding of the run in `outputDirectory`.
    public init(findingID: String, outputDirectory: String, regionFile: String? = nil, rulesetsDirectory: String? = nil) {
        self.findingID = findingID
        self.outputDirectory = outputDirectory
        self.regionFile = regionFile
        self.rulesetsDirectory = rulesetsDirectory
    }
}

/// A finding explained: the rule, the re-evaluation with its steps, and where it happened.
public struct FindingExplanation: Sendable {
    /// The finding's full id.
    public var findingID: String
    /// The rule's re-evaluation on the subject, step by step.
    public var explanation: Explanation
    /// The region as loaded now (its rules and parameters).
    public var region: LoadedRegion
    /// Town, village and names of the household, when the roster still has it.
    public var household: HouseholdInfo?
    /// Set when the configuration changed since the run (its SHA-256 differs from the manifest's).
    public var warnings: [String]
}

extension RegionRun {
    /// Finds a finding of an earlier run and re-evaluates its rule for its household with tracing.
    public func explain(_ request: ExplainRequest) throws(HostError) -> FindingExplanation {
        let folder = URL(fileURLWithPath: request.outputDirectory)
        let findingsPath = folder.appendingPathComponent("findings.jsonl").path
        guard let text = try? String(contentsOfFile: findingsPath, encoding: .utf8) else {
            throw HostError(.configuration, .error("cannot read the findings of a run", at: SourceLocation(file: findingsPath, line: 0),
                                                  hint: "pass the --out folder of the run that produced the finding"))
        }
        var matches: [[String: Any]] = []
        let wanted = request.findingID.lowercased()
        guard wanted.count >= 6 else { throw HostError(.configuration, .error("a finding id has 16 characters; give at least the first 6")) }
        for line in text.split(separator: "\n") {
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let id = o["id"] as? String else { continue }
            if id == wanted { matches = [o]; break }
            if id.hasPrefix(wanted) { matches.append(o) }
        }
        guard matches.count == 1, let found = matches.first, let rule = found["rule"] as? String, let household = found["household"] as? String else {
            let problem = matches.isEmpty ? "no finding with id '\(request.findingID)'"
                                          : "'\(request.findingID)' matches \(matches.count) findings; give more characters"
            throw HostError(.configuration, .error(problem, at: SourceLocation(file: findingsPath, line: 0)))
        }
        // the run's configuration, from its manifest
        var regionFile = request.regionFile
        var asOf: Day?
        var recorded: [String: String] = [:]
        let manifestPath = folder.appendingPathComponent("manifest.json").path
        if let data = FileManager.default.contents(atPath: manifestPath),
            let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            if let r = manifest["region"] as? [String: Any], let d = r["as_of"] as? String { asOf = Day(iso: d) }
            for f in manifest["configuration_files"] as? [[String: Any]] ?? [] {
                if let path = f["path"] as? String, let sha = f["sha256"] as? String { recorded[path] = sha }
                if regionFile == nil, f["role"] as? String == "region" { regionFile = f["path"] as? String }
            }
        }
        guard let regionFile else {
            throw HostError(.configuration, .error("the run's manifest does not name its region file", at: SourceLocation(file: manifestPath, line: 0),
                                                  hint: "pass --region FILE"))
        }
        let region = try validate(regionFile: regionFile, asOf: asOf, rulesetsDirectory: request.rulesetsDirectory)
        var warnings: [String] = []
        for (path, sha) in recorded.sorted(by: { $0.key < $1.key }) {
            if let bytes = FileManager.default.contents(atPath: path), SHA256.hex(Array(bytes)) != sha {
                warnings.append("\(path) changed since the run; the explanation uses the file as it is now")
            }
        }
        let data = try read(region)
        guard let explanation = Evaluator(region: region).explain(
            ruleID: rule, household: household, person: found["person"] as? String, application: found["application"] as? String,
            roster: data.roster, facts: data.facts)
        else {
            throw HostError(.data, .error("rule \(rule) or household \(household) is no longer in the region's rules or roster"))
        }
        return FindingExplanation(findingID: found["id"] as? String ?? request.findingID, explanation: explanation, region: region,
                                  household: HouseholdDirectory(roster: data.roster, only: [household])[household], warnings: warnings)
    }
}
