import HechaCore

/// The built-ins over dates and months: `months`, `month`, `year`, `first_day`, `last_day`,
/// `add_months`, `add_days`, `days_between` and `workdays` (by the region's calendar).
enum DateBuiltins {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(
            name: "months", signature: "months(from, to): the months from `from` to `to`, both included",
            typeRule: { (call, c) throws(Diagnostic) in
                try c.expectArgs(call, 2...2)
                let a = try c.scalar(call.args[0], .month, call.function, "first")
                let b = try c.scalar(call.args[1], .month, call.function, "second")
                return (c.term(call, [a, b]), .list(.month))
            },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0]), a1 = interpreter.compile(call.args[1])
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    guard case .month(let a) = try a0(&f), case .month(let c) = try a1(&f) else { return .unknown }
                    var out: [Value] = []
                    var m = a
                    while m <= c { out.append(.month(m)); m = m.adding(1) }
                    return .list(out)
                }
            }),
        BuiltinFunction(
            name: "month", signature: "month(date): the month of a date",
            typeRule: { (call, c) throws(Diagnostic) in
                try c.expectArgs(call, 1...1)
                return (c.term(call, [try c.scalar(call.args[0], .date, call.function, "first")]), .month)
            },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0])
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    guard case .date(let d) = try a0(&f) else { return .unknown }
                    return .month(d.month)
                }
            }),
        BuiltinFunction(
            name: "year", signature: "year(date or month): the year, as a number",
            typeRule: { (call, c) throws(Diagnostic) in
                try c.expectArgs(call, 1...1)
                let (n, t) = try c.compile(call.args[0])
                guard t == .date || t == .month || t == .any else { throw c.fail("year needs a date or a month, not \(Checker.describe(t))", call.args[0].offset) }
                return (c.term(call, [n]), .number)
            },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0])
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    switch try a0(&f) {
                    case .date(let d): return .number(Exact(d.year))
                    case .month(let m): return .number(Exact(m.year))
                    default: return .unknown
                    }
                }
            }),
        BuiltinFunction(
            name: "first_day", signature: "first_day(month): the first day of a month",
            typeRule: { (call, c) throws(Diagnostic) in try checkDayOfMonth(call, &c) },
            implementation: { call, interpreter in dayOfMonth(call, interpreter, first: true) }),
        BuiltinFunction(
            name: "last_day", signature: "last_day(month): the last day of a month",
            typeRule: { (call, c) throws(Diagnostic) in try checkDayOfMonth(call, &c) },
            implementation: { call, interpreter in dayOfMonth(call, interpreter, first: false) }),
        BuiltinFunction(
            name: "add_months", signature: "add_months(date or month, n): n calendar months later (clamped to the month's last day)",
            typeRule: { (call, c) throws(Diagnostic) in
                try c.expectArgs(call, 2...2)
                let (n, t) = try c.compile(call.args[0])
                guard t == .date || t == .month else { throw c.fail("add_months needs a date or a month, not \(Checker.describe(t))", call.args[0].offset) }
                let k = try c.scalar(call.args[1], .number, call.function, "second")
                return (c.term(call, [n, k]), t)
            },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0]), a1 = interpreter.compile(call.args[1])
                let at = call.at
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
            }),
        BuiltinFunction(
            name: "add_days", signature: "add_days(date, n): n days later",
            typeRule: { (call, c) throws(Diagnostic) in
                try c.expectArgs(call, 2...2)
                let d = try c.scalar(call.args[0], .date, call.function, "first")
                let k = try c.scalar(call.args[1], .number, call.function, "second")
                return (c.term(call, [d, k]), .date)
            },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0]), a1 = interpreter.compile(call.args[1])
                let at = call.at
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    guard case .date(let d) = try a0(&f), case .number(let n) = try a1(&f) else { return .unknown }
                    guard let k = n.intValue else { throw EvaluationError(message: "add_days needs a whole number of days, not \(n)", location: at) }
                    return .date(d.adding(days: k))
                }
            }),
        BuiltinFunction(
            name: "days_between", signature: "days_between(a, b): calendar days from a to b",
            typeRule: { (call, c) throws(Diagnostic) in try checkTwoDates(call, &c) },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0]), a1 = interpreter.compile(call.args[1])
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    guard case .date(let a) = try a0(&f), case .date(let c) = try a1(&f) else { return .unknown }
                    return .number(Exact(Int(c.ordinal - a.ordinal)))
                }
            }),
        BuiltinFunction(
            name: "workdays", signature: "workdays(a, b): the number of workdays d with a < d ≤ b, by the region's calendar",
            typeRule: { (call, c) throws(Diagnostic) in try checkTwoDates(call, &c) },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0]), a1 = interpreter.compile(call.args[1])
                let calendar = interpreter.context.calendar
                let at = call.at
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
            }),
    ]

    /// `first_day`, `last_day`: a month, giving a date.
    static func checkDayOfMonth(_ call: BuiltinCall, _ c: inout Checker) throws(Diagnostic) -> (Term, ValueType) {
        try c.expectArgs(call, 1...1)
        return (c.term(call, [try c.scalar(call.args[0], .month, call.function, "first")]), .date)
    }

    /// `days_between`, `workdays`: two dates, giving a number.
    static func checkTwoDates(_ call: BuiltinCall, _ c: inout Checker) throws(Diagnostic) -> (Term, ValueType) {
        try c.expectArgs(call, 2...2)
        let x = try c.scalar(call.args[0], .date, call.function, "first")
        let y = try c.scalar(call.args[1], .date, call.function, "second")
        return (c.term(call, [x, y]), .number)
    }

    static func dayOfMonth(_ call: CompiledCall, _ interpreter: Interpreter, first isFirst: Bool) -> Code {
        let a0 = interpreter.compile(call.args[0])
        return { (f: inout Frame) throws(EvaluationError) -> Value in
            guard case .month(let m) = try a0(&f) else { return .unknown }
            return .date(isFirst ? m.firstDay : m.lastDay)
        }
    }
}
