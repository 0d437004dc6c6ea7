import Foundation
import HechaCore
import HechaHost
@testable import HechaLedger
import HechaReports
import Synchronization
import Testing
import TestSupport

/// Several regions in one ledger: a run changes and counts only its own region's leads; runs of
/// different regions may go on at once, while a second run of one region is refused with a
/// message that says a run of it is under way.
struct LedgerSharingTests {
    /// A run of `region` that finds one vehicle-owned lead per household.
    static func run(region: String, households: [String]) -> LedgerRun {
        let directory = HouseholdDirectory(Dictionary(uniqueKeysWithValues: households.map { ($0, HouseholdInfo(town: "镇\(region)", headName: "户主")) }))
        return LedgerRun(findings: households.map { Finding(rule: "vehicle-owned", household: $0) }, households: directory,
                         rules: ["vehicle-owned"], asOf: Day(iso: "2025-01-31")!, region: region, settings: LedgerFixture.settings,
                         fingerprint: { _ in "f" }, at: "2025-01-31T00:00:00Z")
    }

    /// What the runs started by ``start(_:on:inside:go:result:done:)`` ended with.
    final class Outcomes: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    /// Applies `run` on a thread of its own; its publishing step tells `inside` and waits for `go`.
    static func start(_ run: LedgerRun, on location: String, inside: DispatchSemaphore, go: DispatchSemaphore, result: Outcomes,
                      done: DispatchSemaphore) {
        Thread.detachNewThread {
            do {
                let store = try LedgerStore(path: location)
                _ = try run.apply(to: store) { _ in
                    inside.signal()
                    _ = go.wait(timeout: .now() + 20)
                }
                result.append("\(run.region): committed")
            } catch {
                result.append("\(run.region): \(error)")
            }
            done.signal()
        }
    }

    @Test(arguments: LedgerBackend.available) func aRunOfOneRegionLeavesAnotherRegionsLeadsAlone(backend: LedgerBackend) throws {
        let store = try LedgerStore(path: try backend.freshLedger())
        _ = try Self.run(region: "330106", households: ["A1", "A2"]).apply(to: store) { _ in }
        let b = try Self.run(region: "330108", households: ["B1"]).apply(to: store) { _ in }
        #expect(b.total.new == 1 && b.total.closedByData == 0)
        #expect(try store.leads().allSatisfy(\.present))
        // the report's record counts the region's own leads
        #expect(b.records.map(\.found) == [1])
        // the first region's next run without A2 closes A2, and only it
        let a = try Self.run(region: "330106", households: ["A1"]).apply(to: store) { _ in }
        #expect(a.total.closedByData == 1 && a.total.stillOpen == 1)
        #expect(try store.leads().filter { !$0.present }.map(\.household) == ["A2"])
    }

    @Test(arguments: LedgerBackend.available) func aRunWhoseLeadIDsAreAnotherRegionsIsRefusedAndRecordsNothing(backend: LedgerBackend) throws {
        let store = try LedgerStore(path: try backend.freshLedger())
        _ = try Self.run(region: "330106", households: ["A1", "A2"]).apply(to: store) { _ in }
        let before = try store.leads()
        // the second region's households share an id with the first's: its lead would be the other's
        var published = false
        #expect {
            _ = try Self.run(region: "330108", households: ["B1", "A2"]).apply(to: store) { _ in published = true }
        } throws: { error in
            "\(error)".contains("the vehicle-owned finding of household A2 in region 330108 has the id of a lead of region 330106 in this shared ledger")
                && "\(error)".contains("hint: give each region a ledger of its own")
        }
        #expect(!published, "the outputs are not published")
        #expect(try store.leads().map(\.id) == before.map(\.id) && store.leads().map(\.lastRun) == before.map(\.lastRun))
        // the first region's own runs go on as before
        let again = try Self.run(region: "330106", households: ["A1", "A2"]).apply(to: store) { _ in }
        #expect(again.total.stillOpen == 2 && again.total.new == 0)
    }

    @Test(arguments: LedgerBackend.postgresOnly) func runsOfTwoRegionsGoOnAtOnceAndBothCommit(backend: LedgerBackend) throws {
        let location = try backend.freshLedger()
        _ = try LedgerStore(path: location)
        let inside = DispatchSemaphore(value: 0), go = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let result = Outcomes()
        Self.start(Self.run(region: "330106", households: ["A1"]), on: location, inside: inside, go: go, result: result, done: done)
        Self.start(Self.run(region: "330108", households: ["B1"]), on: location, inside: inside, go: go, result: result, done: done)
        // both are inside their transactions before either commits
        let first = inside.wait(timeout: .now() + 20), second = inside.wait(timeout: .now() + 20)
        #expect(first == .success && second == .success, "the two runs did not overlap")
        go.signal(); go.signal()
        _ = done.wait(timeout: .now() + 30); _ = done.wait(timeout: .now() + 30)
        #expect(result.all.sorted() == ["330106: committed", "330108: committed"])
        let regions: [String] = try LedgerStore(path: location).read { db in try db.values("SELECT region FROM runs ORDER BY region") }
        #expect(regions == ["330106", "330108"])
    }

    @Test(arguments: LedgerBackend.available) func aSecondRunOfTheSameRegionIsRefusedWhileTheFirstIsUnderWay(backend: LedgerBackend) throws {
        let location = try backend.freshLedger()
        _ = try LedgerStore(path: location)
        let inside = DispatchSemaphore(value: 0), go = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let result = Outcomes()
        Self.start(Self.run(region: "330106", households: ["A1"]), on: location, inside: inside, go: go, result: result, done: done)
        #expect(inside.wait(timeout: .now() + 20) == .success)
        let second = try LedgerStore(path: location, busySeconds: 0.3)
        #expect {
            _ = try Self.run(region: "330106", households: ["A1", "A2"]).apply(to: second) { _ in }
        } throws: { e in
            let text = "\(e)"
            return backend == .postgresql
                ? text.contains("\(location): error: a run of region 330106 is already under way against this ledger")
                    && text.contains("hint: wait for it to finish, then run again")
                : text.contains("\(location): error: the ledger is busy: another Hecha process (a run or an import) has been writing to it for more than 0.3 s, so this run of region 330106 cannot be recorded; hint: wait for it to finish, then run again")
        }
        go.signal()
        _ = done.wait(timeout: .now() + 30)
        #expect(result.all == ["330106: committed"])
        // once the first is done, the region's next run goes through
        let next = try Self.run(region: "330106", households: ["A1", "A2"]).apply(to: second) { _ in }
        #expect(next.total.new == 1 && next.total.stillOpen == 1)
    }

    @Test(arguments: LedgerBackend.postgresOnly) func aRunRefusedBecauseItsRegionIsUnderWayKeepsTheLedgerAsItWas(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        try LedgerFixture.run(dir, ledger: ledger)
        let before = try LedgerFixture.snapshot(ledger)
        let inside = DispatchSemaphore(value: 0), go = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let result = Outcomes()
        // another machine's run of the demo region (420525) is in its transaction
        Self.start(Self.run(region: "420525", households: []), on: ledger, inside: inside, go: go, result: result, done: done)
        #expect(inside.wait(timeout: .now() + 20) == .success)
        defer { go.signal(); _ = done.wait(timeout: .now() + 30) }
        #expect {
            try LedgerFixture.run(dir, ledger: ledger)
        } throws: { e in
            guard let h = e as? HostError else { return false }
            let text = h.diagnostics.map(\.description).joined(separator: "\n")
            return h.code == .output && text.contains("a run of region 420525 is already under way against this ledger")
                && text.contains("the ledger was left as it was before this run")
        }
        #expect(try LedgerFixture.snapshot(ledger) == before)
    }
}
