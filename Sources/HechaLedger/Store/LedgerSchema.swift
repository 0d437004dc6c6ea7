import GRDB

/// The ledger's tables, built and upgraded by GRDB's migrator. Each migration is applied once and
/// recorded in the file, so an older ledger is brought up to date when it is opened and a ledger
/// written by a newer Hecha (one that has migrations this one does not know) is refused.
///
/// - `runs`: one row per good run committed to the ledger.
/// - `leads`: one row per lead (a finding's stable id), with where it stands and its outcome.
/// - `events`: every change to a lead, append-only (triggers abort any UPDATE or DELETE, except
///   `hecha leads purge` clearing a note).
/// - `users`, `sessions`, `access_log`: the workbench's accounts (salted slow password hashes),
///   its open sessions (only a hash of each session id), and who viewed which lead's personal data.
///
/// These are SQLite's statements; ``PostgresLedgerSchema`` has PostgreSQL's for the same
/// migrations, by the same identifiers, recorded in a table of the same name.
enum LedgerSchema {
    /// The migrations' identifiers, in order, the same on both backends.
    static let identifiers = ["v1-runs-leads-events", "v2-retention-purge", "v3-workbench-users-sessions-access"]

    /// The refusal of a ledger that has migrations this Hecha does not know.
    static func newerHecha(location: String, unknown: Set<String>) -> LedgerError {
        LedgerError("\(location): error: this ledger was written by a newer Hecha (schema \(unknown.sorted().joined(separator: ", ")) is not known to this one); hint: upgrade Hecha, or pass --ledger with another file")
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-runs-leads-events") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    as_of TEXT NOT NULL,
                    region TEXT NOT NULL,
                    findings INTEGER NOT NULL
                );
                CREATE TABLE leads (
                    id TEXT PRIMARY KEY,
                    rule TEXT NOT NULL,
                    household TEXT NOT NULL,
                    person TEXT,
                    application TEXT,
                    township TEXT NOT NULL,
                    village TEXT NOT NULL DEFAULT '',
                    first_run INTEGER NOT NULL REFERENCES runs(id),
                    last_run INTEGER NOT NULL REFERENCES runs(id),
                    first_seen TEXT NOT NULL,
                    last_seen TEXT NOT NULL,
                    present INTEGER NOT NULL DEFAULT 1,
                    status TEXT NOT NULL DEFAULT 'open',
                    amount TEXT,
                    fingerprint TEXT NOT NULL,
                    action TEXT,
                    amount_settled TEXT,
                    outcome_date TEXT,
                    reason TEXT,
                    note TEXT,
                    verify_by TEXT NOT NULL,
                    closed_at TEXT
                );
                CREATE INDEX leads_by_township ON leads(township, status);
                CREATE TABLE events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    by TEXT NOT NULL,
                    lead TEXT NOT NULL REFERENCES leads(id),
                    kind TEXT NOT NULL,
                    from_status TEXT,
                    to_status TEXT,
                    note TEXT,
                    run INTEGER REFERENCES runs(id)
                );
                CREATE INDEX events_by_lead ON events(lead);
                CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'the events of the lead ledger are append-only'); END;
                CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'the events of the lead ledger are append-only'); END;
                """)
        }
        // retention: leads whose personal data was purged say when; a purge may clear an event's
        // note (free text that can hold personal data) and nothing else
        m.registerMigration("v2-retention-purge") { db in
            try db.execute(sql: """
                ALTER TABLE leads ADD COLUMN purged_at TEXT;
                DROP TRIGGER events_no_update;
                CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                WHEN NOT (NEW.note IS NULL AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.by = OLD.by AND NEW.lead = OLD.lead
                          AND NEW.kind = OLD.kind AND NEW.from_status IS OLD.from_status AND NEW.to_status IS OLD.to_status
                          AND NEW.run IS OLD.run)
                BEGIN SELECT RAISE(ABORT, 'the events of the lead ledger are append-only'); END;
                """)
        }
        // the workbench (`hecha serve`): its users, their sessions, and the log of every view of a
        // lead's unmasked personal data (append-only, like the events)
        m.registerMigration("v3-workbench-users-sessions-access") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    name TEXT PRIMARY KEY,
                    role TEXT NOT NULL CHECK (role IN ('admin', 'worker')),
                    township TEXT,
                    password_hash TEXT NOT NULL,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL,
                    failed_logins INTEGER NOT NULL DEFAULT 0,
                    locked_until INTEGER,
                    CHECK (role = 'admin' OR township IS NOT NULL)
                );
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY,
                    user TEXT NOT NULL REFERENCES users(name),
                    csrf TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    last_seen INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL
                );
                CREATE INDEX sessions_by_user ON sessions(user);
                CREATE TABLE access_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    user TEXT NOT NULL,
                    lead TEXT NOT NULL,
                    what TEXT NOT NULL
                );
                CREATE INDEX access_log_by_lead ON access_log(lead);
                CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
                BEGIN SELECT RAISE(ABORT, 'the access log of the lead ledger is append-only'); END;
                CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
                BEGIN SELECT RAISE(ABORT, 'the access log of the lead ledger is append-only'); END;
                CREATE INDEX leads_by_township_verify ON leads(township, verify_by);
                ALTER TABLE runs ADD COLUMN dismiss_reasons TEXT;
                """)
        }
        return m
    }
}
