import HechaCore

/// The built-in functions compiled to closures: aggregates over lists, dates and months, numbers.
extension Interpreter {
    // MARK: built-ins

    /// Each argument is compiled on its own (a closure kept in an array is called through a thunk).
    func compileCall(_ b: Builtin, _ args: [Term], _ lambda: CompiledLambda?, _ at: SourceLocation) -> Code {
        let head: Code = args.isEmpty ? Interpreter.unknown : compile(args[0])
        /// The first argument, when it is a list.
        @Sendable func list(_ f: inout Frame) throws(EvaluationError) -> [Value]? {
            if case .list(let l) = try head(&f) { return l }
            return nil
        }
        switch b {
        case .any, .all:
            // One quantifier: `any` is decided by the first element that holds, `all` by the first
            // that does not; neither by an unknown one. `any` cites the element that decided it and
            // drops what the others noted; `all` cites every element that held.
            let decisive = b == .any
            guard let lambda else { return { (f: inout Frame) throws(EvaluationError) -> Value in _ = try list(&f); return .unknown } }
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard let items = try list(&f) else { return .unknown }
                let applier = try Interpreter.prepare(lambda, &f)
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
        case .filter, .count:
            let isFilter = b == .filter
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard let items = try list(&f) else { return .unknown }
                guard let lambda else {
                    for item in items { f.note(item) }
                    return .number(Exact(items.count))
                }
                let applier = try Interpreter.prepare(lambda, &f)
                var kept: [Value] = []
                var matched = 0
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
        case .sum:
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard let items = try list(&f) else { return .unknown }
                let applier = try lambda.map { (l) throws(EvaluationError) -> Applier in try Interpreter.prepare(l, &f) }
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
        case .min, .max:
            let isMin = b == .min
            if lambda == nil && args.count == 2 {
                let a0 = compile(args[0]), a1 = compile(args[1])
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    let x = try a0(&f), y = try a1(&f)
                    guard let c = Interpreter.compare(x, y) else { return .unknown }
                    return isMin == (c <= 0) ? x : y
                }
            }
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard let items = try list(&f), !items.isEmpty else { return .unknown }
                let applier = try lambda.map { (l) throws(EvaluationError) -> Applier in try Interpreter.prepare(l, &f) }
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
        case .minBy, .maxBy:
            let isMin = b == .minBy
            guard let lambda else { return { (f: inout Frame) throws(EvaluationError) -> Value in _ = try list(&f); return .unknown } }
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
        case .map:
            guard let lambda else { return { (f: inout Frame) throws(EvaluationError) -> Value in _ = try list(&f); return .unknown } }
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard let items = try list(&f) else { return .unknown }
                let applier = try Interpreter.prepare(lambda, &f)
                var out: [Value] = []
                out.reserveCapacity(items.count)
                for item in items { out.append(try Interpreter.apply(applier, item, &f)) }
                return .list(out)
            }
        case .distinct:
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard let items = try list(&f) else { return .unknown }
                var seen = Set<Value>()
                var out: [Value] = []
                for item in items where seen.insert(item).inserted { out.append(item) }
                return .list(out)
            }
        case .first, .last:
            let isFirst = b == .first
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard let items = try list(&f), let item = (isFirst ? items.first : items.last) else { return .unknown }
                f.note(item)
                return item
            }
        case .months:
            let a0 = compile(args[0]), a1 = compile(args[1])
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .month(let a) = try a0(&f), case .month(let c) = try a1(&f) else { return .unknown }
                var out: [Value] = []
                var m = a
                while m <= c { out.append(.month(m)); m = m.adding(1) }
                return .list(out)
            }
        case .month:
            let a0 = compile(args[0])
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .date(let d) = try a0(&f) else { return .unknown }
                return .month(d.month)
            }
        case .year:
            let a0 = compile(args[0])
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                switch try a0(&f) {
                case .date(let d): return .number(Exact(d.year))
                case .month(let m): return .number(Exact(m.year))
                default: return .unknown
                }
            }
        case .firstDay, .lastDay:
            let isFirst = b == .firstDay
            let a0 = compile(args[0])
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .month(let m) = try a0(&f) else { return .unknown }
                return .date(isFirst ? m.firstDay : m.lastDay)
            }
        case .addMonths:
            let a0 = compile(args[0]), a1 = compile(args[1])
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                let v = try a0(&f)
                guard case .number(let n) = try a1(&f) else { return .unknown }
                guard let k = n.intValue else { throw EvaluationError(message: "add_months needs a whole number of months, not \(n)", location: at) }
                switch v {
                case .date(let d): return .date(d.adding(months: k))
                case .month(let m): return .month(m.adding(k))
                default: return .unknown
                }
            }
        case .addDays:
            let a0 = compile(args[0]), a1 = compile(args[1])
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .date(let d) = try a0(&f), case .number(let n) = try a1(&f) else { return .unknown }
                guard let k = n.intValue else { throw EvaluationError(message: "add_days needs a whole number of days, not \(n)", location: at) }
                return .date(d.adding(days: k))
            }
        case .daysBetween:
            let a0 = compile(args[0]), a1 = compile(args[1])
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .date(let a) = try a0(&f), case .date(let c) = try a1(&f) else { return .unknown }
                return .number(Exact(Int(c.ordinal - a.ordinal)))
            }
        case .workdays:
            let a0 = compile(args[0]), a1 = compile(args[1])
            let calendar = context.calendar
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .date(let a) = try a0(&f), case .date(let c) = try a1(&f) else { return .unknown }
                guard let calendar else {
                    throw EvaluationError(message: "workdays needs a calendar; name one with `calendar:` in the region file", location: at)
                }
                do throws(CalendarError) {
                    return .number(Exact(try calendar.workdays(from: a, to: c)))
                } catch {
                    throw EvaluationError(message: error.description, location: at)
                }
            }
        case .round:
            let a0 = compile(args[0]), a1 = compile(args[1])
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .number(let x) = try a0(&f), case .number(let p) = try a1(&f) else { return .unknown }
                guard let places = p.intValue, (0...10).contains(places) else {
                    throw EvaluationError(message: "round needs 0…10 decimal places, not \(p)", location: at)
                }
                do throws(ExactError) { return .number(try x.checkedRounded(places: places)) } catch {
                    throw EvaluationError.arithmetic(error, "round(\(x), \(places))", at: at)
                }
            }
        case .abs:
            let a0 = compile(args[0])
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .number(let x) = try a0(&f) else { return .unknown }
                do throws(ExactError) { return .number(x.isNegative ? try x.negated() : x) } catch {
                    throw EvaluationError.arithmetic(error, "abs(\(x))", at: at)
                }
            }
        case .coalesce:
            let a0 = compile(args[0]), a1 = compile(args[1])
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                let x = try a0(&f)
                return x.isUnknown ? try a1(&f) : x
            }
        case .birthDate, .sex, .age, .contains:
            return IDNumberFacts.compile(b, args.map(compile))
        case .param:
            return { _ in .unknown }
        }
    }
}
