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
    case call(Builtin, [Term], lambda: Lambda?, at: SourceLocation)
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

/// The built-in functions of the rule language.
enum Builtin: String, Sendable, CaseIterable {
    case any, all, count, sum, min, max, filter, map, distinct
    case minBy = "min_by"
    case maxBy = "max_by"
    case first, last
    case months, month, year
    case firstDay = "first_day"
    case lastDay = "last_day"
    case addMonths = "add_months"
    case addDays = "add_days"
    case daysBetween = "days_between"
    case workdays, round, abs, coalesce
    case birthDate = "birth_date"
    case age, sex, contains
    case param

    /// One line of documentation per built-in, shown by `hecha functions` and in error hints.
    var signature: String {
        switch self {
        case .any: return "any(list, x -> condition): true when some element satisfies the condition"
        case .all: return "all(list, x -> condition): true when every element satisfies it (true for an empty list)"
        case .count: return "count(list) or count(list, x -> condition): the number of (matching) elements"
        case .sum: return "sum(list) or sum(list, x -> number): the exact sum (0 for an empty list)"
        case .min: return "min(a, b), min(list) or min(list, x -> value): the smallest value (unknown for an empty list)"
        case .max: return "max(a, b), max(list) or max(list, x -> value): the largest value (unknown for an empty list)"
        case .filter: return "filter(list, x -> condition): the elements that satisfy the condition"
        case .map: return "map(list, x -> value): the value for each element"
        case .distinct: return "distinct(list): the list without repeated values, first occurrences kept"
        case .minBy: return "min_by(list, x -> value): the element with the smallest value (the first one on ties)"
        case .maxBy: return "max_by(list, x -> value): the element with the largest value (the first one on ties)"
        case .first: return "first(list): the first element (unknown for an empty list)"
        case .last: return "last(list): the last element (unknown for an empty list)"
        case .months: return "months(from, to): the months from `from` to `to`, both included"
        case .month: return "month(date): the month of a date"
        case .year: return "year(date or month): the year, as a number"
        case .firstDay: return "first_day(month): the first day of a month"
        case .lastDay: return "last_day(month): the last day of a month"
        case .addMonths: return "add_months(date or month, n): n calendar months later (clamped to the month's last day)"
        case .addDays: return "add_days(date, n): n days later"
        case .daysBetween: return "days_between(a, b): calendar days from a to b"
        case .workdays: return "workdays(a, b): the number of workdays d with a < d ≤ b, by the region's calendar"
        case .round: return "round(x, places): rounded half-up to `places` decimals"
        case .abs: return "abs(x): the absolute value"
        case .birthDate: return "birth_date(id): the birth date in an 18-character id number (unknown when the id is not valid)"
        case .age: return "age(id, date): whole years of age on date, from the id number's birth date"
        case .sex: return "sex(id): \"男\" or \"女\", from the id number's 17th character (odd: 男)"
        case .contains: return "contains(text, part): true when part occurs in text"
        case .coalesce: return "coalesce(a, b): a when it is known, otherwise b"
        case .param: return "param(\"name\") or param(\"name\", date): a parameter's value in force on as_of (or on date)"
        }
    }
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
