import Foundation
import HechaHost
import HechaLedger
import HechaServer
import Hummingbird
import HummingbirdTesting
import TestSupport

/// A lead ledger of the demo region for the workbench tests: the real run writes it once per test
/// process; each test gets its own copy, with an admin and a case worker of two townships.
enum WorkbenchFixture {
    static func path(_ relative: String) -> String { TestRepository.path(relative) }

    /// The test process's scratch folder.
    static var scratch: String { TestRepository.scratch }

    /// The two townships the tests' workers belong to (both have leads in the demo region).
    static let townA = "鸣凤镇", townB = "洋坪镇"
    /// Every user's password, and the quick work factor the tests hash it with (the real default
    /// is ``PasswordHash/defaultRounds``).
    static let password = "correct horse battery"
    static let rounds = 1_000

    /// The demo region's ledger after one run, made once.
    static let demoLedger: String = {
        let dir = scratch + "/demo"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let ledger = dir + "/demo.ledger.sqlite"
        _ = try! RegionRun(registry: .known).run(RunRequest(regionFile: path("rulesets/regions/demo.yaml"), outputDirectory: dir + "/out",
                                                             rulesetsDirectory: path("rulesets"), ledgerFile: ledger))
        return ledger
    }()

    /// The demo region's ledger after one run in a database of the test server, made once.
    static let demoPostgresLedger: Result<String, any Error> = Result {
        let url = try LedgerBackend.postgresql.freshLedger()
        _ = try RegionRun(registry: .known).run(RunRequest(regionFile: path("rulesets/regions/demo.yaml"), outputDirectory: scratch + "/demo-pg-out",
                                                            rulesetsDirectory: path("rulesets"), ledgerFile: url))
        return url
    }

    /// A copy of the demo ledger (a file, or a database of the test server made from the demo's
    /// as its template) with users `admin`, `worker-a` (``townA``) and `worker-b` (``townB``).
    static func ledger(_ backend: LedgerBackend = .sqlite) throws -> LedgerStore {
        let location: String
        switch backend {
        case .sqlite:
            location = scratch + "/\(UUID().uuidString).ledger.sqlite"
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: demoLedger + suffix) {
                try FileManager.default.copyItem(atPath: demoLedger + suffix, toPath: location + suffix)
            }
        case .postgresql:
            location = try TestLedger.copyDatabase(try demoPostgresLedger.get())
        }
        let store = try LedgerStore(path: location)
        try store.addUser("admin", role: .admin, township: nil, password: password, rounds: rounds, at: "2026-01-01T00:00:00Z")
        try store.addUser("worker-a", role: .worker, township: townA, password: password, rounds: rounds, at: "2026-01-01T00:00:00Z")
        try store.addUser("worker-b", role: .worker, township: townB, password: password, rounds: rounds, at: "2026-01-01T00:00:00Z")
        return store
    }

    /// The region's evidence, read once.
    static let evidence: RegionEvidence = {
        try! RegionEvidence(regionFile: path("rulesets/regions/demo.yaml"), asOf: try! LedgerStore(path: demoLedger).lastRunDay(),
                            rulesetsDirectory: path("rulesets"), registry: .known)
    }()

    /// Runs `test` against the real server on a free loopback port and returns what it returns.
    @discardableResult
    static func serve<T: Sendable>(_ store: LedgerStore, evidence: RegionEvidence? = WorkbenchFixture.evidence,
                                   configuration: WorkbenchServer.Configuration = .init(port: 0),
                                   _ test: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        var c = configuration
        c.port = 0
        let app = WorkbenchServer(ledger: store, evidence: evidence, configuration: c).application()
        return try await app.test(.live, test)
    }
}
