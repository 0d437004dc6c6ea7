import HechaCore

/// One built-in function of the rule language, described once for every stage: its name and
/// one-line documentation (shown in error hints), its type rule (which arguments the checker
/// accepts and what type a call has) and its implementation (the code the interpreter runs).
///
/// Built-ins come in families, one file each in this folder (``CollectionBuiltins``,
/// ``DateBuiltins``, ``NumberBuiltins``, ``ValueBuiltins``, ``IDNumberFacts``, ``TextBuiltins``);
/// ``BuiltinRegistry`` lists the families, and the checker and the interpreter both find a
/// built-in there by its name. Adding a built-in to a family touches that family's file only.
struct BuiltinFunction: Sendable {
    /// Checks a call's arguments (with the checker's helpers, ``Checker/scalar(_:_:_:_:)`` and
    /// its kin) and gives the call's term and type; throws a diagnostic at the call.
    typealias TypeRule = @Sendable (_ call: BuiltinCall, _ checker: inout Checker) throws(Diagnostic) -> (Term, ValueType)
    /// Compiles a checked call into code, once per rule; the code runs for every subject.
    typealias Implementation = @Sendable (_ call: CompiledCall, _ interpreter: Interpreter) -> Code

    /// The name rules call it by (`days_between`).
    let name: String
    /// One line: how to call it and what it gives.
    let signature: String
    let typeRule: TypeRule
    let implementation: Implementation
}

/// A call of a built-in as written, being checked.
struct BuiltinCall {
    let function: BuiltinFunction
    let args: [Expr]
    /// Where the call is in the expression text.
    let offset: Int
}

/// A checked call of a built-in, being compiled for evaluation.
struct CompiledCall {
    let function: BuiltinFunction
    let args: [Term]
    /// The call's lambda (`x -> …`), when it has one.
    let lambda: Interpreter.CompiledLambda?
    /// Where the call is, for the errors its evaluation may raise.
    let at: SourceLocation
}

/// The first argument of a built-in, read as a list: nil when it is not one (unknown).
typealias ListCode = @Sendable (inout Frame) throws(EvaluationError) -> [Value]?
