import HechaCore

extension Checker {
    /// Warns when a field with a closed list of values (``FieldSchema/choices``) is compared with
    /// a text that is not on the list — `household.program == "特困"` where the list is
    /// 城市低保 | 农村低保 | 特困供养 — since such a comparison can never hold and the rule would
    /// silently never fire (or always fire, for `!=`).
    mutating func warnOutsideClosedList(_ l: Expr, _ r: Expr, op: String) throws(Diagnostic) {
        for (field, other) in [(l, r), (r, l)] {
            guard case .field(let base, let name, _) = field, let choices = try closedList(of: base, field: name) else { continue }
            var texts: [(String, Int)] = []
            if case .literal(.string(let s), let at) = other { texts.append((s, at)) }
            if case .list(let items, _) = other {
                for case .literal(.string(let s), let at) in items { texts.append((s, at)) }
            }
            for (text, at) in texts where !choices.contains(text) {
                let near = NameSuggestion.didYouMean(text, in: choices)
                warnings.append(Diagnostic(.warning, "'\(text)' is never a value of \(name) (\(choices.joined(separator: " | "))), so '\(op)' here is always \(op == "==" || op == "in" ? "false" : "true")\(near)",
                                           at: source.location(at: at), hint: "write one of the values the export uses: \(choices.joined(separator: ", "))"))
            }
        }
    }

    /// The closed list of values of `base.field`, when `base` is a record (or a list of records,
    /// as in a lambda over a collection) whose schema declares one.
    private mutating func closedList(of base: Expr, field: String) throws(Diagnostic) -> [String]? {
        var (_, type) = try compile(base)
        while case .list(let inner) = type { type = inner }
        guard case .record(let name) = type else { return nil }
        return catalog.schemas[name]?.field(field)?.choices
    }
}
