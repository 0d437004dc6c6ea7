import HechaCore
import HechaHost
import HechaLedger
import Testing

/// A ledger error (worded as one line of text) printed as a diagnostic with its place and hint.
struct LedgerErrorDiagnosticTests {
    @Test func aLedgerErrorBecomesADiagnosticWithItsFileAndHint() {
        let d = LedgerError("/x/l.sqlite: error: this file is not a Hecha ledger (not an SQLite database); hint: pass --ledger with the ledger file").diagnostic
        #expect(d.location?.file == "/x/l.sqlite")
        #expect(d.message == "this file is not a Hecha ledger (not an SQLite database)")
        #expect(d.hint == "pass --ledger with the ledger file")
        let plain = LedgerError("a worker needs --township (the 镇街 whose leads they verify)").diagnostic
        #expect(plain.location == nil && plain.hint == nil)
        #expect(plain.description == "error: a worker needs --township (the 镇街 whose leads they verify)")
    }
}
