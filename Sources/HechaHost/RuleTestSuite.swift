import Foundation
import HechaCore
import HechaRules

/// Runs YAML rule tests (files or folders of `.yaml` files) against the known connectors' schemas.
public struct RuleTestSuite: Sendable {
    /// The connectors whose fact schemas the cases' facts are checked against.
    public let registry: ConnectorRegistry
    /// A suite over the connectors of `registry`.
    public init(registry: ConnectorRegistry) { self.registry = registry }

    /// The `.yaml` files under `paths` (files as given, folders recursively), sorted; files named
    /// `base.yaml` hold shared parameters and are not test files.
    public static func files(_ paths: [String]) throws(HostError) -> [String] {
        var out: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                throw HostError(.configuration, .error("no such file or folder", at: SourceLocation(file: p, line: 0)))
            }
            if isDir.boolValue {
                let items = FileManager.default.enumerator(atPath: p)?.compactMap { $0 as? String } ?? []
                out += items.filter { $0.hasSuffix(".yaml") && !$0.hasSuffix("base.yaml") }.map { (p as NSString).appendingPathComponent($0) }
            } else {
                out.append(p)
            }
        }
        return out.sorted()
    }

    /// Runs every case of every file.
    public func run(files: [String], rulesetsDirectory: String?) -> [RuleTestResult] {
        var results: [RuleTestResult] = []
        for f in files {
            let dir = RulesetLocation.find(explicit: rulesetsDirectory, regionFile: f)
            let runner = RuleTestRunner(rulesetsDirectory: dir, catalog: registry.factCatalog, externalSpecs: ExternalSpecReader.provider)
            results += runner.run(file: f)
        }
        return results
    }

    /// The ids of the rules a region runs (its ruleset chain's rules, less those it disables, plus
    /// its own), for `hecha test --coverage --region FILE`.
    public func rules(ofRegion regionFile: String, rulesetsDirectory: String?) throws(HostError) -> [String] {
        let dir = RulesetLocation.find(explicit: rulesetsDirectory, regionFile: regionFile)
        do {
            var loader = RegionLoader(rulesetsDirectory: dir, catalog: registry.factCatalog)
            loader.externalSpecs = ExternalSpecReader.provider
            return try loader.load(regionPath: regionFile).rules.map(\.id)
        } catch {
            throw HostError(.configuration, error)
        }
    }

    /// Rules of a region that no test case covers.
    public static func uncovered(rules: [String], results: [RuleTestResult]) -> [String] {
        let covered = Set(results.flatMap(\.rules))
        return rules.filter { !covered.contains($0) }
    }
}
