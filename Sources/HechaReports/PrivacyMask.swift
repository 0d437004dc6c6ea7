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
    /// ASCII or full-width digits (household ids are shorter), optionally ending in X, is taken for
    /// an id number (perhaps a wrong one) and masked with ``id(_:)``. The digits may be written in
    /// groups with single spaces (U+3000 too), tabs or dashes between them, as people write ids
    /// (`420525 1949 0521 2552`, `420525-19490521-2552`): such a run is masked as the id it
    /// normalises to, separators dropped. Other text is unchanged.
    public static func idsInText(_ text: String) -> String {
        var out = ""
        var run = ""      // the run's digits (and X), separators left out
        var written = ""  // the run as written, separators kept
        var separator: Character?  // one separator after the run, kept only if a digit follows
        var before: Character?     // the character before the run
        func flush(next: Character?) {
            // an id stands on its own: a run inside a word (a hex name such as a UUID) is not one
            let alone = !(before?.isASCIIWordCharacter ?? false) && !(next?.isASCIIWordCharacter ?? false)
            out += run.count >= 14 && alone ? id(run) : written
            run = ""
            written = ""
            if let s = separator { out.append(s) }
            separator = nil
        }
        for ch in text {
            if ch.isIDDigit || (!run.isEmpty && separator == nil && ch.isIDCheckX && run.last!.isIDDigit) {
                if run.isEmpty { before = out.last }
                if let s = separator { written.append(s) }
                separator = nil
                run.append(ch)
                written.append(ch)
            } else if !run.isEmpty && separator == nil && ch.isIDSeparator {
                separator = ch
            } else {
                if !run.isEmpty { flush(next: separator ?? ch) }
                out.append(ch)
            }
        }
        if !run.isEmpty { flush(next: separator) }
        return out
    }
}

extension Character {
    fileprivate var isIDDigit: Bool { ("0"..."9").contains(self) || ("０"..."９").contains(self) }
    fileprivate var isIDCheckX: Bool { self == "X" || self == "x" || self == "Ｘ" || self == "ｘ" }
    /// What people put between the groups of an id's digits.
    /// An ASCII letter or digit: what a word of a name (a UUID, a hex digest) is made of.
    fileprivate var isASCIIWordCharacter: Bool { isASCII && (isLetter || isNumber) }
    fileprivate var isIDSeparator: Bool { self == " " || self == "\u{3000}" || self == "\t" || self == "-" || self == "－" }
}

extension String {
    func trimmingBlanks() -> Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}
