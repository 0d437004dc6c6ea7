import HechaCore

/// One object of a ``JSONLinesFile``, read by key.
///
/// The accessors mirror ``CSVRow``'s and throw a ``RowReject`` whose reason names the key. A key
/// that is missing, `null` or an empty (or blank) string is empty: a required accessor rejects
/// the row (`余额 为空`), an `optional…` one returns `nil` (unknown). A value of the wrong JSON type
/// rejects the row (`证件号码 应为字符串，实为数字`): text, dates and id numbers must be strings;
/// amounts may be strings in the ``MoneyText`` forms or JSON numbers. Keys not asked for are ignored.
///
/// ```swift
/// let id = try row.personID("证件号码")
/// let balance = try row.money("余额")
/// ```
public struct JSONRow {
    /// The physical line of the object.
    public let line: Int
    /// The object's members.
    public let members: [String: JSONValue]
    /// The file the line belongs to.
    public let file: JSONLinesFile

    /// Where the row is, for ``Record/source``: source id, file name, line.
    public var origin: SourceRef { SourceRef(origin: file.origin, line: line) }

    /// The string member's bytes handed to `body` when it is a string whose first and last bytes
    /// are plain ASCII (no blank to trim, no full-width form to fold): the form dates, amounts and
    /// id numbers take. `nil` sends the value down the general path.
    @inline(__always)
    private func plainASCII<T>(_ key: String, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        guard case .string(var s)? = members[key] else { return nil }
        return s.withUTF8 { p -> T? in
            guard let first = p.first, let last = p.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 else { return nil }
            return body(p)
        }
    }

    /// The trimmed text of a string member, or `nil` when it is missing, `null` or blank.
    private func present(_ key: String) throws(RowReject) -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case .string(let s)?:
            let t = FieldText.trimmed(s)
            return t.isEmpty ? nil : t
        case let other?: throw RowReject("\(key) 应为字符串，实为\(other.kindName)")
        }
    }

    private func required(_ key: String) throws(RowReject) -> String {
        guard let t = try present(key) else { throw RowReject("\(key) 为空") }
        return t
    }

    private func parse<T>(_ key: String, _ text: String, _ body: (String) throws(ValueProblem) -> T) throws(RowReject) -> T {
        do { return try body(text) } catch { throw RowReject("\(key) \(error.reason)") }
    }

    /// The trimmed text of a required string.
    public func text(_ key: String) throws(RowReject) -> String { try required(key) }

    /// The trimmed text, or `nil` when empty.
    public func optionalText(_ key: String) throws(RowReject) -> String? { try present(key) }

    /// A required date (see ``DateText``).
    public func day(_ key: String) throws(RowReject) -> Day {
        if let d = plainASCII(key, DateText.isoDay) { return d }
        return try parse(key, try required(key), DateText.day)
    }

    /// An optional date.
    public func optionalDay(_ key: String) throws(RowReject) -> Day? {
        guard let t = try present(key) else { return nil }
        return try parse(key, t, DateText.day)
    }

    /// A required month.
    public func month(_ key: String) throws(RowReject) -> Month { try parse(key, try required(key), DateText.month) }

    /// An optional amount of money: a string in the ``MoneyText`` forms or a JSON number;
    /// `nil` (unknown, never zero) when empty.
    public func optionalMoney(_ key: String) throws(RowReject) -> Exact? {
        if case .number(var n)? = members[key], let v = n.withUTF8(MoneyText.plainAmount) { return v }
        if let v = plainASCII(key, MoneyText.plainAmount) { return v }
        let text: String
        switch members[key] {
        case .number(let n)?: text = n
        case nil, .null?, .string?:
            guard let t = try present(key) else { return nil }
            text = t
        case let other?: throw RowReject("\(key) 应为字符串或数字，实为\(other.kindName)")
        }
        return try parse(key, text, MoneyText.amount)
    }

    /// A required amount of money (see ``optionalMoney(_:)``).
    public func money(_ key: String) throws(RowReject) -> Exact {
        guard let v = try optionalMoney(key) else { throw RowReject("\(key) 为空") }
        return v
    }

    /// A required value from a closed list.
    public func oneOf(_ key: String, _ allowed: [String]) throws(RowReject) -> String {
        if case .string(let s)? = members[key], let i = allowed.firstIndex(where: { $0.utf8.elementsEqual(s.utf8) }) { return allowed[i] }
        let t = try required(key)
        return try parse(key, t) { (s: String) throws(ValueProblem) in try ChoiceText.oneOf(s, allowed) }
    }

    /// A required, valid id number, normalised (see ``IDNumber``).
    public func personID(_ key: String) throws(RowReject) -> String {
        let id = IDNumber(try required(key))
        if let problem = id.problem { throw RowReject("\(key) \(problem)，不是有效的身份证号") }
        return id.text
    }

    /// The id number of a person on the roster, `nil` when valid but not on the roster; an invalid
    /// id rejects the row (the same contract as ``CSVRow/personID(_:in:)``).
    public func personID(_ key: String, in index: PersonIndex) throws(RowReject) -> String? {
        if let body = plainASCII(key, IDNumber.plainBody) {
            return index.containsPerson(body: body) ? IDNumber.text(body: body) : nil
        }
        let id = try personID(key)
        return index.containsPerson(id) ? id : nil
    }
}
