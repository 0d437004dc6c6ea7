import HechaCore

/// Type-checking the binary operators: logic, comparison, arithmetic (constants worked out now) and membership.
extension Checker {
    mutating func compileBinary(_ op: String, _ l: Expr, _ r: Expr, _ offset: Int) throws(Diagnostic) -> (Term, ValueType) {
        let (ln, lt) = try compile(l)
        let (rn, rt) = try compile(r)
        switch op {
        case "and", "or":
            guard lt.fits(.bool) else { throw fail("'\(op)' joins conditions; its left side is \(Checker.describe(lt))", l.offset) }
            guard rt.fits(.bool) else { throw fail("'\(op)' joins conditions; its right side is \(Checker.describe(rt))", r.offset) }
            return (op == "and" ? .and(ln, rn) : .or(ln, rn), .bool)
        case "==", "!=", "<", "<=", ">", ">=":
            if op == "==" || op == "!=" { try warnOutsideClosedList(l, r, op: op) }
            guard let t = unify(lt, rt) else {
                throw fail("cannot compare \(Checker.describe(lt)) with \(Checker.describe(rt))", offset,
                           hint: lt == .date || rt == .date ? "use month(date) to compare a date with a month" : nil)
            }
            if op != "==" && op != "!=" {
                switch t {
                case .number, .date, .month, .string, .any: break
                default: throw fail("'\(op)' cannot order \(Checker.describe(t))", offset)
                }
            }
            return (.compare(Comparison(rawValue: op)!, ln, rn), .bool)
        case "+", "-", "*", "/":
            guard lt.fits(.number), rt.fits(.number) else {
                let hint = (lt == .date || lt == .month) ? "use add_days(date, n) or add_months(date, n) for date arithmetic" : nil
                throw fail("'\(op)' needs numbers, not \(Checker.describe(lt)) and \(Checker.describe(rt))", offset, hint: hint)
            }
            let operation = Operation(rawValue: op)!
            // constants are computed now: a result that cannot be computed is a mistake in the file
            if case .constant(.number(let a)) = ln, case .constant(.number(let b)) = rn {
                do throws(ExactError) {
                    return (.constant(.number(try operation.apply(a, b))), .number)
                } catch {
                    throw fail("\(a) \(op) \(b): \(error)", offset,
                               hint: error == .divisionByZero ? nil : "numbers in rules are exact and have at most 38 digits; check this constant")
                }
            }
            return (.arithmetic(operation, ln, rn, at: location(offset)), .number)
        case "in", "not in":
            try warnOutsideClosedList(l, r, op: op)
            guard case .list(let elem) = rt else {
                throw fail("'\(op)' needs a list on its right side, not \(Checker.describe(rt))", r.offset,
                           hint: "write x in [\"a\", \"b\"] or x in param(\"some.list\")")
            }
            guard unify(lt, elem) != nil else {
                throw fail("'\(op)': \(Checker.describe(lt)) cannot be in \(Checker.describe(rt))", offset)
            }
            return (.membership(ln, rn, negated: op == "not in"), .bool)
        default:
            throw fail("unknown operator '\(op)'", offset)
        }
    }
}
