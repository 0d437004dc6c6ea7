import HechaLedger
import HechaRules

extension LedgerFixture {
    /// The national ledger settings.
    static var settings: LedgerSettings {
        try! LedgerSettings.load(files: [path("rulesets/national.yaml")])
    }
}
