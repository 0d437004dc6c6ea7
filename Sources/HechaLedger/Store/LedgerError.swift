/// A problem with the lead ledger or with what someone asked of it, worded for people: what is
/// wrong, where, and what to do.
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    /// The message, with the ledger file or input place it is about.
    public var message: String

    /// The input field it is about (`status`, `reason`, `amount`…), when it is about one.
    public var field: String?

    /// An error with its message, and the field of the input it is about.
    public init(_ message: String, field: String? = nil) {
        self.message = message
        self.field = field
    }

    /// The message.
    public var description: String { message }
}
