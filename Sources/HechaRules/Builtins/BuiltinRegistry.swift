/// Every built-in function of the rule language, by family: the checker looks a call's name up
/// here, and the interpreter runs the implementation of what the checker found.
///
/// A new family is one file in this folder and one line in ``families``; a new built-in in an
/// existing family is an entry in that family's `functions`.
enum BuiltinRegistry {
    /// The families, in the order their functions are listed (in did-you-mean suggestions too).
    static let families: [[BuiltinFunction]] = [
        CollectionBuiltins.functions,
        DateBuiltins.functions,
        NumberBuiltins.functions,
        ValueBuiltins.functions,
        IDNumberFacts.functions,
        TextBuiltins.functions,
    ]

    /// Every built-in, family by family.
    static let all: [BuiltinFunction] = families.flatMap { $0 }

    private static let byName: [String: BuiltinFunction] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The built-in called `name`, if there is one.
    static func named(_ name: String) -> BuiltinFunction? { byName[name] }

    /// The names a `let` value or a shared function cannot take: every built-in's, and `param`
    /// (which reads a parameter: the checker handles it itself, see ``Checker/compileParamCall(_:_:)``).
    static let reservedNames: [String] = all.map(\.name) + ["param"]
}
