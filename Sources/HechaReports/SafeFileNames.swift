import HechaCore

/// File names for values that come from the data (a 镇街 of `by-township/<镇街>.csv`, a source id of
/// `rejects/<source>.csv`): safe on every file system a township's worker may copy them to, and one
/// file per value, whatever the values are.
///
/// A value that is already a safe name is used as is (`鸣凤镇` → `鸣凤镇.csv`). Otherwise path
/// separators, characters Windows refuses (`\ : * ? " < > |`), control and invisible format
/// characters (line breaks, bidi overrides that could disguise `.csv`) become `_`; a leading dot,
/// trailing dots and spaces, and Windows device names (`CON`, `NUL`, `COM1`, …) are defused; the name
/// is cut to ``maxStemBytes`` bytes of UTF-8 at a character boundary; and, because two values may
/// then look alike (`鸣凤/镇` and `鸣凤_镇`), a changed name always carries the first 8 hex digits of
/// the SHA-256 of the value (`鸣凤_镇-1b2c3d4e.csv`). The same value gets the same name in every run.
/// Names that would still be one file (on a case-insensitive file system too) are told apart by a
/// longer hash, in the order of the values, so the result depends only on the set of values.
public enum SafeFileNames {
    /// The most bytes of a name before its hash suffix and `.csv` (file systems take 255).
    public static let maxStemBytes = 120

    /// Each value's file name (with `extension`), all distinct, ignoring case.
    public static func assign(_ values: some Sequence<String>, extension ext: String = ".csv") -> [String: String] {
        let distinct = Set(values).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var result: [String: String] = [:]
        var used: Set<String> = []
        // names kept as they are go first, so that a value never loses its plain name to another
        // value's changed one
        let kept = distinct.filter { stem(of: $0) == $0 }
        let changed = distinct.filter { stem(of: $0) != $0 }
        for value in kept + changed {
            var hashLengths = [8, 16, 32, 64]
            if stem(of: value) == value { hashLengths.insert(0, at: 0) }
            var chosen = hashLengths.lazy.map { candidate(value, hashLength: $0) + ext }.first { used.insert($0.lowercased()).inserted }
            var n = 2
            while chosen == nil {
                let numbered = candidate(value, hashLength: 64) + "-\(n)" + ext
                if used.insert(numbered.lowercased()).inserted { chosen = numbered }
                n += 1
            }
            result[value] = chosen
        }
        return result
    }

    /// The name of one value on its own (as ``assign(_:extension:)`` gives it when nothing collides).
    public static func name(of value: String, extension ext: String = ".csv") -> String {
        candidate(value, hashLength: stem(of: value) == value ? 0 : 8) + ext
    }

    static func candidate(_ value: String, hashLength: Int) -> String {
        let s = stem(of: value)
        guard hashLength > 0 else { return s }
        return s + "-" + String(SHA256.hex(Array(value.utf8)).prefix(hashLength))
    }

    /// The value with every unsafe character replaced and cut to ``maxStemBytes``.
    static func stem(of value: String) -> String {
        var out = ""
        var bytes = 0
        for ch in value {
            let safe: Character = isUnsafe(ch) ? "_" : ch
            let size = String(safe).utf8.count
            if bytes + size > maxStemBytes { break }
            out.append(safe)
            bytes += size
        }
        if out.isEmpty || out.hasPrefix(".") { out = "_" + out }
        if let last = out.last, last == "." || last == " " {  // Windows drops them: one byte for one
            out.removeLast()
            out += "_"
        }
        let device = out.split(separator: ".", maxSplits: 1).first.map { $0.uppercased() } ?? ""
        if windowsDeviceNames.contains(device) { out = "_" + out }
        return out
    }

    static func isUnsafe(_ ch: Character) -> Bool {
        if "/\\:*?\"<>|".contains(ch) { return true }
        return ch.unicodeScalars.contains { u in
            switch u.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse: return true
            default: return false
            }
        }
    }

    static let windowsDeviceNames: Set<String> = {
        var names: Set<String> = ["CON", "PRN", "AUX", "NUL"]
        for i in 1...9 { names.insert("COM\(i)"); names.insert("LPT\(i)") }
        return names
    }()
}
