import Foundation
import HechaHost
@testable import HechaLedger
import HechaReports
import HechaRules
import Testing
import TestSupport

/// `what-if` against two plain runs: the region as configured and the region file edited.
struct WhatIfTests {
    func ids(_ o: RunOutcome, _ rule: String) -> Set<String> { Set(o.evaluation.findings.filter { $0.rule == rule }.map(FindingID.of)) }

    @Test(arguments: LedgerBackend.available) func whatIfCountsMatchTwoPlainRunsAndTheLedgerStatuses(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        let asConfigured = try LedgerFixture.run(dir, ledger: ledger)
        // the same region with the parameter changed in its file
        let changedDir = LedgerFixture.demoCopy { $0.replacingOccurrences(of: "    extreme: 1040\n", with: "    extreme: 1040\n  vehicle:\n    min_price: 50000\n") }
        let changed = try RegionRun(registry: .known).run(RunRequest(regionFile: changedDir + "/region.yaml", outputDirectory: changedDir + "/out",
                                                                    rulesetsDirectory: LedgerFixture.path("rulesets")))
        let dropped = ids(asConfigured, "vehicle-owned").subtracting(ids(changed, "vehicle-owned")).sorted()
        #expect(!dropped.isEmpty)
        let store = try LedgerStore(path: ledger)
        try store.set(dropped[0], LeadUpdate(status: "属实", action: "停发", settings: LedgerFixture.settings), by: "t", at: "t")
        let result = try WhatIf.run(RegionRun(registry: .known), regionFile: dir + "/region.yaml", asOf: nil,
                                    rulesetsDirectory: LedgerFixture.path("rulesets"),
                                    overrides: [ParameterOverride(assignment: "vehicle.min_price=50000")!], ledger: store)
        for row in result.rows {
            let a = ids(asConfigured, row.rule), b = ids(changed, row.rule)
            #expect(row.before == a.count && row.after == b.count, "\(row.rule)")
            #expect(Set(row.added) == b.subtracting(a), "\(row.rule)")
            #expect(Set(row.removed) == a.subtracting(b), "\(row.rule)")
        }
        let vehicle = try #require(result.rows.first { $0.rule == "vehicle-owned" })
        #expect(vehicle.removed.count == dropped.count && vehicle.removedConfirmed == 1 && vehicle.removedDismissed == 0)
        #expect(result.text.contains("what if vehicle.min_price=50000:"))
        #expect(result.text.contains("vehicle-owned"))
        // nothing was written: the ledger has one run, the output folder is the first run's
        #expect(try store.read { db in try db.value("SELECT COUNT(*) FROM runs") as Int? } == 1)
    }

    @Test func anUnknownOrBadParameterIsAConfigurationError() throws {
        let dir = LedgerFixture.demoCopy()
        for (set, message) in [("vehicle.min_prize=5", "--set vehicle.min_prize:1:1: error: unknown parameter 'vehicle.min_prize'; did you mean 'vehicle.min_price'?"),
                               ("vehicle.min_price=cheap", "vehicle.min_price")] {
            #expect {
                _ = try WhatIf.run(RegionRun(registry: .known), regionFile: dir + "/region.yaml", asOf: nil, rulesetsDirectory: LedgerFixture.path("rulesets"),
                                   overrides: [ParameterOverride(assignment: set)!], ledger: nil)
            } throws: { e in
                guard let h = e as? HostError else { return false }
                return h.code == .configuration && h.message.contains(message)
            }
        }
    }
}
