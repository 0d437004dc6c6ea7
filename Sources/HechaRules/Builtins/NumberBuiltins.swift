import HechaCore

/// The built-ins over numbers: `round` (half-up, exact) and `abs`.
enum NumberBuiltins {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(
            name: "round", signature: "round(x, places): rounded half-up to `places` decimals",
            typeRule: { (call, c) throws(Diagnostic) in
                try c.expectArgs(call, 2...2)
                let x = try c.scalar(call.args[0], .number, call.function, "first")
                let p = try c.scalar(call.args[1], .number, call.function, "second")
                return (c.term(call, [x, p]), .number)
            },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0]), a1 = interpreter.compile(call.args[1])
                let at = call.at
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    guard case .number(let x) = try a0(&f), case .number(let p) = try a1(&f) else { return .unknown }
                    guard let places = p.intValue, (0...10).contains(places) else {
                        throw EvaluationError(message: "round needs 0…10 decimal places, not \(p)", location: at)
                    }
                    do throws(ExactError) { return .number(try x.checkedRounded(places: places)) } catch {
                        throw EvaluationError.arithmetic(error, "round(\(x), \(places))", at: at)
                    }
                }
            }),
        BuiltinFunction(
            name: "abs", signature: "abs(x): the absolute value",
            typeRule: { (call, c) throws(Diagnostic) in
                try c.expectArgs(call, 1...1)
                return (c.term(call, [try c.scalar(call.args[0], .number, call.function, "first")]), .number)
            },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0])
                let at = call.at
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    guard case .number(let x) = try a0(&f) else { return .unknown }
                    do throws(ExactError) { return .number(x.isNegative ? try x.negated() : x) } catch {
                        throw EvaluationError.arithmetic(error, "abs(\(x))", at: at)
                    }
                }
            }),
    ]
}
