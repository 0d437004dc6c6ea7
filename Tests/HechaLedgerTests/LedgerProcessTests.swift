import Foundation
@testable import HechaLedger
import Testing
import TestSupport

/// Two `hecha` processes on one ledger at once, as a scheduled run and a township import would be.
struct LedgerProcessTests {
    static let binary = LedgerFixture.path(".build/debug/hecha")

    func start(_ arguments: [String]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: LedgerProcessTests.binary)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: LedgerProcessTests.binary), "needs the built hecha binary"))
    func twoRunsAtOnceTakeTurnsAndNeverCorruptTheLedger() throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = dir + "/shared.ledger.sqlite"
        let runs = try ["a", "b"].map { out in
            try start(["run", "--region", dir + "/region.yaml", "--rulesets", LedgerFixture.path("rulesets"), "--out", dir + "/out-" + out,
                       "--ledger", ledger, "--quiet"])
        }
        for p in runs { p.waitUntilExit() }
        #expect(runs.map(\.terminationStatus) == [0, 0])
        let store = try LedgerStore(path: ledger)
        #expect(try store.read { db in try db.value("PRAGMA integrity_check") as String? } == "ok")
        #expect(try store.read { db in try db.value("SELECT COUNT(*) FROM runs") as Int? } == 2)
        // one run found every lead, the other found them again: one `found` event per lead
        let leads = try store.leads()
        #expect(leads.count == 60)  // the demo's findings (rulesets/regions/demo/expected-findings.jsonl)
        #expect(try store.read { db in try db.value("SELECT COUNT(*) FROM events WHERE kind = 'found'") as Int? } == leads.count)
        #expect(leads.allSatisfy { $0.firstRun != $0.lastRun })
    }

    /// Runs `hecha` to the end, with `input` on its standard input when given; its exit code and
    /// standard output and error.
    func hecha(_ arguments: [String], input: String? = nil) throws -> (code: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: LedgerProcessTests.binary)
        p.arguments = arguments
        let stdin = Pipe(), out = Pipe(), err = Pipe()
        if input != nil { p.standardInput = stdin }
        p.standardOutput = out
        p.standardError = err
        try p.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: LedgerProcessTests.binary), "needs the built hecha binary"))
    func theLeadsCommandsFindTheRegionsDefaultLedger() throws {
        let dir = LedgerFixture.demoCopy()
        let region = ["--region", dir + "/region.yaml", "--rulesets", LedgerFixture.path("rulesets")]
        #expect(try hecha(["leads", "list"] + region).err.contains("region.ledger.sqlite: error: no lead ledger here yet"))
        let run = try hecha(["run", "--out", dir + "/out"] + region)
        #expect(run.code == 0 && run.out.contains("Lead ledger \(dir)/region.ledger.sqlite (run 1):"))
        let list = try hecha(["leads", "list", "--rule", "vehicle-owned", "--format", "json"] + region)
        let first = try #require(list.out.split(separator: "\n").first)
        let id = try #require((try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])?["id"] as? String)
        let set = try hecha(["leads", "set", id, "--status", "不属实", "--reason", "车辆已过户", "--by", "张三"] + region)
        #expect(set.code == 0 && set.out == "\(id): dismissed (不属实)\n")
        let bad = try hecha(["leads", "set", id, "--status", "不属实", "--reason", "卖了", "--by", "张三"] + region)
        #expect(bad.code == 3 && bad.err.contains("unknown dismiss reason '卖了'"))
        let stats = try hecha(["leads", "stats"] + region)
        #expect(stats.code == 0 && stats.out.contains("vehicle-owned"))
        let whatIf = try hecha(["what-if", "--set", "vehicle.min_price=50000"] + region)
        #expect(whatIf.code == 0 && whatIf.out.contains("what if vehicle.min_price=50000:"))
        // --no-ledger leaves the ledger alone and the manifest without it
        let before = LedgerFixture.bytes(dir + "/region.ledger.sqlite")
        #expect(try hecha(["run", "--no-ledger", "--quiet", "--out", dir + "/out2"] + region).code == 0)
        #expect(LedgerFixture.bytes(dir + "/region.ledger.sqlite") == before)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: LedgerProcessTests.binary), "needs the built hecha binary"),
          arguments: LedgerBackend.postgresOnly)
    func theMonthlyCycleRunsAgainstAPostgreSQLLedger(backend: LedgerBackend) throws {
        let dir = LedgerFixture.demoCopy()
        let ledger = try backend.freshLedger()
        let region = ["--region", dir + "/region.yaml", "--rulesets", LedgerFixture.path("rulesets"), "--ledger", ledger]
        let run = try hecha(["run", "--out", dir + "/out"] + region)
        #expect(run.code == 0 && run.out.contains("Lead ledger \(ledger) (run 1):"), "\(run.err)")
        let list = try hecha(["leads", "list", "--rule", "vehicle-owned", "--format", "json"] + region)
        let first = try #require(list.out.split(separator: "\n").first)
        let id = try #require((try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])?["id"] as? String)
        let set = try hecha(["leads", "set", id, "--status", "不属实", "--reason", "车辆已过户", "--by", "张三"] + region)
        #expect(set.code == 0 && set.out == "\(id): dismissed (不属实)\n", "\(set.err)")
        let again = try hecha(["run", "--quiet", "--out", dir + "/out"] + region)
        #expect(again.code == 0, "\(again.err)")
        #expect(try LedgerStore(path: ledger).lead(id)?.status == .dismissed)
        let stats = try hecha(["leads", "stats"] + region)
        #expect(stats.code == 0 && stats.out.contains("vehicle-owned"))
        let whatIf = try hecha(["what-if", "--set", "vehicle.min_price=50000"] + region)
        #expect(whatIf.code == 0 && whatIf.out.contains("what if vehicle.min_price=50000:"))
        let users = try hecha(["users", "add", "admin", "--role", "admin", "--ledger", ledger], input: "a long enough password\n")
        #expect(users.code == 0, "\(users.err)")
        #expect(try LedgerStore(path: ledger).users().map(\.name) == ["admin"])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: LedgerProcessTests.binary), "needs the built hecha binary"))
    func aLedgerURLWithAPasswordIsAConfigurationError() throws {
        let dir = LedgerFixture.demoCopy()
        let url = "postgresql://hecha:secret@127.0.0.1:5432/ledger"
        for command in [["run", "--out", dir + "/out", "--region", dir + "/region.yaml", "--rulesets", LedgerFixture.path("rulesets")],
                        ["leads", "list", "--region", dir + "/region.yaml", "--rulesets", LedgerFixture.path("rulesets")], ["users", "list"]] {
            let r = try hecha(command + ["--ledger", url])
            #expect(r.code == 2, "\(command[0]): \(r.err)")
            // `hecha run` speaks Chinese by default, `leads` and `users` give the ledger's English
            #expect((r.err.contains("must not hold a password") || r.err.contains("不能包含密码")) && r.err.contains("PGPASSWORD"), "\(command[0]): \(r.err)")
            #expect(!r.err.contains("secret"), "the password is not repeated: \(r.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}
