import Crypto
import CryptoExtras
import Foundation

/// Passwords as the ledger stores them: PBKDF2-HMAC-SHA256 from swift-crypto with a random 16-byte
/// salt and a high work factor, written `pbkdf2-sha256$<rounds>$<salt>$<key>` (base64), so that the
/// work factor can be raised later and old hashes still verify. A password is never stored.
public enum PasswordHash {
    /// The rounds of a new hash: OWASP's recommendation for PBKDF2-HMAC-SHA256 (2023), about a
    /// third of a second on one core of a current machine, which is what slows a guesser down.
    public static let defaultRounds = 600_000
    /// The fewest rounds a stored hash may have; anything below is refused as a bad record.
    static let minimumRounds = 1_000
    static let scheme = "pbkdf2-sha256"
    static let keyBytes = 32

    /// A new hash of `password` with a fresh random salt.
    public static func make(_ password: String, rounds: Int = defaultRounds) throws(LedgerError) -> String {
        guard rounds >= minimumRounds else { throw LedgerError("a password hash needs at least \(minimumRounds) rounds") }
        var salt = [UInt8](repeating: 0, count: 16)
        var rng = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = rng.next() }
        let key = try derive(password, salt: salt, rounds: rounds)
        return [scheme, String(rounds), Data(salt).base64EncodedString(), Data(key).base64EncodedString()].joined(separator: "$")
    }

    /// True when `password` is the one `stored` was made from. The comparison takes the same time
    /// wherever the keys differ; a malformed record never verifies.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == scheme, let rounds = Int(parts[1]), rounds >= minimumRounds,
              let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3])),
              expected.count == keyBytes, let key = try? derive(password, salt: Array(salt), rounds: rounds)
        else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(key, expected) { difference |= a ^ b }
        return difference == 0
    }

    /// Spends the time of one verification, for a login with an unknown user name: the answer's
    /// timing then does not tell which names exist.
    static func spendVerificationTime() {
        _ = try? derive("", salt: Array(repeating: 0, count: 16), rounds: defaultRounds)
    }

    static func derive(_ password: String, salt: [UInt8], rounds: Int) throws(LedgerError) -> [UInt8] {
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256,
                                                        outputByteCount: keyBytes, unsafeUncheckedRounds: rounds)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw LedgerError("cannot derive a password hash: \(error)")
        }
    }
}
