import Foundation
import HechaHost
@testable import HechaLedger
import Testing
import TestSupport

/// What is PostgreSQL's own in a ledger on a server: the URL, a server that refuses the user,
/// the placeholders of the shared SQL.
struct LedgerPostgresTests {
    @Test func aLedgerURLWithAPasswordIsRefusedWithoutRepeatingIt() {
        #expect {
            _ = try LedgerStore(path: "postgresql://hecha:secret@127.0.0.1:5432/ledger")
        } throws: { e in
            let text = "\(e)"
            return text.contains("postgresql://hecha:…@127.0.0.1:5432/ledger: error: the ledger URL must not hold a password")
                && text.contains("PGPASSWORD") && !text.contains("secret")
        }
    }

    @Test func aRunWithALedgerURLThatHoldsAPasswordIsAConfigurationError() throws {
        let dir = LedgerFixture.demoCopy()
        #expect {
            try LedgerFixture.run(dir, ledger: "postgres://hecha:secret@127.0.0.1/ledger")
        } throws: { e in (e as? HostError)?.code == .configuration }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test(arguments: LedgerBackend.postgresOnly) func aServerThatRefusesTheUserIsAClearError(backend: LedgerBackend) throws {
        let url = try backend.freshLedger()
        let refused = url.replacingOccurrences(of: "://\(TestPostgres.parts!.user)@", with: "://nobody@")
        #expect {
            _ = try LedgerStore(path: refused)
        } throws: { e in
            let text = "\(e)"
            return text.contains("\(refused): error: cannot connect to the ledger's PostgreSQL server:")
                && text.contains("nobody") && text.contains("hint: check the user, the password (PGPASSWORD or the passfile)")
        }
    }

    @Test(arguments: LedgerBackend.postgresOnly) func aDatabaseThatDoesNotExistSaysToCreateIt(backend: LedgerBackend) throws {
        let p = try #require(TestPostgres.parts)
        let url = "postgresql://\(p.user)@\(p.host):\(p.port)/hecha_no_such_ledger"
        #expect {
            _ = try LedgerStore(path: url)
        } throws: { e in "\(e)".contains("\(url): error: cannot connect to the ledger's PostgreSQL server:")
            && "\(e)".contains("hint: create the database first (e.g. createdb -h \(p.host) -p \(p.port) -U \(p.user) hecha_no_such_ledger)") }
    }

    @Test func questionMarksBecomeNumberedPlaceholdersOutsideQuotes() {
        #expect(PostgresLedgerSQL.numbered("SELECT ? , '?' , \"a?\" FROM t WHERE x = ? AND y IN (?, ?)")
                == "SELECT $1 , '?' , \"a?\" FROM t WHERE x = $2 AND y IN ($3, $4)")
    }

    @Test func eachRegionHasItsOwnRunLock() {
        #expect(PostgresLedgerDatabase.runLockKey(region: "330106") == PostgresLedgerDatabase.runLockKey(region: "330106"))
        #expect(PostgresLedgerDatabase.runLockKey(region: "330106") != PostgresLedgerDatabase.runLockKey(region: "330108"))
    }
}
