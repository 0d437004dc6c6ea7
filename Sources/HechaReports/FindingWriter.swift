import HechaCore

/// Writes `findings.jsonl`: one finding a line, for machines (full id numbers), with the keys `id`
/// (the stable ``FindingID``), `rule`, `household`, `person`, `application`, `amount`, `concerned`
/// (the member a household-level lead is about), `details` (the decisive values, unmasked:
/// `[{"label": "车辆·号牌号码", "value": "…"}]`), `evidence`.
public enum FindingWriter {
    /// One line of JSON (without the newline).
    public static func line(_ f: Finding) -> String {
        let evidence = "[" + f.evidence.map { e in
            JSONText.object([("source", JSONText.string(e.source)), ("file", JSONText.string(e.file)), ("line", String(e.line))])
        }.joined(separator: ", ") + "]"
        return JSONText.object([
            ("id", JSONText.string(FindingID.of(f))),
            ("rule", JSONText.string(f.rule)),
            ("household", JSONText.string(f.household)),
            ("person", JSONText.optionalString(f.person)),
            ("application", JSONText.optionalString(f.application)),
            ("amount", f.amount.map { JSONText.string($0.decimalString(places: 2)) } ?? "null"),
            ("concerned", JSONText.optionalString(f.concerned)),
            ("details", "[" + f.details.map { d in
                JSONText.object([("label", JSONText.string(d.label)), ("value", JSONText.string(d.text))])
            }.joined(separator: ", ") + "]"),
            ("evidence", evidence),
        ])
    }

    /// The whole file's text, findings in the order given.
    public static func text(_ findings: [Finding]) -> String {
        var out = ""
        for f in findings { out += line(f) + "\n" }
        return out
    }
}
