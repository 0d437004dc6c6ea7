import HechaCore

/// A JSON value written with two-space indentation and keys in the order given, so that a manifest
/// reads well and diffs line by line (the start and end times each stand on their own line).
indirect enum PrettyJSON {
    /// Already JSON text (a string from ``JSONText/string(_:)``, a number, `null`, a one-line object).
    case raw(String)
    case object([(String, PrettyJSON)])
    case array([PrettyJSON])

    static func string(_ s: String) -> PrettyJSON { .raw(JSONText.string(s)) }
    static func int(_ i: Int) -> PrettyJSON { .raw(String(i)) }

    func text(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .raw(let t): return t
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { inner + JSONText.string($0.0) + ": " + $0.1.text(indent: inner) }.joined(separator: ",\n")
                + "\n" + indent + "}"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        }
    }
}
