import HechaCore

/// A type-checked, resolved expression, ready to evaluate.
indirect enum Term: Sendable {
    case constant(Value)
    /// A lambda parameter or a bound function argument.
    case slot(Int)
    /// A `let` value or a parameterless function: evaluated at most once per subject.
    case lazySlot(Int, Term, name: String)
    /// A call of a function with parameters: evaluates the arguments into their slots, then the body.
    case function(name: String, arguments: [(slot: Int, value: Term)], body: Term)
    /// A call of a shared function that depends only on its arguments and the household: its value
    /// (and the evidence it noted) is remembered per household and reused by every rule.
    case shared(name: String, id: Int, arguments: [(slot: Int, value: Term)], body: Term)
    case global(Global)
    case field(Term, Int)
    /// `.field` applied to each record of a list; `flatten` when the field is itself a list.
    case fieldOfEach(Term, Int, flatten: Bool)
    /// A parameter read on as_of or on `date`; `setting` is nil when the region does not set it.
    case param(String, ParameterSetting?, date: Term?, at: SourceLocation)
    /// An undated parameter read on as_of: the same value for every household, looked up once.
    case fixedParameter(String, Value, definedAt: SourceLocation)
    case paramEntry(String, ParameterSetting?, key: Term, date: Term?, at: SourceLocation)
    case listIndex(Term, Term)
    case list([Term])
    case not(Term)
    case and(Term, Term)
    case or(Term, Term)
    case compare(Comparison, Term, Term)
    case arithmetic(Operation, Term, Term, at: SourceLocation)
    case negate(Term)
    case membership(Term, Term, negated: Bool)
    case isUnknown(Term, negated: Bool)
    case conditional(Term, Term, Term)
    /// A call of a built-in function (``BuiltinRegistry``).
    case call(BuiltinFunction, [Term], lambda: Lambda?, at: SourceLocation)
}

/// A comparison operator.
enum Comparison: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// Whether two values ordered `c` (−1, 0, 1) satisfy the comparison.
    @inline(__always)
    func holds(_ c: Int) -> Bool {
        switch self {
        case .equal: return c == 0
        case .notEqual: return c != 0
        case .less: return c < 0
        case .lessOrEqual: return c <= 0
        case .greater: return c > 0
        case .greaterOrEqual: return c >= 0
        }
    }

    /// The same comparison with its sides swapped (`a < b` is `b > a`).
    var swapped: Comparison {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }
}

/// An arithmetic operator.
enum Operation: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    /// `a op b`, exactly, or why there is no such number.
    func apply(_ a: Exact, _ b: Exact) throws(ExactError) -> Exact {
        switch self {
        case .add: return try a.adding(b)
        case .subtract: return try a.subtracting(b)
        case .multiply: return try a.multiplied(by: b)
        case .divide: return try a.dividing(by: b)
        }
    }
}

/// A one-parameter function passed to a built-in (`v -> v.price >= 1000`).
struct Lambda: Sendable {
    var slot: Int
    var body: Term
    /// The body's shape when it is one of the common simple ones, which the compiled code applies
    /// without evaluating the body term by term.
    var shape: Shape

    /// Simple lambda bodies: most lambdas of a ruleset read one field of the element
    /// (`p -> p.amount`) or compare one field with a value that does not depend on the element
    /// (`p -> p.month == m`, `a -> a.query_date <= as_of`).
    enum Shape: Sendable {
        case general
        /// `x -> x.field`
        case field(Int)
        /// `x -> x.field <op> other`, where `other` is a constant, a global, an undated parameter
        /// or another function's argument: evaluated once per call of the built-in.
        case compareField(Int, Comparison, Term)
    }

    init(slot: Int, body: Term) {
        self.slot = slot
        self.body = body
        shape = Lambda.shape(of: body, slot: slot)
    }

    private static func shape(of body: Term, slot: Int) -> Shape {
        func elementField(_ t: Term) -> Int? {
            if case .field(.slot(let s), let i) = t, s == slot { return i }
            return nil
        }
        /// Terms whose value is fixed while the built-in runs and cost nothing to evaluate.
        func steady(_ t: Term) -> Bool {
            switch t {
            case .constant, .global, .fixedParameter: return true
            case .slot(let s): return s != slot
            default: return false
            }
        }
        if let i = elementField(body) { return .field(i) }
        if case .compare(let op, let l, let r) = body {
            if let i = elementField(l), steady(r) { return .compareField(i, op, r) }
            if let i = elementField(r), steady(l) { return .compareField(i, op.swapped, l) }
        }
        return .general
    }
}

/// The names every expression can see.
enum Global: String, Sendable, CaseIterable {
    case household, member, application
    case asOf = "as_of"
    case auditFrom = "audit_from"
    case auditTo = "audit_to"
    case auditMonths = "audit_months"
}

extension Term {
    /// Whether the term reads a global (`member`, `application`, …) anywhere inside.
    func mentions(_ g: Global) -> Bool {
        switch self {
        case .constant, .slot, .fixedParameter: return false
        case .global(let x): return x == g
        case .lazySlot(_, let b, _): return b.mentions(g)
        case .function(_, let args, let body), .shared(_, _, let args, let body):
            return body.mentions(g) || args.contains { $0.value.mentions(g) }
        case .field(let b, _), .fieldOfEach(let b, _, _), .not(let b), .negate(let b), .isUnknown(let b, _):
            return b.mentions(g)
        case .param(_, _, let d, _): return d?.mentions(g) ?? false
        case .paramEntry(_, _, let k, let d, _): return k.mentions(g) || (d?.mentions(g) ?? false)
        case .listIndex(let a, let b), .and(let a, let b), .or(let a, let b), .compare(_, let a, let b),
            .arithmetic(_, let a, let b, _), .membership(let a, let b, _):
            return a.mentions(g) || b.mentions(g)
        case .list(let items): return items.contains { $0.mentions(g) }
        case .conditional(let a, let b, let c): return a.mentions(g) || b.mentions(g) || c.mentions(g)
        case .call(_, let args, let lambda, _): return args.contains { $0.mentions(g) } || (lambda?.body.mentions(g) ?? false)
        }
    }
}
