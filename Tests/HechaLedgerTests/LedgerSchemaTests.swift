import Foundation
import GRDB
@testable import HechaLedger
import Testing
import TestSupport

/// The ledger's schema on both backends: versioned migrations by the same identifiers, an older
/// ledger brought up to date, refusal of a newer one, append-only events.
struct LedgerSchemaTests {
    /// Runs `statements` on the ledger at `location` directly, not through Hecha.
    static func raw(_ location: String, _ statements: [String]) throws {
        if LedgerStore.isServer(location) {
            for s in statements { try TestLedger.admin(s, database: TestLedger.databaseName(location)) }
        } else {
            let q = try DatabaseQueue(path: location)
            try q.write { db in for s in statements { try db.execute(sql: s) } }
            try q.close()
        }
    }

    @Test func bothBackendsKnowTheSameMigrations() {
        #expect(LedgerSchema.migrator.migrations == LedgerSchema.identifiers)
        #expect(PostgresLedgerSchema.migrations.map(\.id) == LedgerSchema.identifiers)
    }

    @Test(arguments: LedgerBackend.available) func aNewLedgerHasEveryMigration(backend: LedgerBackend) throws {
        let store = try LedgerStore(path: try backend.freshLedger(named: "l.sqlite"))
        let applied: [String] = try store.read { db in try db.values("SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == LedgerSchema.identifiers.sorted())
        if backend == .sqlite {
            #expect(try store.read { db in try db.value("PRAGMA journal_mode") as String? } == "wal")
        }
    }

    @Test(arguments: LedgerBackend.available) func anOlderLedgerIsUpgradedKeepingItsLeads(backend: LedgerBackend) throws {
        let location = try backend.freshLedger(named: "old.sqlite")
        if backend == .sqlite {
            let old = try DatabaseQueue(path: location)
            try LedgerSchema.migrator.migrate(old, upTo: "v1-runs-leads-events")
            try old.close()
        } else {
            try Self.raw(location, ["CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"] + PostgresLedgerSchema.migrations[0].statements
                                   + ["INSERT INTO grdb_migrations VALUES ('v1-runs-leads-events')"])
        }
        try Self.raw(location, ["INSERT INTO runs (at, as_of, region, findings) VALUES ('t', '2024-12-31', 'r', 1)", """
            INSERT INTO leads (id, rule, household, township, first_run, last_run, first_seen, last_seen, fingerprint, verify_by)
            VALUES ('abc', 'vehicle-owned', 'H1', '鸣凤镇', 1, 1, '2024-12-31', '2024-12-31', 'f', '2025-01-30')
            """])
        let store = try LedgerStore(path: location)
        let lead = try #require(try store.lead("abc"))
        #expect(lead.purgedAt == nil && lead.rule == "vehicle-owned")
        let applied: [String] = try store.read { db in try db.values("SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == LedgerSchema.identifiers.sorted())
        // the workbench's tables came with the upgrade
        try store.addUser("admin", role: .admin, township: nil, password: "a long enough password", rounds: 1_000, at: "t")
        #expect(try store.users().map(\.name) == ["admin"])
    }

    @Test(arguments: LedgerBackend.available) func aLedgerOfANewerHechaIsRefused(backend: LedgerBackend) throws {
        let location = try backend.freshLedger(named: "new.sqlite")
        _ = try LedgerStore(path: location)
        try Self.raw(location, ["INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')"])
        #expect {
            _ = try LedgerStore(path: location)
        } throws: { e in
            "\(e)".contains("\(location): error: this ledger was written by a newer Hecha (schema v9-from-the-future is not known to this one)")
        }
    }

    @Test func aFileThatIsNotALedgerIsRefusedClearly() throws {
        let file = LedgerFixture.temporaryDirectory() + "/notes.sqlite"
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: file))
        #expect {
            _ = try LedgerStore(path: file)
        } throws: { e in "\(e)".contains("notes.sqlite: error: this file is not a Hecha ledger") }
    }

    @Test(arguments: LedgerBackend.available) func eventsCannotBeChangedOrDeleted(backend: LedgerBackend) throws {
        let store = try LedgerStore(path: try backend.freshLedger(named: "l.sqlite"))
        try store.write { db in
            try db.execute("INSERT INTO runs (at, as_of, region, findings) VALUES ('t', '2024-12-31', 'r', 1)")
            try db.execute("""
                INSERT INTO leads (id, rule, household, township, first_run, last_run, first_seen, last_seen, fingerprint, verify_by)
                VALUES ('abc', 'r', 'H1', 'T', 1, 1, 'd', 'd', 'f', 'v')
                """)
            try LeadEvent.record(db, at: "t", by: "me", lead: "abc", kind: .found, from: nil, to: "open", note: "x")
        }
        let truncate = backend == .postgresql ? ["TRUNCATE events"] : []
        for sql in ["UPDATE events SET to_status = 'confirmed'", "DELETE FROM events", "UPDATE events SET by = 'someone else'",
                    "UPDATE events SET from_status = 'open'"] + truncate {
            #expect {
                try store.write { db in try db.execute(sql) }
            } throws: { e in "\(e)".contains("append-only") }
        }
        // a purge may clear a note, and nothing else
        try store.write { db in try db.execute("UPDATE events SET note = NULL") }
        #expect(try store.events(of: "abc").map(\.note) == [nil])
        #expect(try store.events(of: "abc").map(\.to) == ["open"])
        #expect(try store.events(of: "abc").map(\.from) == [nil])
    }
}
