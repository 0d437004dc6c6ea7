import HechaCore

/// Type-checking the calls of built-in functions: the checks every built-in's type rule uses
/// (its arguments, lambdas and their types). The rules themselves are in `Builtins/`.
extension Checker {
    // MARK: built-ins

    /// Checks a call of `function` by its family's type rule.
    mutating func compileBuiltin(_ function: BuiltinFunction, _ args: [Expr], _ offset: Int) throws(Diagnostic) -> (Term, ValueType) {
        try function.typeRule(BuiltinCall(function: function, args: args, offset: offset), &self)
    }

    /// The term of a checked call, with its checked arguments and lambda.
    func term(_ call: BuiltinCall, _ args: [Term], lambda: Lambda? = nil) -> Term {
        .call(call.function, args, lambda: lambda, at: location(call.offset))
    }

    /// The lambda `x -> …` given to `builtin`, its parameter an `element`, and the type of its body.
    mutating func lambdaArgument(_ e: Expr, element: ValueType, of builtin: BuiltinFunction) throws(Diagnostic) -> (Lambda, ValueType) {
        guard case .lambda(let params, let body, _) = e else {
            throw fail("the last argument of \(builtin.name) is a function, e.g. x -> x.status == \"正常\"", e.offset,
                       hint: builtin.signature)
        }
        let slot = newSlot()
        scopes.append([params[0]: (slot, element)])
        defer { scopes.removeLast() }
        let (n, t) = try compile(body)
        return (Lambda(slot: slot, body: n), t)
    }

    /// A list argument of `builtin`, and the type of its elements.
    mutating func listArgument(_ e: Expr, of builtin: BuiltinFunction) throws(Diagnostic) -> (Term, ValueType) {
        let (n, t) = try compile(e)
        guard case .list(let elem) = t else {
            throw fail("the first argument of \(builtin.name) must be a list, not \(Checker.describe(t))", e.offset, hint: builtin.signature)
        }
        return (n, elem)
    }

    /// Fails unless the call has one of `counts` arguments.
    mutating func expectArgs(_ call: BuiltinCall, _ counts: ClosedRange<Int>) throws(Diagnostic) {
        let b = call.function, args = call.args
        guard counts.contains(args.count) else {
            throw fail("\(b.name) takes \(counts.lowerBound == counts.upperBound ? "\(counts.lowerBound)" : "\(counts.lowerBound) or \(counts.upperBound)") argument(s), not \(args.count)", call.offset,
                       hint: b.signature)
        }
    }

    /// An argument of `b` that must have the type `expected`; `position` names it ("first").
    mutating func scalar(_ e: Expr, _ expected: ValueType, _ b: BuiltinFunction, _ position: String) throws(Diagnostic) -> Term {
        let (n, t) = try compile(e)
        guard t.fits(expected) else {
            throw fail("the \(position) argument of \(b.name) must be \(Checker.describe(expected)), not \(Checker.describe(t))", e.offset, hint: b.signature)
        }
        return n
    }

    /// Whether values of `t` can be ordered (by `min`, `max`, `<`, …).
    func isOrderable(_ t: ValueType) -> Bool {
        switch t { case .number, .date, .month, .string, .any: return true; default: return false }
    }
}
