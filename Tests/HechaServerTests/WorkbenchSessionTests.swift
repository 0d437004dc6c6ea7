import Foundation
import GRDB
import HechaLedger
import HechaServer
import HTTPTypes
import Hummingbird
import Testing
import TestSupport

/// Logins, sessions, CSRF tokens and the stored passwords.
@Suite struct WorkbenchSessionTests {
    @Test(arguments: LedgerBackend.available) func aWrongPasswordNeverLogsInAndRepeatedFailuresLockTheAccount(backend: LedgerBackend) async throws {
        let store = try WorkbenchFixture.ledger(backend)
        try await WorkbenchFixture.serve(store) { client in
            var c = WorkbenchClient(client)
            for password in ["wrong", WorkbenchFixture.password + " ", "x", "CORRECT HORSE BATTERY"] {
                let a = try await c.login("worker-a", password)
                #expect(a.status == .unauthorized)
                #expect(a.headers[.setCookie] == nil)
            }
            #expect(try await c.login("nobody", WorkbenchFixture.password).status == .unauthorized)
            #expect(try await c.get("/api/leads").status == .unauthorized)
            // the fifth failure in a row locks the account: now even the right password is refused
            #expect(try await c.login("worker-a", "wrong again").status == .unauthorized)
            let locked = try await c.login("worker-a", WorkbenchFixture.password)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[.setCookie] == nil)
            // another user is not affected
            #expect(try await c.login("worker-b", WorkbenchFixture.password).status == .ok)
        }
    }

    @Test func theSessionCookieIsHttpOnlyAndStrictAndSecureBehindTLS() async throws {
        for secure in [false, true] {
            let store = try WorkbenchFixture.ledger()
            try await WorkbenchFixture.serve(store, configuration: .init(secureCookies: secure)) { client in
                var c = WorkbenchClient(client)
                let a = try await c.login("admin", WorkbenchFixture.password)
                let cookie = try #require(a.headers[.setCookie])
                #expect(cookie.hasPrefix("hecha_session="))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Strict"))
                #expect(cookie.contains("Secure") == secure)
                #expect(a.json["csrf"] is String)
            }
        }
    }

    @Test(arguments: LedgerBackend.available) func aMissingOrWrongCSRFTokenChangesNothing(backend: LedgerBackend) async throws {
        let store = try WorkbenchFixture.ledger(backend)
        let lead = try #require(try store.leads().first { $0.township == WorkbenchFixture.townA })
        try await WorkbenchFixture.serve(store) { client in
            var c = WorkbenchClient(client)
            try await c.login("worker-a", WorkbenchFixture.password)
            let body: [String: Any] = ["status": "in-progress", "note": "visited"]
            #expect(try await c.post("/api/leads/\(lead.id)/outcome", json: body, csrf: false).status == .forbidden)
            #expect(try await c.post("/api/leads/\(lead.id)/outcome", json: body, token: "not-the-token").status == .forbidden)
            #expect(try await c.post("/api/leads/\(lead.id)/reveal", csrf: false).status == .forbidden)
            #expect(try await c.post("/api/logout", csrf: false).status == .forbidden)
            // another site's page, even with the token
            #expect(try await c.post("/api/leads/\(lead.id)/outcome", json: body, origin: "http://evil.example").status == .forbidden)
            #expect(try store.lead(lead.id)?.status == .open)
            #expect(try store.events(of: lead.id).count == 1)
            #expect(try store.accessLog().isEmpty)
            // the right token does it, once
            let ok = try await c.post("/api/leads/\(lead.id)/outcome", json: body)
            #expect(ok.status == .ok)
            #expect(ok.json["changed"] as? Bool == true)
        }
        #expect(try store.lead(lead.id)?.status == .inProgress)
        #expect(try store.events(of: lead.id).last?.by == "worker-a")
    }

    @Test(arguments: LedgerBackend.available) func loggingOutEndsTheSession(backend: LedgerBackend) async throws {
        let store = try WorkbenchFixture.ledger(backend)
        try await WorkbenchFixture.serve(store) { client in
            var c = WorkbenchClient(client)
            try await c.login("admin", WorkbenchFixture.password)
            #expect(try await c.get("/api/leads").status == .ok)
            #expect(try await c.post("/api/logout").status == .ok)
            #expect(try await c.get("/api/leads").status == .unauthorized)
            #expect(try await c.get("/").status == .seeOther)
        }
    }

    @Test func passwordsAndSessionIdsAreNotStoredInPlainText() async throws {
        let store = try WorkbenchFixture.ledger()
        let token = try await WorkbenchFixture.serve(store) { client in
            var c = WorkbenchClient(client)
            try await c.login("admin", WorkbenchFixture.password)
            return String(c.cookie?.split(separator: "=", maxSplits: 1).last ?? "")
        }
        #expect(token.count >= 40)
        let db = try DatabaseQueue(path: store.path)
        let hashes = try await db.read { db in try String.fetchAll(db, sql: "SELECT password_hash FROM users") }
        #expect(hashes.count == 3)
        for h in hashes {
            #expect(!h.contains(WorkbenchFixture.password))
            #expect(h.hasPrefix("pbkdf2-sha256$"))
        }
        #expect(Set(hashes).count == 3, "the same password must hash differently for each user (salted)")
        let sessions = try await db.read { db in try String.fetchAll(db, sql: "SELECT token_hash || ' ' || csrf FROM sessions") }
        #expect(sessions.count == 1 && !sessions[0].contains(token))
        try await db.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try db.close()
        for suffix in ["", "-wal"] {
            let bytes = FileManager.default.contents(atPath: store.path + suffix) ?? Data()
            #expect(bytes.range(of: Data(WorkbenchFixture.password.utf8)) == nil, "the password is in \(store.path + suffix)")
            #expect(bytes.range(of: Data(token.utf8)) == nil, "the session id is in \(store.path + suffix)")
        }
    }

    @Test(arguments: LedgerBackend.available) func pagesNeedASessionAndCarryTheSecurityHeaders(backend: LedgerBackend) async throws {
        let store = try WorkbenchFixture.ledger(backend)
        try await WorkbenchFixture.serve(store) { client in
            let c = WorkbenchClient(client)
            let home = try await c.get("/")
            #expect(home.status == .seeOther)
            #expect(home.headers[.location] == "/login")
            let login = try await c.get("/login")
            #expect(login.status == .ok)
            #expect(login.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(!login.text.contains("http://") && !login.text.contains("https://"), "the pages load nothing from elsewhere")
            let script = try await c.get("/assets/app.js")
            #expect(script.status == .ok && !script.text.contains("innerHTML"))
        }
    }
}
