/// Thrown while a row is read to reject it: the file loop records it as a ``RejectedRow`` with the
/// file, the line, this reason and the row's raw text, and goes on with the next row.
public struct RowReject: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the row cannot be used, naming the column, e.g. `死亡日期 '2024-13-01' 不是有效日期`.
    public var reason: String

    /// Rejects the row for `reason`; name the column and quote the offending text.
    public init(_ reason: String) { self.reason = reason }

    /// The reason, as written to the reject file.
    public var description: String { reason }
}
