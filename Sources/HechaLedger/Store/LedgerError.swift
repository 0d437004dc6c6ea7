/// A problem with the lead ledger or with what someone asked of it, worded for people: what is
/// wrong, where, and what to do.
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    /// The message, with the ledger file or input place it is about.
    public var message: String

    /// An error with its message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
