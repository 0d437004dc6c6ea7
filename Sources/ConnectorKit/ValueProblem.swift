/// Why a field's text cannot be read as the value it should hold, e.g.
/// `'2024-13-01' 不是有效日期`. The row helpers put the column name in front of it.
public struct ValueProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, quoting the offending text.
    public var reason: String

    /// A problem described by `reason`, which should quote the offending text.
    public init(_ reason: String) { self.reason = reason }

    /// The reason, as given.
    public var description: String { reason }
}
