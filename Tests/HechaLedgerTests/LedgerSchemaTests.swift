import Foundation
import GRDB
@testable import HechaLedger
import Testing

/// The ledger file: versioned schema, refusal of a newer one, append-only events.
struct LedgerSchemaTests {
    @Test func aNewLedgerHasEveryMigrationAndUsesWAL() throws {
        let file = LedgerFixture.temporaryDirectory() + "/l.sqlite"
        let store = try LedgerStore(path: file)
        let applied = try store.read { db in try LedgerSchema.migrator.appliedIdentifiers(db) }
        #expect(applied == Set(LedgerSchema.migrator.migrations))
        #expect(try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func anOlderLedgerIsUpgradedKeepingItsLeads() throws {
        let file = LedgerFixture.temporaryDirectory() + "/old.sqlite"
        let old = try DatabaseQueue(path: file)
        try LedgerSchema.migrator.migrate(old, upTo: "v1-runs-leads-events")
        try old.write { db in
            try db.execute(sql: "INSERT INTO runs (at, as_of, region, findings) VALUES ('t', '2024-12-31', 'r', 1)")
            try db.execute(sql: """
                INSERT INTO leads (id, rule, household, township, first_run, last_run, first_seen, last_seen, fingerprint, verify_by)
                VALUES ('abc', 'vehicle-owned', 'H1', '鸣凤镇', 1, 1, '2024-12-31', '2024-12-31', 'f', '2025-01-30')
                """)
        }
        try old.close()
        let store = try LedgerStore(path: file)
        let lead = try #require(try store.lead("abc"))
        #expect(lead.purgedAt == nil && lead.rule == "vehicle-owned")
        #expect(try store.read { db in try db.columns(in: "leads").contains { $0.name == "purged_at" } })
    }

    @Test func aLedgerOfANewerHechaIsRefused() throws {
        let file = LedgerFixture.temporaryDirectory() + "/new.sqlite"
        _ = try LedgerStore(path: file)
        let q = try DatabaseQueue(path: file)
        try q.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')") }
        try q.close()
        #expect {
            _ = try LedgerStore(path: file)
        } throws: { e in
            "\(e)".contains("new.sqlite: error: this ledger was written by a newer Hecha (schema v9-from-the-future is not known to this one)")
        }
    }

    @Test func aFileThatIsNotALedgerIsRefusedClearly() throws {
        let file = LedgerFixture.temporaryDirectory() + "/notes.sqlite"
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: file))
        #expect {
            _ = try LedgerStore(path: file)
        } throws: { e in "\(e)".contains("notes.sqlite: error: this file is not a Hecha ledger") }
    }

    @Test func eventsCannotBeChangedOrDeleted() throws {
        let file = LedgerFixture.temporaryDirectory() + "/l.sqlite"
        let store = try LedgerStore(path: file)
        try store.write { db in
            try db.execute(sql: "INSERT INTO runs (at, as_of, region, findings) VALUES ('t', '2024-12-31', 'r', 1)")
            try db.execute(sql: """
                INSERT INTO leads (id, rule, household, township, first_run, last_run, first_seen, last_seen, fingerprint, verify_by)
                VALUES ('abc', 'r', 'H1', 'T', 1, 1, 'd', 'd', 'f', 'v')
                """)
            try LeadEvent.record(db, at: "t", by: "me", lead: "abc", kind: .found, from: nil, to: "open", note: "x")
        }
        for sql in ["UPDATE events SET to_status = 'confirmed'", "DELETE FROM events", "UPDATE events SET by = 'someone else'"] {
            #expect {
                try store.write { db in try db.execute(sql: sql) }
            } throws: { e in "\(e)".contains("append-only") }
        }
        // a purge may clear a note, and nothing else
        try store.write { db in try db.execute(sql: "UPDATE events SET note = NULL") }
        #expect(try store.events(of: "abc").map(\.note) == [nil])
        #expect(try store.events(of: "abc").map(\.to) == ["open"])
    }
}
