import Foundation
@testable import HechaLedger
import Testing

/// `hecha users`: the password comes from standard input, never an argument; a worker's township
/// must be one the ledger knows.
struct UsersCommandTests {
    func hecha(_ arguments: [String], input: String) throws -> (code: Int32, out: String, err: String) {
        try LedgerProcessTests().hecha(arguments, input: input)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: LedgerProcessTests.binary), "needs the built hecha binary"))
    func usersAreAddedListedAndDisabledWithThePasswordFromStandardInput() throws {
        let dir = LedgerFixture.demoCopy()
        try LedgerFixture.run(dir)
        let ledger = dir + "/region.ledger.sqlite"
        let add = try hecha(["users", "add", "wang", "--role", "worker", "--township", "鸣凤镇", "--ledger", ledger], input: "a good password\n")
        #expect(add.code == 0, "\(add.err)")
        // a misspelt township is refused with the right spelling
        let typo = try hecha(["users", "add", "li", "--role", "worker", "--township", "鸣凤", "--ledger", ledger], input: "a good password\n")
        #expect(typo.code == 2)
        #expect(typo.err.contains("鸣凤镇") && typo.err.contains("--new-township"))
        #expect(try hecha(["users", "add", "li", "--role", "worker", "--township", "新城镇", "--new-township", "--ledger", ledger],
                          input: "a good password\n").code == 0)
        #expect(try hecha(["users", "add", "zhao", "--role", "admin", "--ledger", ledger], input: "").code == 2, "no password, no user")
        #expect(try hecha(["users", "add", "zhao", "--role", "boss", "--ledger", ledger], input: "a good password\n").code != 0)
        let list = try hecha(["users", "list", "--ledger", ledger], input: "")
        #expect(list.out.contains("wang\tworker\t鸣凤镇\tactive") && list.out.contains("li\tworker\t新城镇"))
        #expect(!list.out.contains("a good password"))
        #expect(try hecha(["users", "disable", "wang", "--ledger", ledger], input: "").code == 0)
        let store = try LedgerStore(path: ledger)
        #expect(try store.users().first { $0.name == "wang" }?.disabled == true)
        #expect(try store.authenticate("li", password: "a good password") != .refused)
    }
}
