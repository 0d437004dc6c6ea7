/// One row of a ledger query's result: its columns by name, in the query's order, whatever the
/// backend. `row("id")` reads a column as the Swift type wanted, and says which column did not fit.
struct LedgerRow: Sendable {
    /// The columns' names, in the query's order.
    var columns: [String]
    /// The values, one per column.
    var values: [LedgerValue]

    /// The value of column `name` as `T`; throws when the column is missing or holds another kind.
    func callAsFunction<T: LedgerColumnValue>(_ name: String) throws(LedgerError) -> T {
        guard let i = columns.firstIndex(of: name) else {
            throw LedgerError("the ledger has no column '\(name)' where one was expected; hint: is this a Hecha ledger?")
        }
        guard let v = T(ledgerValue: values[i]) else {
            throw LedgerError("the ledger's column '\(name)' holds \(values[i]) where \(T.self) was expected; hint: is this a Hecha ledger?")
        }
        return v
    }

    /// The first column's value as `T` (the one of `SELECT count(*) …`).
    func first<T: LedgerColumnValue>() throws(LedgerError) -> T {
        guard let name = columns.first else { throw LedgerError("a ledger query gave a row without columns") }
        return try self(name)
    }
}
