import Foundation

/// The workbench's accounts in the ledger: adding, listing and disabling users, and checking a
/// login. Repeated failed logins lock the account for a while (``LoginThrottle``).
extension LedgerStore {
    /// Adds a user. A worker needs a township; an admin has none. Names are 1–64 characters
    /// without blanks or control characters; a name already taken is refused.
    public func addUser(_ name: String, role: WorkbenchRole, township: String?, password: String,
                        rounds: Int = PasswordHash.defaultRounds, at: String) throws(LedgerError) {
        guard UserDirectoryRules.isValidName(name) else {
            throw LedgerError("bad user name '\(name)': use 1 to 64 letters, digits, '.', '_' or '-'")
        }
        let town = township?.trimmingCharacters(in: .whitespaces)
        switch role {
        case .worker where town?.isEmpty ?? true:
            throw LedgerError("a worker needs --township (the 镇街 whose leads they verify)")
        case .admin where !(town?.isEmpty ?? true):
            throw LedgerError("an admin sees every township; leave out --township")
        default: break
        }
        guard password.count >= UserDirectoryRules.minimumPasswordLength else {
            throw LedgerError("the password is too short: use at least \(UserDirectoryRules.minimumPasswordLength) characters")
        }
        // the slow hash is made before the write transaction, so that other writers do not wait for it
        let hash = try PasswordHash.make(password, rounds: rounds)
        try write { db in
            if try db.row("SELECT 1 FROM users WHERE name = ?", [name]) != nil {
                throw LedgerError("user '\(name)' already exists; hint: `hecha users list` shows the users")
            }
            try db.execute("INSERT INTO users (name, role, township, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                           [name, role.rawValue, role == .worker ? town : nil, hash, at])
        }
    }

    /// Every user, by name.
    public func users() throws(LedgerError) -> [WorkbenchUser] {
        try read { db in try db.rows("SELECT * FROM users ORDER BY name", []).map { r throws(LedgerError) in try WorkbenchUser(row: r) } }
    }

    /// The user with this name, if any.
    public func user(_ name: String) throws(LedgerError) -> WorkbenchUser? {
        try read { db in try db.row("SELECT * FROM users WHERE name = ?", [name]).map { r throws(LedgerError) in try WorkbenchUser(row: r) } }
    }

    /// Disables a user and ends their sessions. Returns false when they were already disabled.
    @discardableResult
    public func disableUser(_ name: String) throws(LedgerError) -> Bool {
        try write { db in
            guard let was: Bool = try db.value("SELECT disabled FROM users WHERE name = ?", [name]) else {
                throw LedgerError("no user '\(name)'; hint: `hecha users list` shows the users")
            }
            try db.execute("UPDATE users SET disabled = 1 WHERE name = ?", [name])
            try db.execute(#"DELETE FROM sessions WHERE "user" = ?"#, [name])
            return !was
        }
    }

    /// Checks a login. A wrong password, an unknown or disabled user all answer `.refused` (the
    /// same answer, after the same work); a locked account answers `.locked` until the lock ends,
    /// whatever the password.
    public func authenticate(_ name: String, password: String, now: Date = Date(),
                             throttle: LoginThrottle = .standard) throws(LedgerError) -> LoginResult {
        let record = try read { db in
            try db.row("SELECT password_hash, disabled, locked_until FROM users WHERE name = ?", [name])
        }
        guard let record else {
            PasswordHash.spendVerificationTime()
            return .refused
        }
        let epoch = Int64(now.timeIntervalSince1970)
        if let until: Int64 = try record("locked_until"), until > epoch {
            return .locked(until: Date(timeIntervalSince1970: TimeInterval(until)))
        }
        let good = PasswordHash.verify(password, against: try record("password_hash"))
        let disabled: Bool = try record("disabled")
        return try write { db in
            if good {
                try db.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = ?", [name])
                guard !disabled, let row = try db.row("SELECT * FROM users WHERE name = ?", [name]) else { return .refused }
                return .accepted(try WorkbenchUser(row: row))
            }
            let failures = (try db.value("SELECT failed_logins FROM users WHERE name = ?", [name]) ?? 0) + 1
            let lock: Int64? = failures >= throttle.failuresBeforeLock ? epoch + Int64(throttle.lockSeconds) : nil
            try db.execute("UPDATE users SET failed_logins = ?, locked_until = ? WHERE name = ?",
                           [lock == nil ? failures : 0, lock, name])
            return .refused
        }
    }
}

/// The answer to a login.
public enum LoginResult: Sendable, Equatable {
    /// The password is right and the account enabled.
    case accepted(WorkbenchUser)
    /// Wrong password, unknown user or disabled account: the same answer for all three.
    case refused
    /// Too many failed logins: no password is tried until `until`.
    case locked(until: Date)
}

/// How repeated failed logins for one user are slowed: after ``failuresBeforeLock`` wrong
/// passwords in a row, the account refuses every login for ``lockSeconds``.
public struct LoginThrottle: Sendable {
    /// Wrong passwords in a row that lock the account.
    public var failuresBeforeLock: Int
    /// How long the lock lasts.
    public var lockSeconds: Int

    /// Five failures lock the account for 15 minutes.
    public static let standard = LoginThrottle(failuresBeforeLock: 5, lockSeconds: 15 * 60)

    /// A throttle as given.
    public init(failuresBeforeLock: Int, lockSeconds: Int) {
        self.failuresBeforeLock = failuresBeforeLock
        self.lockSeconds = lockSeconds
    }
}

/// The checks of user names and passwords.
enum UserDirectoryRules {
    static let minimumPasswordLength = 10

    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.unicodeScalars.allSatisfy { s in
            (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "." || s == "_" || s == "-")
        }
    }
}
