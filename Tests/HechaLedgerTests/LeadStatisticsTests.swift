import Foundation
@testable import HechaLedger
import HechaCore
import Testing
import TestSupport

/// Statistics, listing and retention over a real ledger.
struct LeadStatisticsTests {
    func ledger(_ backend: LedgerBackend) throws -> (dir: String, store: LedgerStore) {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        try LedgerFixture.run(dir, ledger: ledger)
        return (dir, try LedgerStore(path: ledger))
    }

    @Test(arguments: LedgerBackend.available) func aConfirmedLeadsRecoveredAmountShowsInTheStatistics(backend: LedgerBackend) throws {
        let (_, store) = try ledger(backend)
        let deceased = try store.leads().filter { $0.rule == "deceased-still-paid" }
        try store.set(deceased[0].id, LeadUpdate(status: "属实", action: "追回", amount: "1000", date: "2025-01-10", settings: LedgerFixture.settings),
                      by: "张三", at: "2025-01-10T08:00:00Z")
        try store.set(deceased[1].id, LeadUpdate(status: "不属实", reason: "数据错误", settings: LedgerFixture.settings), by: "张三", at: "2025-01-10T08:00:00Z")
        let stats = try LeadStatistics(store)
        let row = try #require(stats.byRule.first { $0.key == "deceased-still-paid" })
        #expect(row.found == deceased.count && row.confirmed == 1 && row.dismissed == 1 && row.open == deceased.count - 2)
        #expect(row.precision == 0.5)
        #expect(row.settledFen == 100_000)
        #expect(row.confirmedAmountFen == LeadUpdate.fen(deceased[0].amount!))
        #expect(try stats.total.found == store.leads().count)
        let text = stats.text
        #expect(text.contains("1000.00"))
        #expect(text.contains("50%"))
        let town = try #require(stats.byTownship.first { $0.key == deceased[0].township })
        #expect(town.settledFen == 100_000)
    }

    @Test(arguments: LedgerBackend.available) func jsonListingHasOneObjectALineWithTheAgreedKeys(backend: LedgerBackend) throws {
        let (_, store) = try ledger(backend)
        let text = try LeadListing.text(store, filter: .init(status: .open, township: "茅坪场镇"), format: .json)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 12)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["id", "rule", "household", "person", "township", "status", "first_seen", "last_seen"] { #expect(object[key] != nil) }
            #expect(object["township"] as? String == "茅坪场镇")
            #expect(object["status"] as? String == "open")
        }
        #expect(try LeadListing.text(store, filter: .init(rule: "no-such-rule"), format: .table) == "no leads match the filters\n")
        #expect(try LeadListing.text(store, filter: .init(township: "茅坪场镇"), format: .csv).hasPrefix("\u{FEFF}线索编号,规则,镇街,"))
    }

    @Test(arguments: LedgerBackend.available) func purgeRemovesPersonalDataOfLongClosedLeadsAndKeepsTheCounts(backend: LedgerBackend) throws {
        let (_, store) = try ledger(backend)
        let leads = try store.leads().filter { $0.rule == "deceased-still-paid" }
        try store.set(leads[0].id, LeadUpdate(status: "属实", action: "停发", amount: "500", date: "2021-06-01", note: "家属 李某 电话 13900000000",
                                              settings: LedgerFixture.settings), by: "张三", at: "2021-06-01T08:00:00Z")
        try store.set(leads[1].id, LeadUpdate(status: "不属实", reason: "数据错误", date: "2024-06-01", settings: LedgerFixture.settings),
                      by: "张三", at: "2024-06-01T08:00:00Z")
        let before = try LeadStatistics(store)
        let report = try LeadPurge.run(store, day: Day(iso: "2025-01-01")!, settings: LedgerFixture.settings, by: "档案员", at: "2025-01-01T00:00:00Z")
        #expect(report.byRule == ["deceased-still-paid": 1])
        #expect(report.text.contains("purged the personal data (household, person, application, village, notes) of 1 lead(s) closed before 2022-01-01"))
        let purged = try #require(try store.lead(leads[0].id))
        #expect(purged.household == "" && purged.person == nil && purged.note == nil && purged.purgedAt == "2025-01-01")
        #expect(purged.status == .confirmed && purged.amountSettled == "500.00" && purged.township == leads[0].township)
        #expect(try store.events(of: leads[0].id).allSatisfy { $0.note == nil || $0.kind == "purged" })
        #expect(try store.lead(leads[1].id)?.household == leads[1].household)
        // the statistics are those of before
        #expect(try LeadStatistics(store).byRule == before.byRule)
        // a second purge finds nothing more
        #expect(try LeadPurge.run(store, day: Day(iso: "2025-01-01")!, settings: LedgerFixture.settings, by: "档案员", at: "t").total == 0)
    }
}
