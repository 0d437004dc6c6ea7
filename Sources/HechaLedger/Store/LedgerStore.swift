import Foundation
import HechaRules

/// An open lead ledger: a SQLite file (WAL mode, shared safely by several processes on one
/// machine) or, given a `postgresql://USER@HOST[:PORT]/DB` URL, a PostgreSQL database shared by
/// several machines' runs and the workbench. Either way the same tables, migrations and SQL: a
/// writer waits up to ``busySeconds`` for another to finish, then is refused with a message that
/// says so; opening brings an older ledger's schema up to date and refuses one written by a newer
/// Hecha.
public final class LedgerStore: Sendable {
    /// The ledger as given: the file's path, or the PostgreSQL URL.
    public let path: String
    let database: any LedgerDatabase

    /// How long a write waits for another process's write to finish.
    public static let busySeconds: Double = 15

    /// The default ledger of a region file: `<folder>/<name>.ledger.sqlite` beside it.
    public static func defaultPath(forRegionFile region: String) -> String {
        let url = URL(fileURLWithPath: region)
        let name = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(name + ".ledger.sqlite").path
    }

    /// Whether `location` names a ledger on a PostgreSQL server rather than a file.
    public static func isServer(_ location: String) -> Bool { PostgresURL.looksLikeOne(location) }

    /// Opens (or creates) the ledger at `path` (a file, or a PostgreSQL URL) and migrates it.
    public init(path: String, busySeconds: Double = LedgerStore.busySeconds) throws(LedgerError) {
        self.path = path
        database = LedgerStore.isServer(path)
            ? try PostgresLedgerDatabase(url: path, busySeconds: busySeconds)
            : try SQLiteLedgerDatabase(path: path, busySeconds: busySeconds)
    }

    /// Runs `work` in one write transaction, committed when it returns.
    func write<T>(_ work: (any LedgerSQL) throws -> T) throws(LedgerError) -> T {
        do {
            return try database.write(work)
        } catch let e as LedgerError {
            throw e
        } catch {
            throw database.explain(error, doing: "write to")
        }
    }

    /// Runs `work` with a consistent view of the ledger.
    func read<T>(_ work: (any LedgerSQL) throws -> T) throws(LedgerError) -> T {
        do {
            return try database.read(work)
        } catch let e as LedgerError {
            throw e
        } catch {
            throw database.explain(error, doing: "read")
        }
    }
}
