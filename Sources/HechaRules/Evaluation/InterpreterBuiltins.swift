import HechaCore

/// Compiling the calls of built-in functions: each runs its family's implementation (in
/// `Builtins/`), with the helpers they share.
extension Interpreter {
    // MARK: built-ins

    /// Each argument is compiled on its own by the implementation (a closure kept in an array is
    /// called through a thunk).
    func compileCall(_ function: BuiltinFunction, _ args: [Term], _ lambda: CompiledLambda?, _ at: SourceLocation) -> Code {
        function.implementation(CompiledCall(function: function, args: args, lambda: lambda, at: at), self)
    }

    /// The call's first argument as a list (nil when it is unknown).
    func firstList(_ call: CompiledCall) -> ListCode {
        let head: Code = call.args.isEmpty ? Interpreter.unknown : compile(call.args[0])
        return { (f: inout Frame) throws(EvaluationError) -> [Value]? in
            if case .list(let l) = try head(&f) { return l }
            return nil
        }
    }
}
