import ConnectorKit
import Foundation
import HechaCore
import HechaReports
@testable import HechaHost
import HechaRules
import Testing

/// Out-of-process connectors (`command:` sources, connectors/PROTOCOL.md): the shipped Python
/// example passes the conformance check and feeds a region run; programs that write garbage,
/// crash or hang fail the run with exit 3, name the program and its stderr, and leave the
/// previous output folder exactly as it was.
@Suite(.serialized) struct ExternalConnectorTests {
    static let example = Repository.path("connectors/examples/disability.py")
    static let fixtures = Repository.path("connectors/examples/fixtures")
    static let binary = Repository.path(".build/debug/hecha")

    /// The demo region with a `disability` source run by `program`, and a region rule on its facts.
    func region(program: String, timeout: Int? = nil) -> String {
        let dir = HostErrorTests().demoCopy { text in
            let extra = timeout.map { ", timeout_seconds: \($0)" } ?? ""
            return text + """
              disability: {command: [python3, \(program)], path: disability\(extra)}

            rules:
              add:
                - id: severe-disability-member
                  title: 测试：家庭有一级残疾成员
                  severity: low
                  applies_to: household
                  description: a co-resident member holds a grade-one disability certificate
                  when: active and count(filter(coresident.disabilities, d -> d.grade == 1)) > 0

            """
        }
        try! FileManager.default.copyItem(atPath: Self.fixtures, toPath: dir + "/disability")
        return dir
    }

    func run(_ dir: String, out: String? = nil) throws(HostError) -> RunOutcome {
        try RegionRun(registry: .known).run(RunRequest(regionFile: dir + "/region.yaml", outputDirectory: out ?? dir + "/out",
                                                       rulesetsDirectory: Repository.path("rulesets")))
    }

    /// A program that answers spec like the example and then does `onRead` (Python statements).
    func program(_ onRead: String, in dir: String) -> String {
        let path = dir + "/bad-\(UUID().uuidString.prefix(8)).py"
        let text = """
        import json, subprocess, sys, time
        sys.path.insert(0, \(JSONText.string(URL(fileURLWithPath: Self.example).deletingLastPathComponent().path)))
        import disability
        request = json.loads(sys.stdin.readline())
        if request["type"] == "spec":
            disability.send(disability.SPEC)
            sys.exit(0)
        \(onRead.split(separator: "\n").joined(separator: "\n"))

        """
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theExampleConnectorPassesTheConformanceCheck() {
        let results = ConnectorCheck(command: ["python3", Self.example], folder: Self.fixtures).run()
        #expect(results.count == 7)
        for r in results { #expect(r.passed, "\(r.check): \(r.problem ?? "")") }
    }

    @Test func theCheckFailsAProgramThatSendsUndeclaredFields() {
        let dir = Repository.temporaryDirectory()
        let bad = program("""
        print(json.dumps({"type": "record", "record": "disability", "origin": {"file": "残疾人证.csv", "line": 2},
                          "fields": {"person_id": "420525195509100561", "category": "肢体", "grade": 1, "colour": "red"}}))
        print(json.dumps({"type": "file", "file": "残疾人证.csv", "rows": 1}))
        print(json.dumps({"type": "end"}))
        """, in: dir)
        let results = ConnectorCheck(command: ["python3", bad], folder: Self.fixtures).run()
        let fits = results.first { $0.check == "every record fits its schema" }
        #expect(fits?.problem?.contains("field 'colour' is not in the spec") == true)
        #expect(results.filter(\.passed).count == 6)
    }

    @Test func theCheckFailsAProgramThatCrashesOnAMissingFolder() {
        let dir = Repository.temporaryDirectory()
        let bad = program("""
        import os
        if not os.path.isdir(request["path"]):
            raise FileNotFoundError(request["path"])
        disability.read(request["path"])
        """, in: dir)
        let results = ConnectorCheck(command: ["python3", bad], folder: Self.fixtures).run()
        #expect(results.filter { !$0.passed }.map(\.check) == ["it behaves on a missing file"])
        #expect(results.last?.problem?.contains("exited with status 1") == true)
        #expect(results.last?.problem?.contains("FileNotFoundError") == true)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: ExternalConnectorTests.binary), "needs the built hecha binary"))
    func theCheckCommandPrintsEachCheckAndItsExitCode() throws {
        func check(_ path: String) throws -> (Int32, String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Self.binary)
            p.arguments = ["connector", "check", "--command", "python3", Self.example, "--path", path, "--lang", "en"]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (p.terminationStatus, text)
        }
        let (good, text) = try check(Self.fixtures)
        #expect(good == 0)
        #expect(text.contains("pass: the spec answer is valid") && text.hasSuffix("7 of 7 checks passed\n"), "\(text)")
        // a folder with no messy row fails one check
        let clean = Repository.temporaryDirectory()
        try "证件号码,残疾类别,残疾等级,发证日期\n420525195509100561,肢体,一级,2021-03-15\n".write(toFile: clean + "/残疾人证.csv", atomically: true, encoding: .utf8)
        let (bad, badText) = try check(clean)
        #expect(bad != 0)
        #expect(badText.contains("FAIL: a messy row is rejected with its origin"), "\(badText)")
    }

    @Test func aRegionRunMatchesValidatesCountsAndDeduplicatesTheProgramsRecords() throws {
        let dir = region(program: Self.example)
        let outcome = try run(dir)
        let found = outcome.evaluation.findings.filter { $0.rule == "severe-disability-member" }.map(\.household)
        #expect(found == ["4205251000038"])   // 易云婷, 一级; 曹国超's row has an impossible date
        let source = try #require(outcome.sources.first { $0.id == "disability" })
        #expect(source.title == "残联残疾人证")
        let t = source.total
        #expect((t.read, t.accepted, t.rejected, t.duplicates, t.unmatched) == (8, 2, 4, 1, 1))
        #expect(t.addsUp)
        let rejects = source.rejects.sorted { $0.line < $1.line }
        #expect(rejects.map(\.line) == [4, 7, 8, 9])
        #expect(rejects.allSatisfy { $0.file == "disability/残疾人证.csv" })
        #expect(rejects[0].reason.contains("发证日期") && rejects[0].raw == "420525196607243990,听力,一级,2023-02-30")
        #expect(rejects[1].reason.contains("不是有效的身份证号"))
        #expect(rejects[2].reason.contains("五级"))
        // the full-width id was normalised and matched: 方浩 has his disability
        let disabilities = outcome.sources.isEmpty ? [:] : try RegionRun(registry: .known)
            .read(outcome.region).facts.collection("disabilities")
        #expect(disabilities["420525199207124232"]?.count == 1)
        // the manifest lists the file with its counts, and the rejects file has the rows
        let manifest = try String(contentsOfFile: dir + "/out/manifest.json", encoding: .utf8)
        #expect(manifest.contains("disability/残疾人证.csv"))
        let rejectsCSV = try String(contentsOfFile: dir + "/out/rejects/disability.csv", encoding: .utf8)
        #expect(rejectsCSV.contains("2023-02-30"))
    }

    /// Runs the good region, then the same region with `onRead` as the program: the second run
    /// fails with exit 3 and leaves the first run's folder byte for byte.
    func failingRun(_ onRead: String, timeout: Int? = nil) throws -> (error: HostError, program: String, seconds: Double) {
        let dir = region(program: Self.example)
        _ = try run(dir)
        let before = RunOutputTests().files(dir + "/out")
        let bad = program(onRead, in: dir)
        let text = try String(contentsOfFile: dir + "/region.yaml", encoding: .utf8)
            .replacingOccurrences(of: "python3, \(Self.example)]", with: "python3, \(bad)]" + (timeout.map { ", timeout_seconds: \($0)" } ?? ""))
        try text.write(toFile: dir + "/region.yaml", atomically: true, encoding: .utf8)
        let started = Date()
        var failure: HostError?
        do { _ = try run(dir) } catch { failure = error }
        let seconds = Date().timeIntervalSince(started)
        let error = try #require(failure)
        let after = RunOutputTests().files(dir + "/out")
        #expect(after.keys.sorted() == before.keys.sorted())
        for (name, bytes) in before { #expect(after[name] == bytes, "\(name) changed") }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.incomplete"))
        return (error, bad, seconds)
    }

    @Test func aProgramWritingInvalidJSONFailsTheRun() throws {
        let (error, program, _) = try failingRun("""
        print("about to write half a record", file=sys.stderr, flush=True)
        print(json.dumps({"type": "record", "record": "disability", "origin": {"file": "残疾人证.csv", "line": 2},
                          "fields": {"person_id": "420525195509100561", "category": "肢体", "grade": 1}}))
        print('{"type": "record", "record": ')
        """)
        #expect(error.code == .data)
        #expect(error.message.contains("the connector program python3 \(program) of source 'disability' wrote an invalid message at line 2"), "\(error.message)")
        #expect(error.message.contains("its standard error ended with:\n    about to write half a record"))
    }

    @Test func aCrashingProgramFailsTheRunWithItsStderr() throws {
        let (error, program, _) = try failingRun("""
        print("Traceback (most recent call last):", file=sys.stderr)
        print("ValueError: 残疾等级 cannot be read", file=sys.stderr)
        sys.exit(1)
        """)
        #expect(error.code == .data)
        #expect(error.message.contains("the connector program python3 \(program) of source 'disability' exited with status 1"), "\(error.message)")
        #expect(error.message.contains("its standard error ended with:\n    Traceback (most recent call last):\n    ValueError: 残疾等级 cannot be read"))
        #expect(MessageCatalog.text(error.message, in: .chinese).contains("以状态 1 退出"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: ExternalConnectorTests.binary), "needs the built hecha binary"))
    func theRunCommandExitsWithThreeWhenTheProgramCrashes() throws {
        let dir = Repository.temporaryDirectory()
        let crash = program("print('Traceback: 残疾等级 boom', file=sys.stderr)\nsys.exit(1)", in: dir)
        let region = region(program: crash)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = ["run", "--region", region + "/region.yaml", "--rulesets", Repository.path("rulesets"), "--out", region + "/out",
                       "--no-ledger", "--quiet"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 3)
        #expect(text.contains("错误：数据源 'disability' 的连接程序 python3 \(crash) 以状态 1 退出"), "\(text)")
        #expect(text.contains("    Traceback: 残疾等级 boom"))
        #expect(!FileManager.default.fileExists(atPath: region + "/out"))
    }

    @Test func aHangingProgramIsStoppedAtItsTimeoutWithItsChildren() throws {
        let pidFile = Repository.temporaryDirectory() + "/child.pid"
        let (error, program, seconds) = try failingRun("""
        child = subprocess.Popen(["sleep", "3600"])
        open(\(JSONText.string(pidFile)), "w").write(str(child.pid))
        print("reading very slowly", file=sys.stderr, flush=True)
        time.sleep(3600)
        """, timeout: 2)
        #expect(error.code == .data)
        #expect(error.message.contains("the connector program python3 \(program) of source 'disability' did not finish within 2 seconds and was stopped"),
                "\(error.message)")
        #expect(error.message.contains("    reading very slowly"))
        #expect(seconds < 30)
        // the program's own child was killed with it
        // SIGKILL is delivered at once but the process takes a moment to die on a loaded machine:
        // it must be gone (or a zombie) within a few seconds, not at the instant the run returns
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8)))
        func state() -> Substring? {
            (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
        }
        let giveUp = Date().addingTimeInterval(5)
        while let s = state(), s != "Z", Date() < giveUp { usleep(20_000) }
        let last = state()
        #expect(last == nil || last == "Z", "the child \(pid) is still running 5 s after the run stopped it: \(last ?? "")")
    }

    @Test func aBadSpecIsAConfigurationError() throws {
        let dir = region(program: Self.example)
        let bad = dir + "/bad-spec.py"
        try """
        import json, sys
        print(json.dumps({"type": "spec", "protocol": 1, "id": "x", "title": "x", "facts": [{"record": "disability", "key": "person",
              "key_field": "person_id", "collection": "disabilities", "fields": [{"name": "person_id", "type": "text"}]}]}))
        """.write(toFile: bad, atomically: true, encoding: .utf8)
        let text = try String(contentsOfFile: dir + "/region.yaml", encoding: .utf8).replacingOccurrences(of: Self.example, with: bad)
        try text.write(toFile: dir + "/region.yaml", atomically: true, encoding: .utf8)
        do {
            _ = try run(dir)
            Issue.record("a bad spec must fail the run")
        } catch {
            #expect(error.code == .configuration)
            #expect(error.message.contains("region.yaml:26:3: error: the spec of the connector program python3 \(bad) of source 'disability' is wrong: "
                                           + "fact 1: field 'person_id' has unknown type 'text'"), "\(error.message)")
        }
    }

    @Test func aCommandThatIsNotAListIsAConfigurationError() {
        let dir = HostErrorTests().demoCopy { $0 + "  disability: {command: python3, path: demo}\n" }
        let e = HostErrorTests().run(dir)
        #expect(e?.code == .configuration)
        #expect(e?.message.contains("command: of source 'disability' must be a list of the program and its arguments") == true)
    }
}
