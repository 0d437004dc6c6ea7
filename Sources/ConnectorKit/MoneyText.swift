import HechaCore

/// Reads amounts of money in yuan as written by agencies: `1234.5`, `1,234.50`, `1234.50元`,
/// `¥1234.50`, `￥1234.50`, full-width digits, an optional leading `-`.
///
/// The value is exact (``Exact`` built from fen). Empty text is `nil`, i.e. unknown — never zero.
/// More than two decimals, misplaced thousands separators or any other text is a ``ValueProblem``.
public enum MoneyText {
    /// Parses an amount; `nil` when the text is empty (unknown).
    public static func amount(_ raw: String) throws(ValueProblem) -> Exact? {
        var s = Substring(FieldText.normalized(raw))
        if s.isEmpty { return nil }
        let bad = ValueProblem("'\(raw)' 不是有效金额")
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() }
        if s.first == "¥" || s.first == "￥" { s = s.dropFirst() }
        if !negative, s.first == "-" { negative = true; s = s.dropFirst() }
        if s.last == "元" { s = s.dropLast() }
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        guard !s.isEmpty else { throw bad }
        var whole = s
        var fraction: Substring = ""
        if let dot = s.firstIndex(of: ".") {
            whole = s[..<dot]
            fraction = s[s.index(after: dot)...]
            guard !fraction.isEmpty, fraction.utf8.allSatisfy(isDigit) else { throw bad }
            guard fraction.utf8.count <= 2 else { throw ValueProblem("'\(raw)' 超过两位小数") }
        }
        guard !whole.isEmpty else { throw bad }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            // Thousands separators: 1–3 digits, then groups of exactly 3.
            guard (1...3).contains(groups[0].utf8.count), groups.dropFirst().allSatisfy({ $0.utf8.count == 3 })
            else { throw ValueProblem("'\(raw)' 的千位分隔符位置不对") }
        }
        var fen: Int64 = 0
        for g in groups {
            guard g.utf8.allSatisfy(isDigit) else { throw bad }
            for d in g.utf8 {
                let (m, o1) = fen.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(d - 0x30))
                guard !o1, !o2 else { throw bad }
                fen = a
            }
        }
        var cents: Int64 = 0
        for (k, d) in fraction.utf8.enumerated() { cents += Int64(d - 0x30) * (k == 0 ? 10 : 1) }
        let (m, o1) = fen.multipliedReportingOverflow(by: 100)
        guard !o1 else { throw bad }
        fen = m + cents
        return Exact(fen: negative ? -fen : fen)
    }

    /// Plain ASCII digits with at most two decimals (`1234`, `1234.5`, `1234.50`); `nil` for any
    /// other form, which ``amount(_:)`` then reads or explains.
    @inline(__always)
    static func plainAmount(_ p: UnsafeBufferPointer<UInt8>) -> Exact? {
        var fen: Int64 = 0
        var i = 0
        let n = p.count
        guard n > 0, n <= 15 else { return nil }
        while i < n && p[i] != 0x2E {
            let d = p[i] &- 0x30
            guard d < 10 else { return nil }
            fen = fen * 10 + Int64(d)
            i += 1
        }
        guard i > 0 else { return nil }
        var cents: Int64 = 0
        if i < n {
            let decimals = n - i - 1
            guard decimals == 1 || decimals == 2 else { return nil }
            for k in 0..<decimals {
                let d = p[i + 1 + k] &- 0x30
                guard d < 10 else { return nil }
                cents += Int64(d) * (k == 0 ? 10 : 1)
            }
        }
        return Exact(fen: fen * 100 + cents)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
