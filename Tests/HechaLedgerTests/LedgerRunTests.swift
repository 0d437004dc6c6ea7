import Foundation
import HechaCore
import HechaHost
@testable import HechaLedger
import HechaReports
import Testing
import TestSupport

/// Runs against a real ledger file: new leads, leads found again, closed by the data, dismissed
/// leads suppressed or reopened, and failed runs that change nothing.
struct LedgerRunTests {
    static let vehicleHousehold = "4205251020229"
    static let vehicleOwner = "42052519800229249X"

    func vehicleLead(_ store: LedgerStore) throws -> Lead {
        try #require(try store.leads().first { $0.rule == "vehicle-owned" && $0.household == LedgerRunTests.vehicleHousehold })
    }

    /// Appends a row to the demo's vehicle export.
    func appendVehicle(_ dir: String, plate: String, owner: String = LedgerRunTests.vehicleOwner) throws {
        let file = dir + "/demo/data/vehicles/机动车登记.csv"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        text += "\(plate),小型轿车,\(owner),2024-10-08,正常,96800.00,白\n"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }

    @Test(arguments: LedgerBackend.available) func twoRunsOfTheSameInputsGiveNoNewLeadsTheSecondTime(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        let first = try LedgerFixture.run(dir, ledger: ledger)
        let figures1 = try #require(first.ledger)
        #expect(figures1.total.new == first.evaluation.findings.count)
        #expect(figures1.total.new > 0)
        let second = try LedgerFixture.run(dir, ledger: ledger)
        let figures2 = try #require(second.ledger)
        #expect(figures2.total.new == 0)
        #expect(figures2.total.stillOpen == first.evaluation.findings.count)
        #expect(figures2.total.closedByData == 0 && figures2.total.reopened == 0)
        #expect(figures2.byRule.first { $0.key == "vehicle-owned" }?.counts.stillOpen == 4)
        // the summary and the manifest say so, per rule and per township
        let summary = RunSummary.text(second)
        #expect(summary.contains("Lead ledger \(ledger) (run 2):"))
        let manifest = try String(contentsOfFile: dir + "/out/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"ledger\": {"))
        #expect(manifest.contains("\"total\": {\"new\": 0, \"still_open\": \(first.evaluation.findings.count), \"overdue\": 0"))
        #expect(manifest.contains("\"鸣凤镇\": {\"new\": 0,"))
        #expect(try LedgerStore(path: ledger).leads().count == first.evaluation.findings.count)
    }

    @Test func aRunWithoutALedgerHasNoLedgerInItsManifest() throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = LedgerStore.defaultPath(forRegionFile: dir + "/region.yaml")
        let outcome = try RegionRun(registry: .known).run(RunRequest(regionFile: dir + "/region.yaml", outputDirectory: dir + "/out",
                                                                    rulesetsDirectory: LedgerFixture.path("rulesets")))
        #expect(outcome.ledger == nil)
        #expect(try !String(contentsOfFile: dir + "/out/manifest.json", encoding: .utf8).contains("\"ledger\""))
        #expect(try !String(contentsOfFile: dir + "/out/report.html", encoding: .utf8).contains("线索台账"))
        #expect(!FileManager.default.fileExists(atPath: ledger))
    }

    @Test(arguments: LedgerBackend.available) func aDismissedLeadStaysDismissedAndReopensWhenANewVehicleAppears(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        try LedgerFixture.run(dir, ledger: ledger)
        var store = try LedgerStore(path: ledger)
        let lead = try vehicleLead(store)
        try store.set(lead.id, LeadUpdate(status: "不属实", reason: "车辆已过户", settings: LedgerFixture.settings), by: "鸣凤镇 张三", at: "2025-01-05T08:00:00Z")
        // next month, same data: it stays dismissed and is counted as suppressed
        let second = try #require(try LedgerFixture.run(dir, ledger: ledger).ledger)
        #expect(second.byRule.first { $0.key == "vehicle-owned" }?.counts.suppressed == 1)
        #expect(second.total.new == 0 && second.total.reopened == 0)
        store = try LedgerStore(path: ledger)
        #expect(try vehicleLead(store).status == .dismissed)
        // the month after, a second car is registered to a member: the evidence changed, it reopens
        try appendVehicle(dir, plate: "鄂E9Z88Q")
        let third = try #require(try LedgerFixture.run(dir, ledger: ledger).ledger)
        #expect(third.byRule.first { $0.key == "vehicle-owned" }?.counts.reopened == 1)
        #expect(third.byTownship.first { $0.key == "旧县镇" }?.counts.reopened == 1)
        #expect(third.total.new == 0)
        store = try LedgerStore(path: ledger)
        let reopened = try vehicleLead(store)
        #expect(reopened.status == .open && reopened.reason == nil)
        #expect(reopened.fingerprint != lead.fingerprint)
        let events = try store.events(of: lead.id)
        #expect(events.map(\.kind) == ["found", "set", "reopened"])
        #expect(events[1].by == "鸣凤镇 张三" && events[1].from == "open" && events[1].to == "dismissed")
        #expect(events[2].note?.contains("the evidence changed since it was dismissed (车辆已过户)") == true)
    }

    @Test(arguments: LedgerBackend.available) func aConfirmedLeadsRecoveredAmountAndStatusShowInTheReport(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        try LedgerFixture.run(dir, ledger: ledger)
        let store = try LedgerStore(path: ledger)
        let lead = try #require(try store.leads().first { $0.rule == "deceased-still-paid" })
        try store.set(lead.id, LeadUpdate(status: "属实", action: "追回", amount: "1234.5", date: "2025-01-10", settings: LedgerFixture.settings),
                      by: "张三", at: "2025-01-10T08:00:00Z")
        try LedgerFixture.run(dir, ledger: ledger)
        let html = try String(contentsOfFile: dir + "/out/report.html", encoding: .utf8)
        #expect(html.contains("<h2>线索台账 Lead ledger</h2>"))
        #expect(html.contains("<tr><td><code>deceased-still-paid</code></td><td class=\"num\">\(try store.leads().filter { $0.rule == "deceased-still-paid" }.count)</td><td class=\"num\">1</td>"))
        #expect(html.contains("<td class=\"num\">100%</td><td class=\"num\">\(lead.amount!)</td><td class=\"num\">1234.50</td></tr>"))
        // the lead's row in the list of findings carries its status and since when it is known
        let row = try #require(html.split(separator: "\n").first { $0.hasPrefix("[\"\(lead.id)\"") })
        #expect(row.contains("\"状态：属实（自 2024-12-31）\""), "\(row)")
    }

    @Test(arguments: LedgerBackend.available) func aLeadDismissedAfterItsEvidenceChangedStaysDismissed(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        try LedgerFixture.run(dir, ledger: ledger)
        // while the lead is open a second car appears; the run records it
        try appendVehicle(dir, plate: "鄂E9Z88Q")
        try LedgerFixture.run(dir, ledger: ledger)
        var store = try LedgerStore(path: ledger)
        let lead = try vehicleLead(store)
        #expect(try store.events(of: lead.id).map(\.kind) == ["found", "evidence-changed"])
        // the township looks at both cars and dismisses the lead: the next run leaves it dismissed
        try store.set(lead.id, LeadUpdate(status: "dismissed", reason: "非共同生活", settings: LedgerFixture.settings), by: "李四", at: "t")
        let next = try #require(try LedgerFixture.run(dir, ledger: ledger).ledger)
        #expect(next.byRule.first { $0.key == "vehicle-owned" }?.counts.suppressed == 1)
        #expect(next.total.reopened == 0)
        store = try LedgerStore(path: ledger)
        #expect(try vehicleLead(store).status == .dismissed)
    }

    @Test(arguments: LedgerBackend.available) func aLeadTheDataNoLongerGivesIsClosedByTheData(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        try LedgerFixture.run(dir, ledger: ledger)
        let store = try LedgerStore(path: ledger)
        let lead = try vehicleLead(store)
        // the car is sold: its row leaves the export
        let file = dir + "/demo/data/vehicles/机动车登记.csv"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).filter { !$0.hasPrefix("鄂KMHBPX,") }
            .joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        let second = try #require(try LedgerFixture.run(dir, ledger: ledger).ledger)
        #expect(second.byRule.first { $0.key == "vehicle-owned" }?.counts.closedByData == 1)
        #expect(second.total.closedByData == 1)
        let closed = try #require(try LedgerStore(path: ledger).lead(lead.id))
        #expect(!closed.present && closed.closedAt == "2024-12-31")
        #expect(try LedgerStore(path: ledger).events(of: lead.id).map(\.kind) == ["found", "closed-by-data"])
    }

    @Test(arguments: LedgerBackend.available) func leadsPastTheirRulesDeadlineAreOverdue(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        try LedgerFixture.run(dir, ledger: ledger)
        // 20 days later: deceased-still-paid (15 days) is overdue, vehicle-owned (30 days) not yet
        let later = try RegionRun(registry: .known).run(RunRequest(regionFile: dir + "/region.yaml", outputDirectory: dir + "/out",
                                                                  asOf: Day(iso: "2025-01-20"), rulesetsDirectory: LedgerFixture.path("rulesets"),
                                                                  ledgerFile: ledger))
        let figures = try #require(later.ledger)
        let deceased = try #require(figures.byRule.first { $0.key == "deceased-still-paid" }?.counts)
        #expect(deceased.stillOpen > 0 && deceased.overdue == deceased.stillOpen)
        #expect(figures.byRule.first { $0.key == "vehicle-owned" }?.counts.overdue == 0)
        #expect(try LedgerStore(path: ledger).leads().filter { $0.rule == "deceased-still-paid" }.allSatisfy { $0.isOverdue(on: "2025-01-20") })
    }

    @Test(arguments: LedgerBackend.available) func aRunFailingOnARuleLeavesTheLedgerByteIdentical(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        try LedgerFixture.run(dir, ledger: ledger)
        let before = try LedgerFixture.snapshot(ledger)
        let region = try String(contentsOfFile: dir + "/region.yaml", encoding: .utf8)
        try (region + FailingRuleFixture.regionYAML).write(toFile: dir + "/region.yaml", atomically: true, encoding: .utf8)
        let outcome = try LedgerFixture.run(dir, ledger: ledger)
        #expect(outcome.previousOutputKept && outcome.ledger == nil)
        #expect(try LedgerFixture.snapshot(ledger) == before)
    }

    @Test(arguments: LedgerBackend.available) func aRunFailingOnItsDataLeavesTheLedgerByteIdentical(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        try LedgerFixture.run(dir, ledger: ledger)
        let before = try LedgerFixture.snapshot(ledger)
        let file = dir + "/demo/data/vehicles/机动车登记.csv"
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "机动车状态", with: "状态")
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: HostError.self) { try LedgerFixture.run(dir, ledger: ledger) }
        #expect(try LedgerFixture.snapshot(ledger) == before)
    }

    @Test(arguments: LedgerBackend.available) func whenPublishingTheOutputsFailsNothingIsCommitted(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        let first = try LedgerFixture.run(dir, ledger: ledger)
        let before = try LedgerFixture.snapshot(ledger)
        struct SwapFailed: Error {}
        let run = LedgerRun(findings: [], households: first.households, rules: first.evaluation.ran, asOf: first.region.asOf, region: first.region.code,
                            settings: LedgerFixture.settings, fingerprint: { _ in "" }, at: "t")
        let store = try LedgerStore(path: ledger)
        var seen: LedgerRunFigures?
        #expect(throws: SwapFailed.self) {
            _ = try run.apply(to: store) { (f: LedgerRunFigures) throws(SwapFailed) in
                seen = f
                throw SwapFailed()
            }
        }
        // every lead would have been closed by the data, and none was
        #expect(seen?.total.closedByData == first.evaluation.findings.count)
        #expect(try store.leads().allSatisfy(\.present))
        #expect(try store.read { db in try db.value("SELECT COUNT(*) FROM runs") as Int? } == 1)
        #expect(try LedgerFixture.snapshot(ledger) == before)
    }
}
