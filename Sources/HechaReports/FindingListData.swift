import HechaCore

/// The report's list of findings as compact data the page renders a page at a time (a report of
/// 90,000 findings would be 70 MB of table that a browser takes over a minute to lay out): two
/// `<script type="application/json">` blocks, written in ``HumanOrder``.
///
/// `finding-lookups` holds what rows refer to by number, and the page's labels:
///
/// ```
/// {"towns": ["城关镇", …],                       in ChineseOrder: a row's town number is its rank
///  "rules": [[title, category, severity label, "high"|"medium"|"low", rank 1–3, 核查要点], …],  ruleset order
///  "labels": {"head": "户主：", "page": "第 %1 / %2 页，共 %3 条", …}}
/// ```
///
/// `finding-rows` is an array of arrays, one a finding, masked as everywhere for people:
///
/// ```
/// [id, town number, village, household, head name, rule number, person name, person id,
///  application, amount ("" when none), [evidence, grouped by file],
///  [member concerned and decisive values, "label：value", masked]]
/// ```
///
/// Text is escaped so that nothing in the data can close the script element (`<`, `>` and `&`
/// are written as `\u003c`, `\u003e`, `\u0026`).
enum FindingListData {
    /// The ordered findings, and the two JSON texts.
    static func build(_ input: ReportInput, ordered: [Finding]) -> (lookups: String, rows: String) {
        let l = input.language
        let towns = ChineseOrder.sorted(ordered.map { input.households.town(of: $0.household) })
        let townNumber = Dictionary(uniqueKeysWithValues: towns.enumerated().map { ($1, $0) })
        let ruleIDs = ruleIDs(input, ordered: ordered)
        let ruleNumber = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
        let rules = ruleIDs.map { id -> String in
            let r = input.rule(id)
            let severity = r?.severity ?? .low
            let rank: Int
            switch severity {
            case .high: rank = 1
            case .medium: rank = 2
            case .low: rank = 3
            }
            return "[" + [s(r?.title ?? id), s(l.category(r?.category ?? ReportTotals.otherCategory)),
                          s(r.map { l.text(SeverityLabel.key($0.severity)) } ?? ""), s(severity.rawValue), String(rank),
                          s(r?.verify ?? "")]
                .joined(separator: ",") + "]"
        }
        var labels: [(String, String)] = [("head", s(l.labelled(l.text(.head))))]
        labels.append(("page", s(l.text(.pageOf))))
        labels.append(("none", s(l.text(.noMatch))))
        for (name, key) in FindingListColumns.all.map({ ($0.name, $0.label) }) { labels.append((name, s(l.text(key)))) }
        let lookups = "{\"towns\":[" + towns.map(s).joined(separator: ",") + "],\n\"rules\":[" + rules.joined(separator: ",\n")
            + "],\n\"labels\":{" + labels.map { s($0.0) + ":" + $0.1 }.joined(separator: ",") + "}}"

        var out = "[\n"
        out.reserveCapacity(ordered.count * 200)
        for (i, f) in ordered.enumerated() {
            let h = input.households[f.household]
            let name = f.person.flatMap { h?.memberNames[$0] }.map(PrivacyMask.name) ?? ""
            let evidence = EvidenceText.groups(f.evidence, limit: 4).map(s).joined(separator: ",")
            let fields = [s(FindingID.of(f)), String(townNumber[input.households.town(of: f.household)]!), s(h?.village ?? ""),
                          s(f.household), s(PrivacyMask.name(h?.headName ?? "")), String(ruleNumber[f.rule]!),
                          s(name), s(f.person.map(PrivacyMask.id) ?? ""), s(f.application ?? ""),
                          s(f.amount?.decimalString(places: 2) ?? ""), "[" + evidence + "]",
                          "[" + ([FindingDetailsText.concerned(f, input.households), FindingListData.standing(f, input)].filter { !$0.isEmpty }
                                 + FindingDetailsText.masked(f)).map(s).joined(separator: ",") + "]"]
            out += "[" + fields.joined(separator: ",") + "]" + (i + 1 < ordered.count ? ",\n" : "\n")
        }
        out += "]"
        return (lookups, out)
    }

    /// The rules that have findings, in ruleset order; a finding of a rule that is not listed comes
    /// after them, shown by its id. A row's rule number is its place here.
    static func ruleIDs(_ input: ReportInput, ordered: [Finding]) -> [String] {
        let used = Set(ordered.map(\.rule))
        var seen = Set<String>()
        var ids = input.rules.map(\.id).filter { used.contains($0) && seen.insert($0).inserted }
        for f in ordered where seen.insert(f.rule).inserted { ids.append(f.rule) }
        return ids
    }

    /// `状态：待核查（自 2024-11-30）` when the run used a lead ledger, else "".
    static func standing(_ f: Finding, _ input: ReportInput) -> String {
        guard let s = input.ledger?.standings[FindingID.of(f)] else { return "" }
        return input.language.labelled(input.language == .chinese ? "状态" : "status") + s.status
            + input.language.parenthesised((input.language == .chinese ? "自 " : "since ") + s.since)
    }

    /// A JSON string that can stand inside a `<script>` element.
    static func s(_ text: String) -> String {
        let json = JSONText.string(text)
        guard json.contains(where: { $0 == "<" || $0 == ">" || $0 == "&" }) else { return json }
        return json.replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
    }
}
