/// Masks personal data in human-facing outputs (HTML, CSV, the terminal). Only `findings.jsonl`
/// carries full id numbers.
public enum PrivacyMask {
    /// An id number with its middle replaced by `*`, keeping the length:
    /// - 15 characters or more (the 18-character id, the legacy 15-digit one, anything close): the
    ///   first 6 (the region code) and the last 4 stay, `441900********123X`;
    /// - shorter (an invalid id): a quarter at each end stays, so at least half is hidden
    ///   (`42052519` → `42****19`); 3 characters or fewer are hidden whole.
    /// Surrounding blanks are dropped; an empty id stays empty.
    public static func id(_ raw: String) -> String {
        let chars = Array(raw.trimmingBlanks())
        let n = chars.count
        let (head, tail) = n >= 15 ? (6, 4) : (n / 4, n / 4)
        return String(chars[0..<head]) + String(repeating: "*", count: n - head - tail) + String(chars[(n - tail)...])
    }

    /// A name with the given name masked: the first character (the surname) stays and every other
    /// character is replaced by `*` (`张三` → `张*`, `欧阳娜娜` → `欧***`). A one-character name is
    /// hidden whole (`*`); blanks inside a name are kept (`Li Wei` → `L* ***`).
    public static func name(_ raw: String) -> String {
        let chars = Array(raw.trimmingBlanks())
        guard chars.count > 1 else { return chars.isEmpty ? "" : "*" }
        return String(chars[0]) + String(chars.dropFirst().map { $0 == " " ? " " : "*" })
    }

    /// Free text (a reject reason, a message) with every id-like run masked: a run of 14 or more
    /// ASCII or full-width digits (household ids are shorter), optionally ending in X, is taken for an id number (perhaps a
    /// wrong one) and masked with ``id(_:)``. Other text is unchanged.
    public static func idsInText(_ text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            if run.count >= 14 { out += id(run) } else { out += run }
            run = ""
        }
        for ch in text {
            if ch.isIDDigit || (!run.isEmpty && (ch == "X" || ch == "x" || ch == "Ｘ" || ch == "ｘ") && run.last!.isIDDigit) {
                run.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }
}

extension Character {
    fileprivate var isIDDigit: Bool { ("0"..."9").contains(self) || ("０"..."９").contains(self) }
}

extension String {
    func trimmingBlanks() -> Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}
