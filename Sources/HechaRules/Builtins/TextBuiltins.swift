import HechaCore

/// The built-ins over text: `contains`.
enum TextBuiltins {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(
            name: "contains", signature: "contains(text, part): true when part occurs in text",
            typeRule: { (call, c) throws(Diagnostic) in
                try c.expectArgs(call, 2...2)
                let text = try c.scalar(call.args[0], .string, call.function, "first")
                let part = try c.scalar(call.args[1], .string, call.function, "second")
                return (c.term(call, [text, part]), .bool)
            },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0]), a1 = interpreter.compile(call.args[1])
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    guard case .string(let text) = try a0(&f), case .string(let part) = try a1(&f) else { return .unknown }
                    return .bool(part.isEmpty || text.contains(part))
                }
            }),
    ]
}
