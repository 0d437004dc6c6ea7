/// Where a ledger lives, behind ``LedgerStore``: a SQLite file (``SQLiteLedgerDatabase``) or a
/// PostgreSQL database (``PostgresLedgerDatabase``). Each gives transactions in which the shared
/// SQL runs (``LedgerSQL``), words its own errors for people, and keeps runs of one region apart.
protocol LedgerDatabase: Sendable {
    /// The ledger as given: the file's path, or the URL.
    var location: String { get }

    /// Runs `work` in one write transaction, committed when it returns and rolled back when it
    /// throws (the error is rethrown as is). Write transactions take turns, as on SQLite.
    func write<T>(_ work: (any LedgerSQL) throws -> T) throws -> T

    /// Like ``write(_:)`` for a run of `region`: refused at once (with a message that says so)
    /// while another run of that region is under way against this ledger; it may overlap runs of
    /// other regions (which change other leads), never another kind of write.
    func writeRun<T>(region: String, _ work: (any LedgerSQL) throws -> T) throws -> T

    /// Runs `work` with a consistent view of the ledger.
    func read<T>(_ work: (any LedgerSQL) throws -> T) throws -> T

    /// An error of this backend, worded for people; `doing` is "read", "write to"…
    func explain(_ error: any Error, doing: String) -> LedgerError

    /// Whether `error` is another writer holding the ledger (or the rows wanted) for too long.
    func isBusy(_ error: any Error) -> Bool

    /// How long a write waits for another's, in seconds.
    var waitSeconds: Double { get }
}
