import HechaCore

/// One `--set name=value` of `hecha what-if`: a parameter of the ruleset chain given another
/// value for one evaluation, without editing any file. The value is written as in YAML
/// (`50000`, `[小型轿车, 摩托车]`, `{A: 1, B: 2}`) and checked against the parameter's type.
public struct ParameterOverride: Sendable, Equatable {
    /// The parameter's dotted name (`vehicle.min_price`).
    public var name: String
    /// The value as YAML text.
    public var valueText: String

    /// An override as given.
    public init(name: String, valueText: String) {
        self.name = name
        self.valueText = valueText
    }

    /// Reads `name=value`; nil when there is no `=` or no name.
    public init?(assignment: String) {
        guard let eq = assignment.firstIndex(of: "=") else { return nil }
        let name = String(assignment[..<eq]).trimmed
        guard !name.isEmpty else { return nil }
        self.init(name: name, valueText: String(assignment[assignment.index(after: eq)...]).trimmed)
    }

    /// Where messages place the override: the option itself.
    var location: SourceLocation { SourceLocation(file: "--set \(name)", line: 1, column: 1) }

    /// Replaces the parameter's value in `set`, or reports why it cannot.
    func apply(to set: inout ParameterSet, _ diags: inout DiagnosticCollector) {
        guard let declaration = set.declarations[name] else {
            diags.error("unknown parameter '\(name)'\(NameSuggestion.didYouMean(name, in: set.order))", at: location,
                        hint: "`hecha rules` lists the parameters each rule uses")
            return
        }
        do throws(DiagnosticList) {
            let file = try YAMLFile.parse(text: valueText, path: location.file)
            do throws(Diagnostic) {
                set.set(name, try ValueReader(file: file).setting(file.root, declaration.type, name: name))
            } catch { diags.add(error) }
        } catch {
            for d in error.diagnostics { diags.add(d) }
        }
    }
}

extension RegionLoader {
    /// Loads and checks `path` like ``load(regionPath:asOf:)``, with some parameters given other
    /// values (applied after the whole chain is merged, before the rules are checked).
    public func load(regionPath path: String, asOf override: Day? = nil,
                     overrides: [ParameterOverride]) throws(DiagnosticList) -> LoadedRegion {
        try load(regionPath: path, asOf: override, extraKeys: [], overlay: { set, diags in
            for o in overrides { o.apply(to: &set, &diags) }
        })
    }
}
