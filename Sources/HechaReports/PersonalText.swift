extension PrivacyMask {
    /// A personal value shown to people (a plate, an account, a name, an address): an id number
    /// masked as ids are; a name as names are; anything longer keeps its first two and last two
    /// characters (`鄂E****6E`, `6230********3234`), so a case worker can match it against a
    /// document without the list disclosing it.
    public static func personal(_ text: String) -> String {
        let masked = idsInText(text)
        if masked != text { return masked }
        let chars = Array(text)
        if chars.count <= 4 { return name(text) }
        return String(chars.prefix(2)) + String(repeating: "*", count: chars.count - 4) + String(chars.suffix(2))
    }
}
