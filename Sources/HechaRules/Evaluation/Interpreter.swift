import HechaCore

/// Run-wide values every evaluation sees.
struct EvaluationContext: Sendable {
    var asOf: Day
    var auditFrom: Month
    var auditTo: Month
    var auditMonths: Value
    var calendar: WorkdayCalendar?
}

/// A term compiled for evaluation: nested closures, built once per rule and run for every subject.
typealias Code = @Sendable (inout Frame) throws(EvaluationError) -> Value

/// Evaluates resolved expressions with Kleene logic: `unknown` (an empty optional field) makes
/// comparisons unknown; `and`/`or` follow three-valued logic; a condition fires only when true.
///
/// A term is compiled once into closures (``compile(_:)``): evaluating it then does no matching
/// on the term tree and copies none of its parts, which is most of the cost of walking the tree
/// for each of a million households.
///
/// Evidence: records selected by `any`, `filter`, `count`, `sum`, `min_by`, … are noted; what was
/// noted while evaluating a sub-condition that turned out false is dropped again, so a finding
/// cites the records that made its condition true.
struct Interpreter: Sendable {
    let context: EvaluationContext
    /// The numbers of the grouped selections of the rules compiled by this interpreter.
    let groupSites = ListGroupSites()

    /// Code whose value is always unknown.
    static let unknown: Code = { _ in .unknown }

    /// Evaluates a term once (to explain one finding); the evaluator compiles each rule once.
    func eval(_ node: Term, _ f: inout Frame) throws(EvaluationError) -> Value {
        // compiling and evaluating recurse once per level of the term: on a large stack (see LargeStack)
        var frame = f
        defer { f = frame }
        return try LargeStack.run { () throws(EvaluationError) -> Value in try compile(node)(&frame) }
    }

    func compile(_ node: Term) -> Code {
        switch node {
        case .constant(let v):
            return { _ in v }
        case .slot(let i):
            return { (f: inout Frame) throws(EvaluationError) -> Value in f.slots[i] ?? .unknown }
        case .lazySlot(let i, let body, let name):
            let body = compile(body)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                if let v = f.slots[i] { return v }
                guard f.trace != nil else {
                    let v = try body(&f)
                    f.slots[i] = v
                    return v
                }
                let depth = f.trace?.depth ?? 0
                f.trace?.depth += 1
                let v = try body(&f)
                f.trace?.depth = depth
                f.slots[i] = v
                f.trace?.events.append(TraceEvent(kind: .value, name: name, arguments: [], value: v, depth: depth))
                return v
            }
        case .shared(let name, let id, let arguments, let body):
            return compileShared(name, id, arguments, compile(body))
        case .function(let name, let arguments, let body):
            let body = compile(body)
            let slots = arguments.map(\.slot)
            if arguments.count == 1 {
                // compiled on its own: a closure taken out of an array is called through a thunk
                let slot = slots[0], value = compile(arguments[0].value)
                return { (f: inout Frame) throws(EvaluationError) -> Value in try Interpreter.call(name, slot, try value(&f), body, &f) }
            }
            let values = arguments.map { compile($0.value) }
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                var bound: [Value] = []
                bound.reserveCapacity(values.count)
                for v in values { bound.append(try v(&f)) }
                return try Interpreter.call(name, slots, bound, body, &f)
            }
        case .global(let g):
            switch g {
            case .household: return { (f: inout Frame) throws(EvaluationError) -> Value in f.household }
            case .member: return { (f: inout Frame) throws(EvaluationError) -> Value in f.member }
            case .application: return { (f: inout Frame) throws(EvaluationError) -> Value in f.application }
            case .asOf:
                let v = Value.date(context.asOf)
                return { _ in v }
            case .auditFrom:
                let v = Value.month(context.auditFrom)
                return { _ in v }
            case .auditTo:
                let v = Value.month(context.auditTo)
                return { _ in v }
            case .auditMonths:
                let v = context.auditMonths
                return { _ in v }
            }
        case .field(let base, let i):
            if case .slot(let s) = base {
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    guard case .record(let r)? = f.slots[s] else { return .unknown }
                    return r.fields[i]
                }
            }
            let base = compile(base)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .record(let r) = try base(&f) else { return .unknown }
                return r.fields[i]
            }
        case .fieldOfEach(let base, let i, let flatten):
            let base = compile(base)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .list(let items) = try base(&f) else { return .unknown }
                var out: [Value] = []
                out.reserveCapacity(items.count)
                for item in items {
                    guard case .record(let r) = item else { continue }
                    let v = r.fields[i]
                    if flatten, case .list(let inner) = v { out.append(contentsOf: inner) } else if !flatten { out.append(v) }
                }
                return .list(out)
            }
        case .param(let name, let setting, let date, let at):
            let dated = date != nil
            let date: Code = date.map { compile($0) } ?? Interpreter.unknown
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                let day = dated ? try parameterDate(name, try date(&f), at) : context.asOf
                if case .value(let v) = try parameter(name, setting, day, at, &f) { return v }
                return .unknown
            }
        case .fixedParameter(let name, let value, let definedAt):
            let asOf = context.asOf
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                if f.trace != nil {
                    let depth = f.trace?.depth ?? 0
                    f.trace?.events.append(TraceEvent(kind: .parameter, name: name, arguments: [.date(asOf)], value: value,
                                                      depth: depth, inForceFrom: nil, definedAt: definedAt))
                }
                return value
            }
        case .paramEntry(let name, let setting, let key, let date, let at):
            let key = compile(key)
            let dated = date != nil
            let date: Code = date.map { compile($0) } ?? Interpreter.unknown
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                let day = dated ? try parameterDate(name, try date(&f), at) : context.asOf
                let data = try parameter(name, setting, day, at, &f)
                guard case .string(let k) = try key(&f) else { return .unknown }
                guard case .map(let m) = data else { return .unknown }
                guard let v = m[k] else {
                    throw EvaluationError(message: "parameter '\(name)' has no entry for '\(k)' (it has: \(m.keys.sorted().joined(separator: ", ")))", location: at)
                }
                return v
            }
        case .listIndex(let base, let index):
            let base = compile(base), index = compile(index)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .list(let items) = try base(&f), case .number(let n) = try index(&f),
                    let i = n.intValue, i >= 0, i < items.count
                else { return .unknown }
                return items[i]
            }
        case .list(let nodes):
            let nodes = nodes.map(compile)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                var out: [Value] = []
                out.reserveCapacity(nodes.count)
                for n in nodes { out.append(try n(&f)) }
                return .list(out)
            }
        case .not(let n):
            let n = compile(n)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                if case .bool(let b) = try n(&f) { return .bool(!b) }
                return .unknown
            }
        case .and(let l, let r):
            let l = compile(l), r = compile(r)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                let mark = f.evidence.count
                let a = try l(&f)
                if case .bool(false) = a { f.dropEvidence(from: mark); return .bool(false) }
                let b = try r(&f)
                if case .bool(false) = b { f.dropEvidence(from: mark); return .bool(false) }
                if case .bool(true) = a, case .bool(true) = b { return .bool(true) }
                f.dropEvidence(from: mark)
                return .unknown
            }
        case .or(let l, let r):
            let l = compile(l), r = compile(r)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                let mark = f.evidence.count
                let a = try l(&f)
                if case .bool(true) = a { return .bool(true) }
                f.dropEvidence(from: mark)
                let b = try r(&f)
                if case .bool(true) = b { return .bool(true) }
                f.dropEvidence(from: mark)
                if case .bool(false) = a, case .bool(false) = b { return .bool(false) }
                return .unknown
            }
        case .compare(let op, let l, let r):
            let l = compile(l)
            if case .constant(let b) = r {
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    guard let c = Interpreter.compare(try l(&f), b) else { return .unknown }
                    return .bool(op.holds(c))
                }
            }
            let r = compile(r)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                let a = try l(&f), b = try r(&f)
                guard let c = Interpreter.compare(a, b) else { return .unknown }
                return .bool(op.holds(c))
            }
        case .arithmetic(let op, let l, let r, let at):
            let l = compile(l), r = compile(r)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .number(let a) = try l(&f), case .number(let b) = try r(&f) else { return .unknown }
                do throws(ExactError) {
                    return .number(try op.apply(a, b))
                } catch {
                    throw EvaluationError.arithmetic(error, "\(a) \(op.rawValue) \(b)", at: at)
                }
            }
        case .negate(let n):
            let n = compile(n)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                guard case .number(let a) = try n(&f) else { return .unknown }
                do throws(ExactError) { return .number(try a.negated()) } catch { throw EvaluationError.arithmetic(error, "-\(a)", at: nil) }
            }
        case .membership(let l, let r, let negated):
            let l = compile(l), r = compile(r)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                let a = try l(&f)
                guard !a.isUnknown, case .list(let items) = try r(&f) else { return .unknown }
                let found = items.contains { Interpreter.compare(a, $0) == 0 }
                return .bool(found != negated)
            }
        case .isUnknown(let n, let negated):
            let n = compile(n)
            return { (f: inout Frame) throws(EvaluationError) -> Value in .bool(try n(&f).isUnknown != negated) }
        case .conditional(let c, let a, let b):
            let c = compile(c), a = compile(a), b = compile(b)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                if case .bool(true) = try c(&f) { return try a(&f) }
                return try b(&f)
            }
        case .call(let builtin, let args, let lambda, let at):
            return compileCall(builtin, args, lambda.map(compile), at)
        }
    }

    /// Orders two known values of one type; `nil` when either is unknown or they cannot be compared.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.month(let x), .month(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.unknown, _), (_, .unknown): return nil
        default: return a == b ? 0 : nil
        }
    }
}
