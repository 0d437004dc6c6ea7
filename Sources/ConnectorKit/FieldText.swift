/// Clean-up shared by every field normaliser: full-width characters folded to half-width and
/// surrounding blanks trimmed.
public enum FieldText {
    /// Folds full-width ASCII variants (`０`–`９`, `Ａ`–`Ｚ`, `ｘ`, `，`, `．`, `－`, `／`, …, U+FF01–U+FF5E)
    /// to their ASCII forms, and the ideographic space U+3000 to a space. Other text is unchanged.
    public static func halfWidth(_ text: String) -> String {
        var needs = false
        for u in text.unicodeScalars where (0xFF01...0xFF5E).contains(u.value) || u.value == 0x3000 {
            needs = true
            break
        }
        guard needs else { return text }
        var scalars = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(u.value) {
                scalars.append(Unicode.Scalar(u.value - 0xFEE0)!)
            } else if u.value == 0x3000 {
                scalars.append(" ")
            } else {
                scalars.append(u)
            }
        }
        return String(scalars)
    }

    /// Whether `u` is blank around a value: ASCII spaces and tabs, CR/LF, no-break space,
    /// the ideographic space U+3000 and a stray byte-order mark U+FEFF.
    public static func isBlank(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0xFEFF, 0x2002...0x200B: return true
        default: return false
        }
    }

    /// `text` without blanks (see ``isBlank(_:)``) at either end.
    public static func trimmed(_ text: String) -> String {
        let s = text.unicodeScalars
        guard let first = s.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = s.lastIndex(where: { !isBlank($0) })!
        if first == s.startIndex && last == s.index(before: s.endIndex) { return text }
        return String(s[first...last])
    }

    /// Trimmed and folded to half-width: the form numbers, dates and id numbers are parsed from.
    public static func normalized(_ text: String) -> String { trimmed(halfWidth(text)) }
}
