import HechaCore

/// The built-ins over values of any type: `coalesce` (a fallback for an unknown value).
enum ValueBuiltins {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(
            name: "coalesce", signature: "coalesce(a, b): a when it is known, otherwise b",
            typeRule: { (call, c) throws(Diagnostic) in
                try c.expectArgs(call, 2...2)
                let (x, xt) = try c.compile(call.args[0])
                let (y, yt) = try c.compile(call.args[1])
                guard let t = c.unify(xt, yt) else {
                    throw c.fail("coalesce needs two values of one type, not \(Checker.describe(xt)) and \(Checker.describe(yt))", call.offset)
                }
                return (c.term(call, [x, y]), t)
            },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0]), a1 = interpreter.compile(call.args[1])
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    let x = try a0(&f)
                    return x.isUnknown ? try a1(&f) : x
                }
            }),
    ]
}
