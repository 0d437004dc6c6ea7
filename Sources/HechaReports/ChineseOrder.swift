import Foundation

/// The order a Chinese reader expects names in: by pinyin (鸣凤镇 míng after 花林寺镇 huā), as
/// Foundation's ICU collation for `zh@collation=pinyin` gives it, not by code point. Names that
/// collate alike are ordered by their code points, so the order is total and every run gives the
/// same one. ``HouseholdDirectory/unknownTown`` comes last.
public enum ChineseOrder {
    static let locale = Locale(identifier: "zh@collation=pinyin")

    /// Whether `a` comes before `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        if a == b { return false }
        if a == HouseholdDirectory.unknownTown || b == HouseholdDirectory.unknownTown { return b == HouseholdDirectory.unknownTown }
        switch a.compare(b, options: [], range: nil, locale: locale) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }
    }

    /// The names, each once, in this order.
    public static func sorted(_ names: some Sequence<String>) -> [String] {
        Set(names).sorted(by: precedes)
    }

    /// Each name's place in ``sorted(_:)``: sorting many rows by a few names compares integers.
    public static func ranks(_ names: some Sequence<String>) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: sorted(names).enumerated().map { ($1, $0) })
    }
}
