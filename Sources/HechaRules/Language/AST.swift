import HechaCore

/// An expression as parsed, before type checking. `offset` indexes the expression text.
indirect enum Expr: Sendable {
    case literal(Value, offset: Int)
    case name(String, offset: Int)
    case list([Expr], offset: Int)
    case field(Expr, String, offset: Int)
    case index(Expr, Expr, offset: Int)
    case call(String, [Expr], offset: Int)
    case lambda([String], Expr, offset: Int)
    case unary(String, Expr, offset: Int)
    case binary(String, Expr, Expr, offset: Int)
    case isUnknown(Expr, negated: Bool, offset: Int)
    case conditional(Expr, Expr, Expr, offset: Int)

    var offset: Int {
        switch self {
        case .literal(_, let o), .name(_, let o), .list(_, let o), .field(_, _, let o), .index(_, _, let o),
            .call(_, _, let o), .lambda(_, _, let o), .unary(_, _, let o), .binary(_, _, _, let o),
            .isUnknown(_, _, let o), .conditional(_, _, _, let o):
            return o
        }
    }
}

extension Expr {
    /// Where the expression's text begins (its leftmost token).
    var start: Int {
        switch self {
        case .field(let b, _, _), .index(let b, _, _): return b.start
        case .binary(_, let l, _, _): return l.start
        case .isUnknown(let e, _, _): return e.start
        default: return offset
        }
    }
}
