import HechaCore

/// A token of the rule language. `offset` indexes the expression's Unicode scalars.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        case number(Exact)
        case string(String)
        case date(Day)
        case month(Month)
        case symbol(String)   // ( ) [ ] , . + - * / == != < <= > >= ->
        case end
    }
    var kind: Kind
    var offset: Int
    var length: Int
}

/// Splits an expression into tokens. Date literals are written `2024-07-01`, month literals
/// `2024-07`; strings in double quotes (or Chinese quotes “…”); `#` starts a comment to the end of the line.
struct Lexer {
    let text: [Unicode.Scalar]

    func tokens() throws(RuleSyntaxError) -> [Token] {
        var out: [Token] = []
        var i = 0
        let n = text.count
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        func isIdentStart(_ c: Unicode.Scalar) -> Bool {
            c == "_" || (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122)
                || (c.value > 127 && c.properties.isAlphabetic)
        }
        func isIdentPart(_ c: Unicode.Scalar) -> Bool { isIdentStart(c) || isDigit(c) }
        func digits(from j: Int) -> Int { var k = j; while k < n, isDigit(text[k]) { k += 1 }; return k - j }

        while i < n {
            let c = text[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{3000}" { i += 1; continue }
            if c == "#" { while i < n, text[i] != "\n" { i += 1 }; continue }
            let start = i
            if isDigit(c) {
                // date YYYY-MM-DD, month YYYY-MM, or a decimal number
                if digits(from: i) == 4, i + 4 < n, text[i + 4] == "-", digits(from: i + 5) == 2 {
                    let y = Int(String(String.UnicodeScalarView(text[i..<i + 4])))!
                    let m = Int(String(String.UnicodeScalarView(text[i + 5..<i + 7])))!
                    if i + 7 < n, text[i + 7] == "-", digits(from: i + 8) == 2 {
                        let d = Int(String(String.UnicodeScalarView(text[i + 8..<i + 10])))!
                        guard let day = Day(year: y, month: m, day: d) else {
                            let written = String(String.UnicodeScalarView(text[i..<i + 10]))
                            throw RuleSyntaxError(message: "'\(written)' is not a valid date" + (Day.whyImpossible(written).map { ": \($0)" } ?? ""),
                                                  offset: i, length: 10)
                        }
                        out.append(Token(kind: .date(day), offset: i, length: 10))
                        i += 10
                        continue
                    }
                    guard let month = Month(year: y, month: m) else {
                        throw RuleSyntaxError(message: "'\(String(String.UnicodeScalarView(text[i..<i + 7])))' is not a valid month", offset: i, length: 7)
                    }
                    out.append(Token(kind: .month(month), offset: i, length: 7))
                    i += 7
                    continue
                }
                var j = i
                while j < n, isDigit(text[j]) || text[j] == "_" { j += 1 }
                if j + 1 < n, text[j] == ".", isDigit(text[j + 1]) {
                    j += 1
                    while j < n, isDigit(text[j]) { j += 1 }
                }
                let literal = String(String.UnicodeScalarView(text[i..<j])).replacingUnderscores()
                guard let value = Exact(decimal: literal) else {
                    throw RuleSyntaxError(message: "'\(literal)' is not a number", offset: i, length: j - i)
                }
                out.append(Token(kind: .number(value), offset: i, length: j - i))
                i = j
                continue
            }
            if isIdentStart(c) {
                var j = i
                while j < n, isIdentPart(text[j]) { j += 1 }
                out.append(Token(kind: .identifier(String(String.UnicodeScalarView(text[i..<j]))), offset: i, length: j - i))
                i = j
                continue
            }
            if c == "\"" || c == "“" || c == "'" {
                let close: Unicode.Scalar = c == "“" ? "”" : c
                var j = i + 1
                var value = String.UnicodeScalarView()
                while j < n, text[j] != close {
                    if text[j] == "\\", j + 1 < n { j += 1 }
                    value.append(text[j])
                    j += 1
                }
                guard j < n else {
                    throw RuleSyntaxError(message: "unterminated string", offset: start, length: 1,
                                          hint: "close the string with \(close)")
                }
                out.append(Token(kind: .string(String(value)), offset: start, length: j + 1 - start))
                i = j + 1
                continue
            }
            let two = i + 1 < n ? String(String.UnicodeScalarView([c, text[i + 1]])) : ""
            if ["==", "!=", "<=", ">=", "->"].contains(two) {
                out.append(Token(kind: .symbol(two), offset: i, length: 2))
                i += 2
                continue
            }
            if "()[],.+-*/<>{}:".unicodeScalars.contains(c) {
                out.append(Token(kind: .symbol(String(c)), offset: i, length: 1))
                i += 1
                continue
            }
            if c == "=" {
                throw RuleSyntaxError(message: "unexpected '='", offset: i, length: 1, hint: "compare with '=='")
            }
            throw RuleSyntaxError(message: "unexpected character '\(c)'", offset: i, length: 1)
        }
        out.append(Token(kind: .end, offset: n, length: 0))
        return out
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

/// A syntax or lexing error inside one expression, positioned by scalar offset.
struct RuleSyntaxError: Error, Sendable {
    var message: String
    var offset: Int
    var length: Int
    var hint: String? = nil
}
