/// Text from an input file made fit for a message on the terminal: control characters (a NUL, an
/// escape sequence, a line break) written as escapes, and a long value cut to a bounded excerpt,
/// so that a 1 MB header or a binary field is never echoed whole.
public enum MessageText {
    /// How many characters of a value (a column name, a file name) a message shows.
    public static let valueCharacters = 60
    /// How many characters of a reject reason (which may quote a field) are kept.
    public static let reasonCharacters = 300

    /// `text` with control characters escaped and, when longer than `limit` characters, its
    /// middle left out (the start and the end stay, and the count of what was left out is said).
    public static func excerpt(_ text: String, limit: Int = valueCharacters) -> String {
        var clean = true
        for u in text.unicodeScalars where u.value < 0x20 || (0x7F...0x9F).contains(u.value) {
            clean = false
            break
        }
        if clean && text.unicodeScalars.count <= limit { return text }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > limit else { return escaped(scalars[...]) }
        let head = max(1, limit * 2 / 3), tail = max(1, limit - head)
        return escaped(scalars[..<head]) + "…[\(scalars.count - head - tail) characters left out]…"
            + escaped(scalars[(scalars.count - tail)...])
    }

    private static func escaped(_ part: ArraySlice<Unicode.Scalar>) -> String {
        var out = ""
        out.reserveCapacity(part.count)
        for u in part {
            switch u.value {
            case 0x00: out += "\\0"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0..<0x20, 0x7F...0x9F: out += "\\u{\(String(u.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A reject reason bounded for messages (see ``reasonCharacters``).
    static func reason(_ text: String) -> String { excerpt(text, limit: reasonCharacters) }
}
