import HechaCore

/// A finding's decisive values (``Finding/details``) as lines of `label：value` for people:
/// personal values masked (``PrivacyMask/personal(_:)``), id numbers in any other value masked too.
enum FindingDetailsText {
    /// At most this many values are shown in a list for people; findings.jsonl has them all.
    static let shown = 24

    static func masked(_ f: Finding) -> [String] {
        var lines = f.details.prefix(shown).map { d in
            d.label + "：" + (d.personal ? PrivacyMask.personal(d.text) : PrivacyMask.idsInText(d.text))
        }
        if f.details.count > shown { lines.append("…（另 \(f.details.count - shown) 项，见 findings.jsonl）") }
        return lines
    }

    /// The member a household-level lead is about, as `姓名 身份证号`, masked.
    static func concerned(_ f: Finding, _ households: HouseholdDirectory) -> String {
        guard let id = f.concerned else { return "" }
        let name = households[f.household]?.memberNames[id].map(PrivacyMask.name) ?? ""
        return (name.isEmpty ? "" : name + " ") + PrivacyMask.id(id)
    }
}
