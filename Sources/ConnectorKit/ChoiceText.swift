/// Reads yes/no fields and values from closed lists (`∈ a | b` in the data specification).
public enum ChoiceText {
    /// `是` → `true`, `否` → `false` (blanks trimmed); anything else is a ``ValueProblem``.
    public static func yesNo(_ raw: String) throws(ValueProblem) -> Bool {
        switch FieldText.trimmed(raw) {
        case "是": return true
        case "否": return false
        default: throw ValueProblem("'\(raw)' 应为 是 或 否")
        }
    }

    /// The trimmed value when it is one of `allowed`; otherwise a ``ValueProblem`` naming them.
    public static func oneOf(_ raw: String, _ allowed: [String]) throws(ValueProblem) -> String {
        let s = FieldText.trimmed(raw)
        guard allowed.contains(s) else {
            throw ValueProblem("'\(raw)' 不在允许的取值中（\(allowed.joined(separator: " | "))）")
        }
        return s
    }
}
