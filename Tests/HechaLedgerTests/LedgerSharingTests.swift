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

    /// Runs applied on threads of their own, each held inside its publishing step (in its
    /// transaction) until ``release()``, and what each ended with.
    final class HeldRuns: Sendable {
        private let inside = DispatchSemaphore(value: 0), go = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        private let lines = Mutex<[String]>([])
        private let started = Mutex(0)

        /// Applies `run` to the ledger at `location` on a new thread; it holds in its publishing step.
        func start(_ run: LedgerRun, on location: String) {
            started.withLock { $0 += 1 }
            Thread.detachNewThread { [self] in
                do {
                    let store = try LedgerStore(path: location)
                    _ = try run.apply(to: store) { _ in
                        inside.signal()
                        _ = go.wait(timeout: .now() + 20)
                    }
                    lines.withLock { $0.append("\(run.region): committed") }
                } catch {
                    lines.withLock { $0.append("\(run.region): \(error)") }
                }
                done.signal()
            }
        }

        /// Waits until one more started run is inside its publishing step; false after 20 s.
        func oneIsInside() -> Bool { inside.wait(timeout: .now() + 20) == .success }

        /// Lets every started run go on and waits for them to end; what each ended with, sorted.
        @discardableResult func release() -> [String] {
            let count = started.withLock { $0 }
            for _ in 0..<count { go.signal() }
            for _ in 0..<count { _ = done.wait(timeout: .now() + 30) }
            return lines.withLock { $0 }.sorted()
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
        let runs = HeldRuns()
        runs.start(Self.run(region: "330106", households: ["A1"]), on: location)
        runs.start(Self.run(region: "330108", households: ["B1"]), on: location)
        // both are inside their transactions before either commits
        let first = runs.oneIsInside(), second = runs.oneIsInside()
        #expect(first && second, "the two runs did not overlap")
        #expect(runs.release() == ["330106: committed", "330108: committed"])
        let regions: [String] = try LedgerStore(path: location).read { db in try db.values("SELECT region FROM runs ORDER BY region") }
        #expect(regions == ["330106", "330108"])
    }

    @Test(arguments: LedgerBackend.available) func aSecondRunOfTheSameRegionIsRefusedWhileTheFirstIsUnderWay(backend: LedgerBackend) throws {
        let location = try backend.freshLedger()
        _ = try LedgerStore(path: location)
        let runs = HeldRuns()
        runs.start(Self.run(region: "330106", households: ["A1"]), on: location)
        #expect(runs.oneIsInside())
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
        #expect(runs.release() == ["330106: committed"])
        // once the first is done, the region's next run goes through
        let next = try Self.run(region: "330106", households: ["A1", "A2"]).apply(to: second) { _ in }
        #expect(next.total.new == 1 && next.total.stillOpen == 1)
    }

    @Test(arguments: LedgerBackend.postgresOnly) func aRunRefusedBecauseItsRegionIsUnderWayKeepsTheLedgerAsItWas(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try LedgerFixture.ledger(backend, dir)
        try LedgerFixture.run(dir, ledger: ledger)
        let before = try LedgerFixture.snapshot(ledger)
        let runs = HeldRuns()
        // another machine's run of the demo region (420525) is in its transaction
        runs.start(Self.run(region: "420525", households: []), on: ledger)
        #expect(runs.oneIsInside())
        defer { runs.release() }
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
