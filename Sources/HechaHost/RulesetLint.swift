import Foundation
import HechaCore
import HechaRules

/// Checks every YAML file under a rulesets folder by what it is: region files (`regions/`),
/// calendars (`calendars/`), rule tests (any `tests/` folder, a region's own too, whose cases are loaded but not run) and
/// rulesets (the rest). Used by `hecha lint` and the `lint-rulesets` package plugin.
public struct RulesetLint: Sendable {
    /// The connectors whose schemas the rules are checked against.
    public let registry: ConnectorRegistry
    /// A linter against `registry`'s schemas.
    public init(registry: ConnectorRegistry) { self.registry = registry }

    /// One file's verdict.
    public struct FileResult: Sendable {
        /// The file, as under the folder given.
        public var file: String
        /// `ruleset`, `region`, `calendar` or `rule tests`.
        public var kind: String
        /// Each problem with its place and hint (none when the file is clean).
        public var problems: [Diagnostic]
    }

    /// Checks every `.yaml`/`.yml` file under `folder` (hidden folders left out), in path order.
    public func lint(folder: String) -> [FileResult] {
        let items = (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
        return items.map { lint(file: (folder as NSString).appendingPathComponent($0), relative: $0, rulesets: folder) }
    }

    func lint(file: String, relative: String, rulesets: String) -> FileResult {
        let parts = relative.split(separator: "/")
        // rule tests live in tests/ folders: rulesets/tests, and a region's own (regions/x/tests)
        let isTest = parts.dropLast().contains("tests") && !relative.hasSuffix("base.yaml")
        let top = isTest ? "tests" : parts.count > 1 ? String(parts[0]) : ""
        let loader = RegionLoader(rulesetsDirectory: rulesets, catalog: registry.factCatalog)
        do {
            switch top {
            case "calendars":
                let name = String((parts.last ?? "").split(separator: ".").first ?? "")
                _ = try CalendarFile.load(path: file, displayPath: file, name: name)
                return FileResult(file: file, kind: "calendar", problems: [])
            case "regions":
                do {
                    _ = try RegionRun(registry: registry).validate(regionFile: file, rulesetsDirectory: rulesets)
                } catch {
                    return FileResult(file: file, kind: "region", problems: error.diagnostics)
                }
                return FileResult(file: file, kind: "region", problems: [])
            case "tests" where isTest:
                let problems = RuleTestRunner(rulesetsDirectory: rulesets, catalog: registry.factCatalog,
                                              externalSpecs: ExternalSpecReader.provider).check(file: file)
                return FileResult(file: file, kind: "rule tests", problems: problems)
            default:
                _ = try loader.checkRuleset(path: file)
                return FileResult(file: file, kind: "ruleset", problems: [])
            }
        } catch {
            return FileResult(file: file, kind: top.isEmpty ? "ruleset" : top, problems: error.diagnostics)
        }
    }
}
