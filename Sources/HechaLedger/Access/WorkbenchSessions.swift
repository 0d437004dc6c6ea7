import Crypto
import Foundation

/// A logged-in user's session: the random id the browser holds in its cookie (the ledger keeps
/// only its SHA-256, so a copy of the ledger opens no session), the CSRF token every change must
/// carry, and when it ends.
public struct WorkbenchSession: Sendable, Equatable {
    /// The session id, as sent in the cookie (only known at creation).
    public var token: String
    /// The CSRF token forms and API calls must send back.
    public var csrf: String
    /// Who is logged in.
    public var user: WorkbenchUser
    /// When it ends, unless used again before (idle) — never after the absolute limit.
    public var expiresAt: Date
}

/// How long sessions last: ``idleSeconds`` after the last request, and never longer than
/// ``absoluteSeconds`` after the login.
public struct SessionLifetime: Sendable {
    /// Seconds without a request after which a session ends.
    public var idleSeconds: Int
    /// Seconds after the login after which a session ends in any case.
    public var absoluteSeconds: Int

    /// Two hours idle, twelve hours in all: a working day.
    public static let standard = SessionLifetime(idleSeconds: 2 * 3600, absoluteSeconds: 12 * 3600)

    /// A lifetime as given.
    public init(idleSeconds: Int, absoluteSeconds: Int) {
        self.idleSeconds = idleSeconds
        self.absoluteSeconds = absoluteSeconds
    }
}

extension LedgerStore {
    /// Opens a session for `user` and ends the expired sessions of everyone.
    public func openSession(for user: WorkbenchUser, now: Date = Date(), lifetime: SessionLifetime = .standard) throws(LedgerError) -> WorkbenchSession {
        let token = SessionTokens.random(), csrf = SessionTokens.random()
        let epoch = Int64(now.timeIntervalSince1970)
        let expires = epoch + Int64(min(lifetime.idleSeconds, lifetime.absoluteSeconds))
        try write { db in
            try db.execute("DELETE FROM sessions WHERE expires_at <= ?", [epoch])
            try db.execute(#"INSERT INTO sessions (token_hash, "user", csrf, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?)"#,
                           [SessionTokens.digest(token), user.name, csrf, epoch, epoch, expires])
        }
        return WorkbenchSession(token: token, csrf: csrf, user: user, expiresAt: Date(timeIntervalSince1970: TimeInterval(expires)))
    }

    /// The live session with this id, if any, its expiry moved on by the idle time (never past the
    /// absolute limit). A disabled user's session is gone.
    public func session(_ token: String, now: Date = Date(), lifetime: SessionLifetime = .standard) throws(LedgerError) -> WorkbenchSession? {
        let epoch = Int64(now.timeIntervalSince1970)
        let digest = SessionTokens.digest(token)
        guard let row = try read({ db in
            try db.row("""
                SELECT u.*, s.csrf, s.created_at AS session_created, s.last_seen AS session_seen, s.expires_at AS session_expires FROM sessions s JOIN users u ON u.name = s."user"
                WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0
                """, [digest, epoch])
        }) else { return nil }
        let user = try WorkbenchUser(row: row)
        let created: Int64 = try row("session_created"), lastSeen: Int64 = try row("session_seen")
        var expires: Int64 = try row("session_expires")
        // the expiry moves on at most once a minute, so that reading is not a write each time
        if epoch - lastSeen >= 60 {
            expires = min(epoch + Int64(lifetime.idleSeconds), created + Int64(lifetime.absoluteSeconds))
            try write { db in
                try db.execute("UPDATE sessions SET last_seen = ?, expires_at = ? WHERE token_hash = ?", [epoch, expires, digest])
            }
        }
        return WorkbenchSession(token: token, csrf: try row("csrf"), user: user, expiresAt: Date(timeIntervalSince1970: TimeInterval(expires)))
    }

    /// Ends a session (logout).
    public func closeSession(_ token: String) throws(LedgerError) {
        try write { db in try db.execute("DELETE FROM sessions WHERE token_hash = ?", [SessionTokens.digest(token)]) }
    }
}

/// Session ids and CSRF tokens: 32 random bytes from the system's generator, URL-safe base64.
enum SessionTokens {
    static func random() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// What the ledger keeps of a session id.
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
