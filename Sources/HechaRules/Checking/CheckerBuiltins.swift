import HechaCore

/// Type-checking the calls of built-in functions: their arguments, lambdas and result types.
extension Checker {
    // MARK: built-ins

    mutating func lambdaArgument(_ e: Expr, element: ValueType, of builtin: Builtin) throws(Diagnostic) -> (Lambda, ValueType) {
        guard case .lambda(let params, let body, _) = e else {
            throw fail("the last argument of \(builtin.rawValue) is a function, e.g. x -> x.status == \"正常\"", e.offset,
                       hint: builtin.signature)
        }
        let slot = newSlot()
        scopes.append([params[0]: (slot, element)])
        defer { scopes.removeLast() }
        let (n, t) = try compile(body)
        return (Lambda(slot: slot, body: n), t)
    }

    mutating func listArgument(_ e: Expr, of builtin: Builtin) throws(Diagnostic) -> (Term, ValueType) {
        let (n, t) = try compile(e)
        guard case .list(let elem) = t else {
            throw fail("the first argument of \(builtin.rawValue) must be a list, not \(Checker.describe(t))", e.offset, hint: builtin.signature)
        }
        return (n, elem)
    }

    mutating func expectArgs(_ b: Builtin, _ args: [Expr], _ counts: ClosedRange<Int>, _ offset: Int) throws(Diagnostic) {
        guard counts.contains(args.count) else {
            throw fail("\(b.rawValue) takes \(counts.lowerBound == counts.upperBound ? "\(counts.lowerBound)" : "\(counts.lowerBound) or \(counts.upperBound)") argument(s), not \(args.count)", offset,
                       hint: b.signature)
        }
    }

    mutating func scalar(_ e: Expr, _ expected: ValueType, _ b: Builtin, _ position: String) throws(Diagnostic) -> Term {
        let (n, t) = try compile(e)
        guard t.fits(expected) else {
            throw fail("the \(position) argument of \(b.rawValue) must be \(Checker.describe(expected)), not \(Checker.describe(t))", e.offset, hint: b.signature)
        }
        return n
    }

    func isOrderable(_ t: ValueType) -> Bool {
        switch t { case .number, .date, .month, .string, .any: return true; default: return false }
    }

    mutating func compileBuiltin(_ b: Builtin, _ args: [Expr], _ offset: Int) throws(Diagnostic) -> (Term, ValueType) {
        let at = location(offset)
        switch b {
        case .any, .all, .filter:
            try expectArgs(b, args, 2...2, offset)
            let (list, elem) = try listArgument(args[0], of: b)
            let (lambda, t) = try lambdaArgument(args[1], element: elem, of: b)
            guard t.fits(.bool) else { throw fail("the function given to \(b.rawValue) must give a condition, not \(Checker.describe(t))", args[1].offset) }
            return (.call(b, [list], lambda: lambda, at: at), b == .filter ? .list(elem) : .bool)
        case .count:
            try expectArgs(b, args, 1...2, offset)
            let (list, elem) = try listArgument(args[0], of: b)
            if args.count == 2 {
                let (lambda, t) = try lambdaArgument(args[1], element: elem, of: b)
                guard t.fits(.bool) else { throw fail("the function given to count must give a condition", args[1].offset) }
                return (.call(b, [list], lambda: lambda, at: at), .number)
            }
            return (.call(b, [list], lambda: nil, at: at), .number)
        case .sum:
            try expectArgs(b, args, 1...2, offset)
            let (list, elem) = try listArgument(args[0], of: b)
            if args.count == 2 {
                let (lambda, t) = try lambdaArgument(args[1], element: elem, of: b)
                guard t.fits(.number) else { throw fail("the function given to sum must give a number, not \(Checker.describe(t))", args[1].offset) }
                return (.call(b, [list], lambda: lambda, at: at), .number)
            }
            guard elem.fits(.number) else { throw fail("sum needs a list of numbers, or a function giving a number", args[0].offset, hint: b.signature) }
            return (.call(b, [list], lambda: nil, at: at), .number)
        case .min, .max:
            try expectArgs(b, args, 1...2, offset)
            if args.count == 2, case .lambda = args[1] {
                let (list, elem) = try listArgument(args[0], of: b)
                let (lambda, t) = try lambdaArgument(args[1], element: elem, of: b)
                guard isOrderable(t) else { throw fail("\(b.rawValue) cannot order \(Checker.describe(t))", args[1].offset) }
                return (.call(b, [list], lambda: lambda, at: at), t)
            }
            if args.count == 1 {
                let (list, elem) = try listArgument(args[0], of: b)
                guard isOrderable(elem) else { throw fail("\(b.rawValue) cannot order \(Checker.describe(elem))", args[0].offset) }
                return (.call(b, [list], lambda: nil, at: at), elem)
            }
            let (x, xt) = try compile(args[0])
            let (y, yt) = try compile(args[1])
            guard let t = unify(xt, yt), isOrderable(t) else {
                throw fail("\(b.rawValue) of \(Checker.describe(xt)) and \(Checker.describe(yt)) is not defined", offset, hint: b.signature)
            }
            return (.call(b, [x, y], lambda: nil, at: at), t)
        case .map:
            try expectArgs(b, args, 2...2, offset)
            let (list, elem) = try listArgument(args[0], of: b)
            let (lambda, t) = try lambdaArgument(args[1], element: elem, of: b)
            return (.call(b, [list], lambda: lambda, at: at), .list(t))
        case .distinct:
            try expectArgs(b, args, 1...1, offset)
            let (list, elem) = try listArgument(args[0], of: b)
            return (.call(b, [list], lambda: nil, at: at), .list(elem))
        case .minBy, .maxBy:
            try expectArgs(b, args, 2...2, offset)
            let (list, elem) = try listArgument(args[0], of: b)
            let (lambda, t) = try lambdaArgument(args[1], element: elem, of: b)
            guard isOrderable(t) else { throw fail("\(b.rawValue) cannot order by \(Checker.describe(t))", args[1].offset) }
            return (.call(b, [list], lambda: lambda, at: at), elem)
        case .first, .last:
            try expectArgs(b, args, 1...1, offset)
            let (list, elem) = try listArgument(args[0], of: b)
            return (.call(b, [list], lambda: nil, at: at), elem)
        case .months:
            try expectArgs(b, args, 2...2, offset)
            let a = try scalar(args[0], .month, b, "first")
            let c = try scalar(args[1], .month, b, "second")
            return (.call(b, [a, c], lambda: nil, at: at), .list(.month))
        case .month:
            try expectArgs(b, args, 1...1, offset)
            return (.call(b, [try scalar(args[0], .date, b, "first")], lambda: nil, at: at), .month)
        case .year:
            try expectArgs(b, args, 1...1, offset)
            let (n, t) = try compile(args[0])
            guard t == .date || t == .month || t == .any else { throw fail("year needs a date or a month, not \(Checker.describe(t))", args[0].offset) }
            return (.call(b, [n], lambda: nil, at: at), .number)
        case .firstDay, .lastDay:
            try expectArgs(b, args, 1...1, offset)
            return (.call(b, [try scalar(args[0], .month, b, "first")], lambda: nil, at: at), .date)
        case .addMonths:
            try expectArgs(b, args, 2...2, offset)
            let (n, t) = try compile(args[0])
            guard t == .date || t == .month else { throw fail("add_months needs a date or a month, not \(Checker.describe(t))", args[0].offset) }
            let k = try scalar(args[1], .number, b, "second")
            return (.call(b, [n, k], lambda: nil, at: at), t)
        case .addDays:
            try expectArgs(b, args, 2...2, offset)
            let d = try scalar(args[0], .date, b, "first")
            let k = try scalar(args[1], .number, b, "second")
            return (.call(b, [d, k], lambda: nil, at: at), .date)
        case .daysBetween, .workdays:
            try expectArgs(b, args, 2...2, offset)
            let x = try scalar(args[0], .date, b, "first")
            let y = try scalar(args[1], .date, b, "second")
            return (.call(b, [x, y], lambda: nil, at: at), .number)
        case .round:
            try expectArgs(b, args, 2...2, offset)
            let x = try scalar(args[0], .number, b, "first")
            let p = try scalar(args[1], .number, b, "second")
            return (.call(b, [x, p], lambda: nil, at: at), .number)
        case .abs:
            try expectArgs(b, args, 1...1, offset)
            return (.call(b, [try scalar(args[0], .number, b, "first")], lambda: nil, at: at), .number)
        case .coalesce:
            try expectArgs(b, args, 2...2, offset)
            let (x, xt) = try compile(args[0])
            let (y, yt) = try compile(args[1])
            guard let t = unify(xt, yt) else { throw fail("coalesce needs two values of one type, not \(Checker.describe(xt)) and \(Checker.describe(yt))", offset) }
            return (.call(b, [x, y], lambda: nil, at: at), t)
        case .birthDate, .sex:
            try expectArgs(b, args, 1...1, offset)
            return (.call(b, [try scalar(args[0], .string, b, "first")], lambda: nil, at: at), b == .sex ? .string : .date)
        case .age:
            try expectArgs(b, args, 2...2, offset)
            let id = try scalar(args[0], .string, b, "first")
            let d = try scalar(args[1], .date, b, "second")
            return (.call(b, [id, d], lambda: nil, at: at), .number)
        case .contains:
            try expectArgs(b, args, 2...2, offset)
            let text = try scalar(args[0], .string, b, "first")
            let part = try scalar(args[1], .string, b, "second")
            return (.call(b, [text, part], lambda: nil, at: at), .bool)
        case .param:
            throw fail("param is handled separately", offset)
        }
    }
}
