import HechaHost
import HechaLedger

extension LedgerFixture {
    /// Runs the region copied into `dir` against `ledger` (default: the region's default ledger).
    @discardableResult
    static func run(_ dir: String, ledger: String? = nil, out: String = "out") throws(HostError) -> RunOutcome {
        try RegionRun(registry: .known).run(RunRequest(regionFile: dir + "/region.yaml", outputDirectory: dir + "/" + out,
                                                       rulesetsDirectory: path("rulesets"),
                                                       ledgerFile: ledger ?? LedgerStore.defaultPath(forRegionFile: dir + "/region.yaml")))
    }
}
