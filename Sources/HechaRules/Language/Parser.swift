import HechaCore

/// Parses one expression of the rule language (grammar: `rulesets/README.md`).
struct Parser {
    private var tokens: [Token]
    private var pos = 0
    /// How many levels deep the expression being parsed is nested at `pos`.
    private var depth = 0

    /// The deepest an expression may nest: brackets, `not`s, `-`s, `if`s and chains of operators
    /// (`a + b + c` is three levels). Checking and evaluating recurse once per level, so the bound
    /// keeps both far from the end of the stack.
    static let maximumDepth = 200

    init(tokens: [Token]) { self.tokens = tokens }

    static func parse(_ text: [Unicode.Scalar]) throws(RuleSyntaxError) -> Expr {
        var p = Parser(tokens: try Lexer(text: text).tokens())
        if case .end = p.peek.kind {
            throw RuleSyntaxError(message: "empty expression", offset: 0, length: 0, hint: "write a condition, e.g. household.status == \"在保\"")
        }
        let e = try p.expression()
        guard case .end = p.peek.kind else {
            throw RuleSyntaxError(message: "unexpected \(p.describe(p.peek)) after the end of the expression", offset: p.peek.offset, length: p.peek.length,
                                  hint: "join conditions with 'and' / 'or'")
        }
        return e
    }

    private var peek: Token { tokens[pos] }
    private mutating func next() -> Token { let t = tokens[pos]; if pos < tokens.count - 1 { pos += 1 }; return t }

    private func isSymbol(_ s: String, _ t: Token? = nil) -> Bool {
        if case .symbol(let x) = (t ?? peek).kind { return x == s }
        return false
    }
    private func isKeyword(_ k: String, _ t: Token? = nil) -> Bool {
        if case .identifier(let x) = (t ?? peek).kind { return x == k }
        return false
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .identifier(let s): return "'\(s)'"
        case .number(let n): return "number \(n)"
        case .string(let s): return "string \"\(s)\""
        case .date(let d): return "date \(d)"
        case .month(let m): return "month \(m)"
        case .symbol(let s): return "'\(s)'"
        case .end: return "end of expression"
        }
    }

    private mutating func expect(_ s: String, _ context: String) throws(RuleSyntaxError) {
        guard isSymbol(s) else {
            throw RuleSyntaxError(message: "expected '\(s)' \(context), found \(describe(peek))", offset: peek.offset, length: max(1, peek.length))
        }
        _ = next()
    }

    /// Goes one level deeper at `t`, or stops with an error there when that is too deep.
    private mutating func enter(_ t: Token, levels: Int = 1) throws(RuleSyntaxError) {
        depth += levels
        guard depth <= Parser.maximumDepth else {
            throw RuleSyntaxError(message: "the expression is nested more than \(Parser.maximumDepth) levels deep here", offset: t.offset,
                                  length: max(1, t.length),
                                  hint: "split it into `let:` values or shared functions, each of a few levels")
        }
    }

    static let keywords: Set<String> = ["and", "or", "not", "in", "is", "if", "then", "else", "true", "false", "unknown", "known"]

    mutating func expression() throws(RuleSyntaxError) -> Expr {
        if isKeyword("if") {
            let t = next()
            try enter(t)
            defer { depth -= 1 }
            let c = try expression()
            guard isKeyword("then") else {
                throw RuleSyntaxError(message: "expected 'then' after the condition of 'if', found \(describe(peek))", offset: peek.offset, length: max(1, peek.length))
            }
            _ = next()
            let a = try expression()
            guard isKeyword("else") else {
                throw RuleSyntaxError(message: "expected 'else' in 'if … then … else …', found \(describe(peek))", offset: peek.offset, length: max(1, peek.length),
                                      hint: "every 'if' needs an 'else' branch")
            }
            _ = next()
            let b = try expression()
            return .conditional(c, a, b, offset: t.offset)
        }
        return try orExpr()
    }

    private mutating func orExpr() throws(RuleSyntaxError) -> Expr {
        var lhs = try andExpr()
        let entered = depth
        defer { depth = entered }
        while isKeyword("or") {
            let t = next()
            try enter(t)
            lhs = .binary("or", lhs, try andExpr(), offset: t.offset)
        }
        return lhs
    }

    private mutating func andExpr() throws(RuleSyntaxError) -> Expr {
        var lhs = try notExpr()
        let entered = depth
        defer { depth = entered }
        while isKeyword("and") {
            let t = next()
            try enter(t)
            lhs = .binary("and", lhs, try notExpr(), offset: t.offset)
        }
        return lhs
    }

    private mutating func notExpr() throws(RuleSyntaxError) -> Expr {
        if isKeyword("not") {
            let t = next()
            try enter(t)
            defer { depth -= 1 }
            return .unary("not", try notExpr(), offset: t.offset)
        }
        return try comparison()
    }

    private mutating func comparison() throws(RuleSyntaxError) -> Expr {
        let lhs = try additive()
        if case .symbol(let s) = peek.kind, ["==", "!=", "<", "<=", ">", ">="].contains(s) {
            let t = next()
            let rhs = try additive()
            if case .symbol(let s2) = peek.kind, ["==", "!=", "<", "<=", ">", ">="].contains(s2) {
                throw RuleSyntaxError(message: "comparisons cannot be chained", offset: peek.offset, length: peek.length,
                                      hint: "write 'a < b and b < c'")
            }
            return .binary(s, lhs, rhs, offset: t.offset)
        }
        if isKeyword("in") {
            let t = next()
            return .binary("in", lhs, try additive(), offset: t.offset)
        }
        if isKeyword("not"), pos + 1 < tokens.count, isKeyword("in", tokens[pos + 1]) {
            let t = next(); _ = next()
            return .binary("not in", lhs, try additive(), offset: t.offset)
        }
        if isKeyword("is") {
            let t = next()
            var negated = false
            if isKeyword("not") { _ = next(); negated = true }
            if isKeyword("unknown") { _ = next(); return .isUnknown(lhs, negated: negated, offset: t.offset) }
            if isKeyword("known") { _ = next(); return .isUnknown(lhs, negated: !negated, offset: t.offset) }
            throw RuleSyntaxError(message: "expected 'unknown' or 'known' after 'is', found \(describe(peek))", offset: peek.offset, length: max(1, peek.length),
                                  hint: "write 'x is unknown' or 'x is known'; compare values with '=='")
        }
        return lhs
    }

    private mutating func additive() throws(RuleSyntaxError) -> Expr {
        var lhs = try multiplicative()
        let entered = depth
        defer { depth = entered }
        while isSymbol("+") || isSymbol("-") {
            let t = next()
            try enter(t)
            guard case .symbol(let s) = t.kind else { break }
            lhs = .binary(s, lhs, try multiplicative(), offset: t.offset)
        }
        return lhs
    }

    private mutating func multiplicative() throws(RuleSyntaxError) -> Expr {
        var lhs = try unary()
        let entered = depth
        defer { depth = entered }
        while isSymbol("*") || isSymbol("/") {
            let t = next()
            try enter(t)
            guard case .symbol(let s) = t.kind else { break }
            lhs = .binary(s, lhs, try unary(), offset: t.offset)
        }
        return lhs
    }

    private mutating func unary() throws(RuleSyntaxError) -> Expr {
        if isSymbol("-") {
            let t = next()
            try enter(t)
            defer { depth -= 1 }
            return .unary("-", try unary(), offset: t.offset)
        }
        return try postfix()
    }

    private mutating func postfix() throws(RuleSyntaxError) -> Expr {
        var e = try primary()
        let entered = depth
        defer { depth = entered }
        while true {
            if isSymbol(".") {
                let dot = next()
                try enter(dot)
                guard case .identifier(let name) = peek.kind else {
                    throw RuleSyntaxError(message: "expected a field name after '.', found \(describe(peek))", offset: peek.offset, length: max(1, peek.length))
                }
                _ = next()
                e = .field(e, name, offset: dot.offset + 1)
            } else if isSymbol("[") {
                let t = next()
                try enter(t)
                let i = try expression()
                try expect("]", "to close the index")
                e = .index(e, i, offset: t.offset)
            } else {
                return e
            }
        }
    }

    private mutating func primary() throws(RuleSyntaxError) -> Expr {
        let t = peek
        switch t.kind {
        case .number(let n): _ = next(); return .literal(.number(n), offset: t.offset)
        case .string(let s): _ = next(); return .literal(.string(s), offset: t.offset)
        case .date(let d): _ = next(); return .literal(.date(d), offset: t.offset)
        case .month(let m): _ = next(); return .literal(.month(m), offset: t.offset)
        case .identifier(let name):
            switch name {
            case "true": _ = next(); return .literal(.bool(true), offset: t.offset)
            case "false": _ = next(); return .literal(.bool(false), offset: t.offset)
            case "unknown": _ = next(); return .literal(.unknown, offset: t.offset)
            default: break
            }
            if Parser.keywords.contains(name) {
                throw RuleSyntaxError(message: "unexpected keyword '\(name)'", offset: t.offset, length: t.length,
                                      hint: "a value or a name was expected here")
            }
            _ = next()
            if isSymbol("(") {
                try enter(next())
                defer { depth -= 1 }
                var args: [Expr] = []
                if !isSymbol(")") {
                    while true {
                        args.append(try argument())
                        if isSymbol(",") { _ = next(); continue }
                        break
                    }
                }
                try expect(")", "to close the call of \(name)(…)")
                return .call(name, args, offset: t.offset)
            }
            return .name(name, offset: t.offset)
        case .symbol("("):
            try enter(next())
            defer { depth -= 1 }
            let e = try expression()
            try expect(")", "to close '('")
            return e
        case .symbol("["):
            try enter(next())
            defer { depth -= 1 }
            var items: [Expr] = []
            if !isSymbol("]") {
                while true {
                    items.append(try expression())
                    if isSymbol(",") { _ = next(); continue }
                    break
                }
            }
            try expect("]", "to close the list")
            return .list(items, offset: t.offset)
        default:
            throw RuleSyntaxError(message: "expected a value, found \(describe(t))", offset: t.offset, length: max(1, t.length))
        }
    }

    /// A call argument: an expression, or a lambda `x -> …`.
    private mutating func argument() throws(RuleSyntaxError) -> Expr {
        if case .identifier(let name) = peek.kind, pos + 1 < tokens.count, isSymbol("->", tokens[pos + 1]) {
            let t = next(); _ = next()
            if Parser.keywords.contains(name) {
                throw RuleSyntaxError(message: "'\(name)' cannot be a parameter name", offset: t.offset, length: t.length)
            }
            try enter(t)
            defer { depth -= 1 }
            return .lambda([name], try expression(), offset: t.offset)
        }
        return try expression()
    }
}
