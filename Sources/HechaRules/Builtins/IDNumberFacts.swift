import HechaCore

/// The built-ins that read a person's birth date and sex from their id number (`birth_date`,
/// `age`, `sex`): what admins asked for to write rules about age (老年人、未成年人) without a
/// separate field in every export.
///
/// An 18-character id (readers normalise 15-digit ones) holds the birth date as YYYYMMDD in
/// characters 7–14 and the sex in the 17th: odd for 男, even for 女. An id that does not have
/// them, or whose date is impossible, gives unknown — never a guess.
enum IDNumberFacts {
    /// The birth date in `id`, or nil.
    static func birthDate(_ id: String) -> Day? {
        let u = Array(id.utf8)
        guard u.count == 18, u[0..<17].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        func number(_ r: Range<Int>) -> Int { u[r].reduce(0) { $0 * 10 + Int($1 - 48) } }
        return Day(year: number(6..<10), month: number(10..<12), day: number(12..<14))
    }

    /// "男" or "女" from `id`'s 17th character, or nil.
    static func sex(_ id: String) -> String? {
        guard birthDate(id) != nil else { return nil }
        let digit = Int(Array(id.utf8)[16] - 48)
        return digit % 2 == 1 ? "男" : "女"
    }

    /// Whole years from `birth` to `date` (the birthday counts from its day; 29 February from
    /// 1 March in other years).
    static func age(born birth: Day, on date: Day) -> Int {
        let b = birth.components, d = date.components
        var years = d.year - b.year
        if (d.month, d.day) < (b.month, b.day) { years -= 1 }
        return years
    }

    static let functions: [BuiltinFunction] = [
        BuiltinFunction(
            name: "birth_date", signature: "birth_date(id): the birth date in an 18-character id number (unknown when the id is not valid)",
            typeRule: { (call, c) throws(Diagnostic) in
                try c.expectArgs(call, 1...1)
                return (c.term(call, [try c.scalar(call.args[0], .string, call.function, "first")]), .date)
            },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0])
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    guard case .string(let id) = try a0(&f), let d = birthDate(id) else { return .unknown }
                    return .date(d)
                }
            }),
        BuiltinFunction(
            name: "age", signature: "age(id, date): whole years of age on date, from the id number's birth date",
            typeRule: { (call, c) throws(Diagnostic) in
                try c.expectArgs(call, 2...2)
                let id = try c.scalar(call.args[0], .string, call.function, "first")
                let d = try c.scalar(call.args[1], .date, call.function, "second")
                return (c.term(call, [id, d]), .number)
            },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0]), a1 = interpreter.compile(call.args[1])
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    guard case .string(let id) = try a0(&f), let born = birthDate(id), case .date(let on) = try a1(&f) else { return .unknown }
                    return .number(Exact(age(born: born, on: on)))
                }
            }),
        BuiltinFunction(
            name: "sex", signature: "sex(id): \"男\" or \"女\", from the id number's 17th character (odd: 男)",
            typeRule: { (call, c) throws(Diagnostic) in
                try c.expectArgs(call, 1...1)
                return (c.term(call, [try c.scalar(call.args[0], .string, call.function, "first")]), .string)
            },
            implementation: { call, interpreter in
                let a0 = interpreter.compile(call.args[0])
                return { (f: inout Frame) throws(EvaluationError) -> Value in
                    guard case .string(let id) = try a0(&f), let s = sex(id) else { return .unknown }
                    return .string(s)
                }
            }),
    ]
}
