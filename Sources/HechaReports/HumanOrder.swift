import HechaCore

/// The order findings are listed in for people: by township and village in ``ChineseOrder`` (by
/// pinyin), household, then the rules' order, person and application, so that a case worker's
/// leads stand together.
public enum HumanOrder {
    /// The input's findings in this order.
    public static func sorted(_ input: ReportInput) -> [Finding] {
        var ruleIndex: [String: Int] = [:]
        for (i, r) in input.rules.enumerated() where ruleIndex[r.id] == nil { ruleIndex[r.id] = i }
        let towns = ChineseOrder.ranks(input.findings.map { input.households.town(of: $0.household) })
        let villages = ChineseOrder.ranks(input.findings.map { input.households[$0.household]?.village ?? "" })
        func key(_ f: Finding) -> (Int, Int, String) {
            (towns[input.households.town(of: f.household)]!, villages[input.households[f.household]?.village ?? ""]!, f.household)
        }
        let keyed = input.findings.map { (key($0), ruleIndex[$0.rule] ?? Int.max, $0) }
        return keyed.sorted { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return Finding.ordered(a.2, b.2)
        }.map(\.2)
    }
}
