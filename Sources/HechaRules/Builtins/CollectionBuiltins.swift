import HechaCore

/// The built-ins over lists: quantifiers (`any`, `all`), `filter`, `count`, `sum`, `min`/`max`,
/// `min_by`/`max_by`, `map`, `distinct`, `first`/`last`.
///
/// Evidence: the records they select are noted (``Frame/note(_:)``); what a lambda noted for an
/// element that did not count is dropped again, so a finding cites the records that decided it.
enum CollectionBuiltins {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(
            name: "any", signature: "any(list, x -> condition): true when some element satisfies the condition",
            typeRule: { (call, checker) throws(Diagnostic) in try checkCondition(call, &checker, filtering: false) },
            implementation: { call, interpreter in quantifier(call, interpreter, decisive: true) }),
        BuiltinFunction(
            name: "all", signature: "all(list, x -> condition): true when every element satisfies it (true for an empty list)",
            typeRule: { (call, checker) throws(Diagnostic) in try checkCondition(call, &checker, filtering: false) },
            implementation: { call, interpreter in quantifier(call, interpreter, decisive: false) }),
        BuiltinFunction(
            name: "count", signature: "count(list) or count(list, x -> condition): the number of (matching) elements",
            typeRule: { (call, checker) throws(Diagnostic) in try checkCount(call, &checker) },
            implementation: { call, interpreter in selection(call, interpreter, filtering: false) }),
        BuiltinFunction(
            name: "sum", signature: "sum(list) or sum(list, x -> number): the exact sum (0 for an empty list)",
            typeRule: { (call, checker) throws(Diagnostic) in try checkSum(call, &checker) },
            implementation: { call, interpreter in sum(call, interpreter) }),
        BuiltinFunction(
            name: "min", signature: "min(a, b), min(list) or min(list, x -> value): the smallest value (unknown for an empty list)",
            typeRule: { (call, checker) throws(Diagnostic) in try checkExtreme(call, &checker) },
            implementation: { call, interpreter in extreme(call, interpreter, smallest: true) }),
        BuiltinFunction(
            name: "max", signature: "max(a, b), max(list) or max(list, x -> value): the largest value (unknown for an empty list)",
            typeRule: { (call, checker) throws(Diagnostic) in try checkExtreme(call, &checker) },
            implementation: { call, interpreter in extreme(call, interpreter, smallest: false) }),
        BuiltinFunction(
            name: "filter", signature: "filter(list, x -> condition): the elements that satisfy the condition",
            typeRule: { (call, checker) throws(Diagnostic) in try checkCondition(call, &checker, filtering: true) },
            implementation: { call, interpreter in selection(call, interpreter, filtering: true) }),
        BuiltinFunction(
            name: "map", signature: "map(list, x -> value): the value for each element",
            typeRule: { (call, checker) throws(Diagnostic) in try checkMap(call, &checker) },
            implementation: { call, interpreter in map(call, interpreter) }),
        BuiltinFunction(
            name: "distinct", signature: "distinct(list): the list without repeated values, first occurrences kept",
            typeRule: { (call, checker) throws(Diagnostic) in try checkList(call, &checker, giving: { .list($0) }) },
            implementation: { call, interpreter in distinct(call, interpreter) }),
        BuiltinFunction(
            name: "min_by", signature: "min_by(list, x -> value): the element with the smallest value (the first one on ties)",
            typeRule: { (call, checker) throws(Diagnostic) in try checkExtremeBy(call, &checker) },
            implementation: { call, interpreter in extremeBy(call, interpreter, smallest: true) }),
        BuiltinFunction(
            name: "max_by", signature: "max_by(list, x -> value): the element with the largest value (the first one on ties)",
            typeRule: { (call, checker) throws(Diagnostic) in try checkExtremeBy(call, &checker) },
            implementation: { call, interpreter in extremeBy(call, interpreter, smallest: false) }),
        BuiltinFunction(
            name: "first", signature: "first(list): the first element (unknown for an empty list)",
            typeRule: { (call, checker) throws(Diagnostic) in try checkList(call, &checker, giving: { $0 }) },
            implementation: { call, interpreter in end(call, interpreter, first: true) }),
        BuiltinFunction(
            name: "last", signature: "last(list): the last element (unknown for an empty list)",
            typeRule: { (call, checker) throws(Diagnostic) in try checkList(call, &checker, giving: { $0 }) },
            implementation: { call, interpreter in end(call, interpreter, first: false) }),
    ]

    // MARK: type rules

    /// `any`, `all`, `filter`: a list and a condition on its elements.
    static func checkCondition(_ call: BuiltinCall, _ c: inout Checker, filtering: Bool) throws(Diagnostic) -> (Term, ValueType) {
        let b = call.function, args = call.args
        try c.expectArgs(call, 2...2)
        let (list, elem) = try c.listArgument(args[0], of: b)
        let (lambda, t) = try c.lambdaArgument(args[1], element: elem, of: b)
        guard t.fits(.bool) else { throw c.fail("the function given to \(b.name) must give a condition, not \(Checker.describe(t))", args[1].offset) }
        return (c.term(call, [list], lambda: lambda), filtering ? .list(elem) : .bool)
    }

    static func checkCount(_ call: BuiltinCall, _ c: inout Checker) throws(Diagnostic) -> (Term, ValueType) {
        let b = call.function, args = call.args
        try c.expectArgs(call, 1...2)
        let (list, elem) = try c.listArgument(args[0], of: b)
        if args.count == 2 {
            let (lambda, t) = try c.lambdaArgument(args[1], element: elem, of: b)
            guard t.fits(.bool) else { throw c.fail("the function given to count must give a condition", args[1].offset) }
            return (c.term(call, [list], lambda: lambda), .number)
        }
        return (c.term(call, [list]), .number)
    }

    static func checkSum(_ call: BuiltinCall, _ c: inout Checker) throws(Diagnostic) -> (Term, ValueType) {
        let b = call.function, args = call.args
        try c.expectArgs(call, 1...2)
        let (list, elem) = try c.listArgument(args[0], of: b)
        if args.count == 2 {
            let (lambda, t) = try c.lambdaArgument(args[1], element: elem, of: b)
            guard t.fits(.number) else { throw c.fail("the function given to sum must give a number, not \(Checker.describe(t))", args[1].offset) }
            return (c.term(call, [list], lambda: lambda), .number)
        }
        guard elem.fits(.number) else { throw c.fail("sum needs a list of numbers, or a function giving a number", args[0].offset, hint: b.signature) }
        return (c.term(call, [list]), .number)
    }

    /// `min`, `max`: of two values, of a list, or of a lambda's values over a list.
    static func checkExtreme(_ call: BuiltinCall, _ c: inout Checker) throws(Diagnostic) -> (Term, ValueType) {
        let b = call.function, args = call.args
        try c.expectArgs(call, 1...2)
        if args.count == 2, case .lambda = args[1] {
            let (list, elem) = try c.listArgument(args[0], of: b)
            let (lambda, t) = try c.lambdaArgument(args[1], element: elem, of: b)
            guard c.isOrderable(t) else { throw c.fail("\(b.name) cannot order \(Checker.describe(t))", args[1].offset) }
            return (c.term(call, [list], lambda: lambda), t)
        }
        if args.count == 1 {
            let (list, elem) = try c.listArgument(args[0], of: b)
            guard c.isOrderable(elem) else { throw c.fail("\(b.name) cannot order \(Checker.describe(elem))", args[0].offset) }
            return (c.term(call, [list]), elem)
        }
        let (x, xt) = try c.compile(args[0])
        let (y, yt) = try c.compile(args[1])
        guard let t = c.unify(xt, yt), c.isOrderable(t) else {
            throw c.fail("\(b.name) of \(Checker.describe(xt)) and \(Checker.describe(yt)) is not defined", call.offset, hint: b.signature)
        }
        return (c.term(call, [x, y]), t)
    }

    static func checkMap(_ call: BuiltinCall, _ c: inout Checker) throws(Diagnostic) -> (Term, ValueType) {
        let b = call.function, args = call.args
        try c.expectArgs(call, 2...2)
        let (list, elem) = try c.listArgument(args[0], of: b)
        let (lambda, t) = try c.lambdaArgument(args[1], element: elem, of: b)
        return (c.term(call, [list], lambda: lambda), .list(t))
    }

    /// `distinct`, `first`, `last`: one list; `giving` is the call's type from the element type.
    static func checkList(_ call: BuiltinCall, _ c: inout Checker, giving: (ValueType) -> ValueType) throws(Diagnostic) -> (Term, ValueType) {
        try c.expectArgs(call, 1...1)
        let (list, elem) = try c.listArgument(call.args[0], of: call.function)
        return (c.term(call, [list]), giving(elem))
    }

    /// `min_by`, `max_by`: a list and an orderable value of each element.
    static func checkExtremeBy(_ call: BuiltinCall, _ c: inout Checker) throws(Diagnostic) -> (Term, ValueType) {
        let b = call.function, args = call.args
        try c.expectArgs(call, 2...2)
        let (list, elem) = try c.listArgument(args[0], of: b)
        let (lambda, t) = try c.lambdaArgument(args[1], element: elem, of: b)
        guard c.isOrderable(t) else { throw c.fail("\(b.name) cannot order by \(Checker.describe(t))", args[1].offset) }
        return (c.term(call, [list], lambda: lambda), elem)
    }
}

extension CollectionBuiltins {
    // MARK: implementations

    /// One quantifier: `any` is decided by the first element that holds, `all` by the first that
    /// does not; neither by an unknown one. `any` cites the element that decided it and drops what
    /// the others noted; `all` cites every element that held.
    static func quantifier(_ call: CompiledCall, _ interpreter: Interpreter, decisive: Bool) -> Code {
        let list = interpreter.firstList(call)
        guard let lambda = call.lambda else { return { (f: inout Frame) throws(EvaluationError) -> Value in _ = try list(&f); return .unknown } }
        let site = decisive ? interpreter.groupSite(call) : nil
        return { (f: inout Frame) throws(EvaluationError) -> Value in
            guard let items = try list(&f) else { return .unknown }
            let applier = try Interpreter.prepare(lambda, &f)
            if let (keys, key) = Interpreter.grouped(site, applier, items, &f) {
                // every element's field is of the value's kind: no unknown, the first match decides
                guard let n = keys.firstIndex(of: key) else { return .bool(false) }
                f.note(items[n])
                return .bool(true)
            }
            var sawUnknown = false
            for item in items {
                let mark = f.evidence.count
                switch try Interpreter.apply(applier, item, &f) {
                case .bool(decisive):
                    if decisive { f.note(item) }
                    return .bool(decisive)
                case .bool:
                    if decisive { f.dropEvidence(from: mark) } else { f.note(item) }
                default:
                    sawUnknown = true
                    if decisive { f.dropEvidence(from: mark) }
                }
            }
            return sawUnknown ? .unknown : .bool(!decisive)
        }
    }

    /// `filter` (the elements that hold) and `count` (how many hold, or all without a lambda).
    static func selection(_ call: CompiledCall, _ interpreter: Interpreter, filtering isFilter: Bool) -> Code {
        let list = interpreter.firstList(call)
        let lambda = call.lambda
        let site = interpreter.groupSite(call)
        return { (f: inout Frame) throws(EvaluationError) -> Value in
            guard let items = try list(&f) else { return .unknown }
            guard let lambda else {
                for item in items { f.note(item) }
                return .number(Exact(items.count))
            }
            let applier = try Interpreter.prepare(lambda, &f)
            var kept: [Value] = []
            var matched = 0
            if let (keys, key) = Interpreter.grouped(site, applier, items, &f) {
                for (n, k) in keys.enumerated() where k == key {
                    f.note(items[n])
                    if isFilter { kept.append(items[n]) } else { matched += 1 }
                }
                return isFilter ? .list(kept) : .number(Exact(matched))
            }
            for item in items {
                let mark = f.evidence.count
                if case .bool(true) = try Interpreter.apply(applier, item, &f) {
                    f.note(item)
                    if isFilter { kept.append(item) } else { matched += 1 }
                } else {
                    f.dropEvidence(from: mark)
                }
            }
            return isFilter ? .list(kept) : .number(Exact(matched))
        }
    }

    static func sum(_ call: CompiledCall, _ interpreter: Interpreter) -> Code {
        let list = interpreter.firstList(call)
        let lambda = call.lambda, at = call.at
        return { (f: inout Frame) throws(EvaluationError) -> Value in
            guard let items = try list(&f) else { return .unknown }
            let applier = try lambda.map { (l) throws(EvaluationError) -> Interpreter.Applier in try Interpreter.prepare(l, &f) }
            var total = Exact.zero
            for item in items {
                let v = try applier.map { (a) throws(EvaluationError) -> Value in try Interpreter.apply(a, item, &f) } ?? item
                guard case .number(let n) = v else { return .unknown }
                f.note(item)
                do throws(ExactError) {
                    total = try total.adding(n)
                } catch {
                    throw EvaluationError.arithmetic(error, "sum: \(total) + \(n)", at: at)
                }
            }
            return .number(total)
        }
    }

    /// `min` and `max`, of two values or over a list.
    static func extreme(_ call: CompiledCall, _ interpreter: Interpreter, smallest isMin: Bool) -> Code {
        let list = interpreter.firstList(call)
        let lambda = call.lambda
        if lambda == nil && call.args.count == 2 {
            let a0 = interpreter.compile(call.args[0]), a1 = interpreter.compile(call.args[1])
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                let x = try a0(&f), y = try a1(&f)
                guard let c = Interpreter.compare(x, y) else { return .unknown }
                return isMin == (c <= 0) ? x : y
            }
        }
        return { (f: inout Frame) throws(EvaluationError) -> Value in
            guard let items = try list(&f), !items.isEmpty else { return .unknown }
            let applier = try lambda.map { (l) throws(EvaluationError) -> Interpreter.Applier in try Interpreter.prepare(l, &f) }
            var best: Value?
            for item in items {
                let v = try applier.map { (a) throws(EvaluationError) -> Value in try Interpreter.apply(a, item, &f) } ?? item
                guard !v.isUnknown else { return .unknown }
                if let cur = best, let c = Interpreter.compare(v, cur) {
                    if (isMin && c < 0) || (!isMin && c > 0) { best = v }
                } else if best == nil {
                    best = v
                }
            }
            return best ?? .unknown
        }
    }

    /// `min_by` and `max_by`: the element (noted as evidence) with the smallest or largest key.
    static func extremeBy(_ call: CompiledCall, _ interpreter: Interpreter, smallest isMin: Bool) -> Code {
        let list = interpreter.firstList(call)
        guard let lambda = call.lambda else { return { (f: inout Frame) throws(EvaluationError) -> Value in _ = try list(&f); return .unknown } }
        return { (f: inout Frame) throws(EvaluationError) -> Value in
            guard let items = try list(&f) else { return .unknown }
            let applier = try Interpreter.prepare(lambda, &f)
            var best: (item: Value, key: Value)?
            for item in items {
                let k = try Interpreter.apply(applier, item, &f)
                guard !k.isUnknown else { continue }
                if let cur = best, let c = Interpreter.compare(k, cur.key) {
                    if (isMin && c < 0) || (!isMin && c > 0) { best = (item, k) }
                } else if best == nil {
                    best = (item, k)
                }
            }
            guard let best else { return .unknown }
            f.note(best.item)
            return best.item
        }
    }

    static func map(_ call: CompiledCall, _ interpreter: Interpreter) -> Code {
        let list = interpreter.firstList(call)
        guard let lambda = call.lambda else { return { (f: inout Frame) throws(EvaluationError) -> Value in _ = try list(&f); return .unknown } }
        return { (f: inout Frame) throws(EvaluationError) -> Value in
            guard let items = try list(&f) else { return .unknown }
            let applier = try Interpreter.prepare(lambda, &f)
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try Interpreter.apply(applier, item, &f)) }
            return .list(out)
        }
    }

    static func distinct(_ call: CompiledCall, _ interpreter: Interpreter) -> Code {
        let list = interpreter.firstList(call)
        return { (f: inout Frame) throws(EvaluationError) -> Value in
            guard let items = try list(&f) else { return .unknown }
            var seen = Set<Value>()
            var out: [Value] = []
            for item in items where seen.insert(item).inserted { out.append(item) }
            return .list(out)
        }
    }

    /// `first` and `last`, noted as evidence.
    static func end(_ call: CompiledCall, _ interpreter: Interpreter, first isFirst: Bool) -> Code {
        let list = interpreter.firstList(call)
        return { (f: inout Frame) throws(EvaluationError) -> Value in
            guard let items = try list(&f), let item = (isFirst ? items.first : items.last) else { return .unknown }
            f.note(item)
            return item
        }
    }
}
