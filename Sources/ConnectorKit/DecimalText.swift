import HechaCore

/// Reads quantities that are not money: a floor area in square metres (`89.5`, `1,089.50`,
/// `89.50㎡`), a registered capital in 万元 (`50`, `9.99`, `120万元`).
///
/// The value is exact. Full-width digits and a thousands separator (`1,089.50`, placed as in
/// ``MoneyText``) are accepted, and so is one of the caller's `units` at the end (e.g. `㎡`,
/// `平方米`). Empty text is `nil` (unknown, never zero). A negative number, more decimals than
/// `maxDecimals`, another unit (such as `元` on an area) or any other text is a ``ValueProblem``.
public enum DecimalText {
    /// Parses a non-negative quantity; `nil` when the text is empty (unknown).
    ///
    /// - Parameters:
    ///   - units: suffixes that may follow the number, e.g. `["㎡", "平方米"]`.
    ///   - maxDecimals: the most digits allowed after the decimal point.
    public static func quantity(_ raw: String, units: [String] = [], maxDecimals: Int = 4) throws(ValueProblem) -> Exact? {
        var s = Substring(FieldText.normalized(raw))
        if s.isEmpty { return nil }
        let bad = ValueProblem("'\(raw)' 不是有效数值")
        for unit in units.sorted(by: { $0.count > $1.count }) where !unit.isEmpty && s.hasSuffix(unit) {
            s = s.dropLast(unit.count)
            break
        }
        while s.last == " " { s = s.dropLast() }
        if s.first == "-" { throw ValueProblem("'\(raw)' 不能为负数") }
        guard !s.isEmpty else { throw bad }
        var whole = s
        var fraction: Substring = ""
        if let dot = s.firstIndex(of: ".") {
            whole = s[..<dot]
            fraction = s[s.index(after: dot)...]
            guard !fraction.isEmpty, fraction.utf8.allSatisfy(isDigit) else { throw bad }
            guard fraction.utf8.count <= maxDecimals else { throw ValueProblem("'\(raw)' 超过 \(maxDecimals) 位小数") }
        }
        guard !whole.isEmpty else { throw bad }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].utf8.count), groups.dropFirst().allSatisfy({ $0.utf8.count == 3 })
            else { throw ValueProblem("'\(raw)' 的千位分隔符位置不对") }
        }
        guard groups.allSatisfy({ $0.utf8.allSatisfy(isDigit) }) else { throw bad }
        let digits = groups.joined()
        guard digits.utf8.count + fraction.utf8.count <= 30, let value = Exact(decimal: digits + "." + fraction) else { throw bad }
        return value
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}

extension CSVRow {
    /// A required quantity (see ``DecimalText``), e.g. `try row.decimal("建筑面积", units: ["㎡", "平方米"])`.
    public func decimal(_ column: String, units: [String] = [], maxDecimals: Int = 4) throws(RowReject) -> Exact {
        guard file.hasColumn(column) else {
            preconditionFailure("column '\(column)' of \(file.name) was not declared when the file was opened")
        }
        guard let value = try optionalDecimal(column, units: units, maxDecimals: maxDecimals) else {
            throw RowReject("\(column) 为空")
        }
        return value
    }

    /// An optional quantity: `nil` (unknown, never zero) when empty.
    public func optionalDecimal(_ column: String, units: [String] = [], maxDecimals: Int = 4) throws(RowReject) -> Exact? {
        guard let text = field(column) else { return nil }  // an optional column the header lacks
        do {
            return try DecimalText.quantity(text, units: units, maxDecimals: maxDecimals)
        } catch {
            throw RowReject("\(column) \(error.reason)")
        }
    }
}
