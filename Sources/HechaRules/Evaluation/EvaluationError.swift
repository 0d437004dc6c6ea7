import HechaCore

/// A problem that stops one rule for one subject: a parameter with no value in force on a date,
/// a date outside the calendar, a division by zero.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    /// What went wrong for this subject, with its values.
    public var message: String
    /// The place in the rule (or the parameter) that failed.
    public var location: SourceLocation?
    /// What went wrong, without what differs from one household to the next: failures with the
    /// same cause and location are one problem to fix (``FailureSummary``). `nil`: the message.
    public var cause: String? = nil
    /// `location: message`.
    public var description: String { (location.map { "\($0): " } ?? "") + message }

    /// An arithmetic operation of a rule without an exact result; `operation` shows its values.
    static func arithmetic(_ error: ExactError, _ operation: String, at: SourceLocation?) -> EvaluationError {
        switch error {
        case .divisionByZero:
            return EvaluationError(message: "division by zero in \(operation)", location: at, cause: "division by zero")
        case .overflow:
            return EvaluationError(message: "the result is too large to compute exactly (more than 38 digits): \(operation)", location: at,
                                   cause: "\(error); check the values this expression multiplies or divides")
        }
    }
}
