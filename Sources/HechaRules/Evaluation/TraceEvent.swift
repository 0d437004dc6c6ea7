import HechaCore

/// One step of an evaluation, recorded when tracing (`hecha explain`): a value computed, a
/// function called with its arguments, a parameter looked up with the date it was in force.
public struct TraceEvent: Sendable {
    /// What the step is: a value computed, a function called, a parameter looked up.
    public enum Kind: String, Sendable { case value, function, parameter }
    /// What the step is.
    public var kind: Kind
    /// The value's, function's or parameter's name.
    public var name: String
    /// A function's arguments; a parameter's date.
    public var arguments: [Value]
    /// What the step gave.
    public var value: Value
    /// Nesting: steps a value depended on come before it, one level deeper.
    public var depth: Int
    /// For parameters: the `from` of the entry in force (nil for an undated value) and where it is set.
    public var inForceFrom: Day? = nil
    /// For parameters: where the entry in force is set (the region or ruleset file and line).
    public var definedAt: SourceLocation? = nil
}

/// The trace of one evaluation.
struct Trace {
    var events: [TraceEvent] = []
    var depth = 0
}
