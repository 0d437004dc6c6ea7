import HechaCore

/// Lambdas (`v -> v.price`) compiled once, and applied to each element of a list: simple shapes
/// (a field, a field compared with a steady value) without evaluating a body.
extension Interpreter {
    /// A lambda compiled: its body, and its simple shape (``Lambda/Shape``) when it has one.
    struct CompiledLambda: Sendable {
        enum Shape: Sendable {
            case general
            case field(Int)
            case compareField(Int, Comparison, Code)
        }
        let slot: Int
        let body: Code
        let shape: Shape
    }

    func compile(_ lambda: Lambda) -> CompiledLambda {
        let shape: CompiledLambda.Shape
        switch lambda.shape {
        case .general: shape = .general
        case .field(let i): shape = .field(i)
        case .compareField(let i, let op, let other): shape = .compareField(i, op, compile(other))
        }
        return CompiledLambda(slot: lambda.slot, body: compile(lambda.body), shape: shape)
    }

    /// A lambda ready to be applied to the elements of one list: a simple body is applied
    /// directly, its steady side evaluated once. Explaining evaluates every body in full, so that
    /// the trace shows each step.
    enum Applier {
        case general(Int, Code)
        case field(Int)
        case compareField(Int, Comparison, Value)
    }

    static func prepare(_ lambda: CompiledLambda, _ f: inout Frame) throws(EvaluationError) -> Applier {
        guard f.trace == nil else { return .general(lambda.slot, lambda.body) }
        switch lambda.shape {
        case .general: return .general(lambda.slot, lambda.body)
        case .field(let i): return .field(i)
        case .compareField(let i, let op, let other): return .compareField(i, op, try other(&f))
        }
    }

    @inline(__always)
    static func apply(_ applier: Applier, _ v: Value, _ f: inout Frame) throws(EvaluationError) -> Value {
        switch applier {
        case .general(let slot, let body):
            f.slots[slot] = v
            return try body(&f)
        case .field(let i):
            guard case .record(let r) = v else { return .unknown }
            return r.fields[i]
        case .compareField(let i, let op, let other):
            guard case .record(let r) = v, let c = Interpreter.compare(r.fields[i], other) else { return .unknown }
            return .bool(op.holds(c))
        }
    }
}
