import HechaCore

/// Expanding `let:` values and shared functions where they are used, each checked once and
/// within the depth limit.
extension Checker {
    /// Inlines a `let` or ruleset function: parameterless ones are computed once per subject.
    mutating func expand(_ def: FunctionDefinition, args: [Expr], offset: Int) throws(Diagnostic) -> (Term, ValueType) {
        guard args.count == def.parameters.count else {
            throw fail("'\(def.name)' takes \(def.parameters.count) argument(s) (\(def.parameters.joined(separator: ", "))), not \(args.count)", offset)
        }
        if expanding.contains(def.name) {
            throw fail("'\(def.name)' refers to itself (\((expanding + [def.name]).joined(separator: " → ")))", offset,
                       hint: "functions and let values cannot be recursive")
        }
        let cacheKey = (def.shared ? "function " : "let ") + def.name
        if def.parameters.isEmpty, let cached = lazyCache[cacheKey] {
            if depth + cached.height > Checker.maximumDepth { throw tooDeep(offset) }
            return (cached.node, cached.type)
        }
        let memoKey = "\(subject) \(def.name)"
        if def.shared, def.parameters.isEmpty, checkedShared != nil, let failedAt = tooDeepShared[memoKey], depth >= failedAt {
            throw tooDeep(offset)
        }
        if def.shared, def.parameters.isEmpty, let known = checkedShared?[memoKey] {
            if depth + known.height > Checker.maximumDepth { throw tooDeep(offset) }
            deepest = max(deepest, depth + known.height)
            return (.constant(.unknown), known.type)
        }
        let outerDeepest = deepest
        deepest = depth
        // compile the arguments in the caller's scope
        var bound: [(slot: Int, node: Term, type: ValueType)] = []
        for a in args {
            if case .lambda = a { throw fail("'\(def.name)' does not take a function argument", a.offset) }
            let (n, t) = try compile(a)
            bound.append((newSlot(), n, t))
        }
        // the body sees only its parameters (lexical scope), not the caller's locals; a shared
        // function does not see the rule's `let`s either
        let savedScopes = scopes
        let savedSource = source
        let savedLets = lets
        scopes = [Dictionary(uniqueKeysWithValues: zip(def.parameters, bound.map { ($0.slot, $0.type) }))]
        source = def.source
        if def.shared { lets = [:] }
        expanding.append(def.name)
        defer {
            scopes = savedScopes
            source = savedSource
            lets = savedLets
            expanding.removeLast()
        }
        let body: Term, type: ValueType
        do throws(Diagnostic) {
            (body, type) = try compile(def.body)
        } catch {
            if def.shared, def.parameters.isEmpty, checkedShared != nil, Checker.isTooDeep(error) {
                tooDeepShared[memoKey] = min(tooDeepShared[memoKey] ?? depth, depth)
            }
            throw error
        }
        let height = deepest - depth
        deepest = max(outerDeepest, deepest)
        if def.shared, def.parameters.isEmpty, checkedShared != nil { checkedShared?[memoKey] = (type, height) }
        let arguments = bound.map { (slot: $0.slot, value: $0.node) }
        // a shared function that does not look at the member or application is computed once per
        // household and arguments, for every rule
        if def.shared && !body.mentions(.member) && !body.mentions(.application) {
            let node = Term.shared(name: def.name, id: sharedIDs[def.name] ?? 0, arguments: arguments, body: body)
            if def.parameters.isEmpty { lazyCache[cacheKey] = (node, type, height) }
            return (node, type)
        }
        if def.parameters.isEmpty {
            let slot = newSlot()
            let node = Term.lazySlot(slot, body, name: def.name)
            lazyCache[cacheKey] = (node, type, height)
            return (node, type)
        }
        return (.function(name: def.name, arguments: arguments, body: body), type)
    }
}
