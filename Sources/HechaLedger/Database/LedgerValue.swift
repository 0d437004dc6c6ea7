/// One value of a ledger statement's arguments or results, the same on SQLite and PostgreSQL:
/// the ledger keeps only text and integers (booleans as 0 and 1, amounts as decimal text).
enum LedgerValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
}

/// A Swift value passed to a ledger statement as an argument (`?` in the shared SQL).
protocol LedgerArgument {
    /// The value as the statement gets it.
    var ledgerValue: LedgerValue { get }
}

/// A Swift value read from a ledger row; nil from `init?(ledgerValue:)` when the value does not fit.
protocol LedgerColumnValue {
    /// The Swift value of `value`, or nil when it is of another kind (NULL for a non-optional).
    init?(ledgerValue value: LedgerValue)
}

extension String: LedgerArgument, LedgerColumnValue {
    var ledgerValue: LedgerValue { .text(self) }
    init?(ledgerValue value: LedgerValue) {
        guard case .text(let s) = value else { return nil }
        self = s
    }
}

extension Int64: LedgerArgument, LedgerColumnValue {
    var ledgerValue: LedgerValue { .integer(self) }
    init?(ledgerValue value: LedgerValue) {
        guard case .integer(let i) = value else { return nil }
        self = i
    }
}

extension Int: LedgerArgument, LedgerColumnValue {
    var ledgerValue: LedgerValue { .integer(Int64(self)) }
    init?(ledgerValue value: LedgerValue) {
        guard case .integer(let i) = value else { return nil }
        self = Int(i)
    }
}

extension Bool: LedgerArgument, LedgerColumnValue {
    var ledgerValue: LedgerValue { .integer(self ? 1 : 0) }
    init?(ledgerValue value: LedgerValue) {
        guard case .integer(let i) = value else { return nil }
        self = i != 0
    }
}

extension Optional: LedgerArgument where Wrapped: LedgerArgument {
    var ledgerValue: LedgerValue { self?.ledgerValue ?? .null }
}

extension Optional: LedgerColumnValue where Wrapped: LedgerColumnValue {
    init?(ledgerValue value: LedgerValue) {
        if value == .null {
            self = .none
        } else {
            guard let w = Wrapped(ledgerValue: value) else { return nil }
            self = .some(w)
        }
    }
}
