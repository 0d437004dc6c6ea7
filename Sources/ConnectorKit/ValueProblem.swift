/// Why a field's text cannot be read as the value it should hold, e.g.
/// `'2024-13-01' 不是有效日期`. The row helpers put the column name in front of it.
public struct ValueProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, quoting the offending text.
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
