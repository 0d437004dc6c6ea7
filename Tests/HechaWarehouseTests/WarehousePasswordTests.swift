import Foundation
import Testing
@testable import HechaPostgres

/// The password of a warehouse source: PGPASSWORD first, else the passfile in libpq's format.
struct WarehousePasswordTests {
    static let passfile = """
        # host:port:database:user:password
        db.example:5432:gov:reader:other
        127.0.0.1:6543:gov:hecha:pa\\:ss\\\\word
        *:*:*:hecha:fallback

        """

    @Test func theFirstMatchingLineGivesThePasswordWithItsEscapes() {
        #expect(WarehousePassword.lookup(in: Self.passfile, host: "127.0.0.1", port: 6543, database: "gov", user: "hecha") == "pa:ss\\word")
        #expect(WarehousePassword.lookup(in: Self.passfile, host: "10.1.1.1", port: 5432, database: "x", user: "hecha") == "fallback")
        #expect(WarehousePassword.lookup(in: Self.passfile, host: "db.example", port: 5432, database: "gov", user: "nobody") == nil)
    }

    @Test func pgpasswordComesFirstThenPGPASSFILE() throws {
        let file = NSTemporaryDirectory() + "hecha-pgpass-\(UUID().uuidString)"
        try Self.passfile.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(WarehousePassword.find(host: "db.example", port: 5432, database: "gov", user: "reader",
                                       environment: ["PGPASSWORD": "env", "PGPASSFILE": file]) == "env")
        #expect(WarehousePassword.find(host: "db.example", port: 5432, database: "gov", user: "reader",
                                       environment: ["PGPASSFILE": file]) == "other")
        #expect(WarehousePassword.find(host: "db.example", port: 5432, database: "gov", user: "reader",
                                       environment: ["HOME": "/nonexistent"]) == nil)
    }
}
