import Foundation
@testable import HechaLedger
import Testing
import TestSupport

/// The workbench's accounts, sessions and access log in the ledger, and the paged lead query.
struct WorkbenchAccountsTests {
    func emptyLedger(_ backend: LedgerBackend) throws -> LedgerStore {
        try LedgerStore(path: try backend.freshLedger(named: "accounts.ledger.sqlite"))
    }

    let password = "a long enough password"

    @Test func aPasswordHashIsSaltedSlowAndVerifiesOnlyItsPassword() throws {
        let a = try PasswordHash.make(password, rounds: 2_000)
        let b = try PasswordHash.make(password, rounds: 2_000)
        #expect(a != b)
        #expect(a.hasPrefix("pbkdf2-sha256$2000$"))
        #expect(PasswordHash.verify(password, against: a))
        #expect(!PasswordHash.verify(password + "x", against: a))
        #expect(!PasswordHash.verify("", against: a))
        #expect(!PasswordHash.verify(password, against: "pbkdf2-sha256$10$AAAA$AAAA"), "a record below the minimum work factor never verifies")
        #expect(!PasswordHash.verify(password, against: password), "a plain-text record never verifies")
        #expect(PasswordHash.defaultRounds >= 600_000)
        #expect(throws: LedgerError.self) { try PasswordHash.make(password, rounds: 10) }
    }

    @Test(arguments: LedgerBackend.available) func usersAreCheckedWhenAdded(backend: LedgerBackend) throws {
        let store = try emptyLedger(backend)
        #expect(throws: LedgerError.self) { try store.addUser("w", role: .worker, township: nil, password: password, rounds: 1_000, at: "t") }
        #expect(throws: LedgerError.self) { try store.addUser("a", role: .admin, township: "鸣凤镇", password: password, rounds: 1_000, at: "t") }
        #expect(throws: LedgerError.self) { try store.addUser("has space", role: .admin, township: nil, password: password, rounds: 1_000, at: "t") }
        #expect(throws: LedgerError.self) { try store.addUser("short", role: .admin, township: nil, password: "123", rounds: 1_000, at: "t") }
        try store.addUser("王芳", role: .worker, township: "鸣凤镇", password: password, rounds: 1_000, at: "t")
        #expect(throws: LedgerError.self) { try store.addUser("王芳", role: .admin, township: nil, password: password, rounds: 1_000, at: "t") }
        #expect(try store.users().map(\.name) == ["王芳"])
        #expect(try store.users().first?.township == "鸣凤镇")
    }

    @Test(arguments: LedgerBackend.available) func aDisabledUserCannotLogInAndTheirSessionsEnd(backend: LedgerBackend) throws {
        let store = try emptyLedger(backend)
        try store.addUser("w", role: .worker, township: "鸣凤镇", password: password, rounds: 1_000, at: "t")
        guard case .accepted(let user) = try store.authenticate("w", password: password) else { Issue.record("no login"); return }
        let session = try store.openSession(for: user)
        #expect(try store.session(session.token) != nil)
        #expect(try store.disableUser("w"))
        #expect(try store.session(session.token) == nil)
        #expect(try store.authenticate("w", password: password) == .refused)
        #expect(throws: LedgerError.self) { try store.disableUser("nobody") }
    }

    @Test(arguments: LedgerBackend.available) func aLockedAccountOpensAgainWhenTheLockEnds(backend: LedgerBackend) throws {
        let store = try emptyLedger(backend)
        try store.addUser("w", role: .worker, township: "鸣凤镇", password: password, rounds: 1_000, at: "t")
        let throttle = LoginThrottle(failuresBeforeLock: 3, lockSeconds: 600)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        for i in 0..<3 { #expect(try store.authenticate("w", password: "wrong", now: t0.addingTimeInterval(Double(i)), throttle: throttle) == .refused) }
        guard case .locked = try store.authenticate("w", password: password, now: t0.addingTimeInterval(5), throttle: throttle) else {
            Issue.record("not locked"); return
        }
        guard case .accepted = try store.authenticate("w", password: password, now: t0.addingTimeInterval(700), throttle: throttle) else {
            Issue.record("still locked after the lock's time"); return
        }
    }

    @Test(arguments: LedgerBackend.available) func aSessionEndsWhenIdleAndAtItsAbsoluteLimit(backend: LedgerBackend) throws {
        let store = try emptyLedger(backend)
        try store.addUser("a", role: .admin, township: nil, password: password, rounds: 1_000, at: "t")
        let user = try #require(try store.user("a"))
        let life = SessionLifetime(idleSeconds: 600, absoluteSeconds: 1_500)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let idle = try store.openSession(for: user, now: t0, lifetime: life)
        #expect(try store.session(idle.token, now: t0.addingTimeInterval(599), lifetime: life) != nil)
        #expect(try store.session(idle.token, now: t0.addingTimeInterval(599 + 601), lifetime: life) == nil)
        let busy = try store.openSession(for: user, now: t0, lifetime: life)
        for minute in stride(from: 5, through: 20, by: 5) {
            #expect(try store.session(busy.token, now: t0.addingTimeInterval(Double(minute * 60)), lifetime: life) != nil)
        }
        #expect(try store.session(busy.token, now: t0.addingTimeInterval(1_501), lifetime: life) == nil, "used all along, yet past the absolute limit")
        #expect(try store.session("made-up", now: t0, lifetime: life) == nil)
    }

    @Test(arguments: LedgerBackend.available) func theAccessLogIsAppendOnly(backend: LedgerBackend) throws {
        let store = try emptyLedger(backend)
        try store.logAccess(user: "w", lead: "abc", what: "members", at: "2026-01-01T00:00:00Z")
        #expect(try store.accessLog(lead: "abc").count == 1)
        for sql in ["DELETE FROM access_log", #"UPDATE access_log SET "user" = 'x'"#] + (backend == .postgresql ? ["TRUNCATE access_log"] : []) {
            #expect { try store.write { db in try db.execute(sql) } } throws: { e in "\(e)".contains("the access log of the lead ledger is append-only") }
        }
        #expect(try store.accessLog().first?.user == "w")
    }

    @Test(arguments: LedgerBackend.available) func aLeadPageIsFilteredInTheLedgerWithOverdueLeadsFirst(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        try LedgerFixture.run(dir, ledger: ledger)
        let store = try LedgerStore(path: ledger)
        let all = try store.leads()
        let town = try #require(all.first?.township)
        // make one lead of the township overdue by moving its deadline before the run's day
        let late = try #require(all.last { $0.township == town })
        try store.write { db in try db.execute("UPDATE leads SET verify_by = '2000-01-01' WHERE id = ?", [late.id]) }
        let own = all.filter { $0.township == town }
        var seen: [String] = []
        var page = 1
        while true {
            let p = try store.leadPage(LeadQuery(township: town, page: page, pageSize: 7))
            #expect(p.total == own.count)
            if page == 1 { #expect(p.leads.first?.id == late.id) }
            seen += p.leads.map(\.id)
            if page >= p.pages { break }
            page += 1
        }
        #expect(Set(seen) == Set(own.map(\.id)) && seen.count == own.count)
        let household = try #require(own.first?.household)
        #expect(try store.leadPage(LeadQuery(township: town, household: household)).leads.allSatisfy { $0.household == household })
        #expect(try store.leadPage(LeadQuery(township: town, statuses: [.confirmed])).total == 0)
    }
}
