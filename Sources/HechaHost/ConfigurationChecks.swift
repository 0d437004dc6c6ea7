import ConnectorKit
import HechaCore
import HechaRules

/// Checks of a loaded region that need more than the ruleset itself, made before any data is
/// read so that each is a configuration error (exit 2) with its place.
enum ConfigurationChecks {
    /// An `encoding:` that no reader knows.
    static func encodings(_ region: LoadedRegion) -> [Diagnostic] {
        region.sources.compactMap { s in
            guard let name = s.encoding, TextEncoding(name: name) == nil else { return nil }
            return .error("unknown encoding '\(name)' for source '\(s.id)'\(NameSuggestion.didYouMean(name, in: TextEncoding.acceptedNames))",
                          at: s.declaredAt, hint: "use one of: \(TextEncoding.acceptedNames.joined(separator: ", "))")
        }
    }

    /// A dated parameter that an enabled rule reads but that has no value on the first day of the
    /// audit window or on as_of (its first entry starts later): every month before that entry
    /// would fail to evaluate.
    static func datedParameters(_ region: LoadedRegion) -> [Diagnostic] {
        let windowStart = region.auditFrom.firstDay
        let earliest = min(windowStart, region.asOf)
        var problems: [Diagnostic] = []
        for name in Set(region.rules.flatMap(\.parameters)).sorted() {
            guard let setting = region.parameters.settings[name], setting.isDated,
                  let first = setting.entries.first, let from = first.from, from > earliest else { continue }
            let what = earliest == windowStart ? "the audit window starts on \(windowStart)" : "as_of is \(region.asOf)"
            problems.append(.error("parameter '\(name)' has no value before \(from), but \(what)", at: first.at,
                                   hint: "add an entry {from: \(earliest) or earlier, value: …} to '\(name)', or move the audit window"))
        }
        return problems
    }
}
