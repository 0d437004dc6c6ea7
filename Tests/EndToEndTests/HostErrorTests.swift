import Foundation
import HechaCore
import HechaHost
import Testing

/// Exit codes and messages of the host for bad configuration and bad data.
struct HostErrorTests {
    /// A copy of the demo region in a temporary folder, with `edit` applied to its region file.
    func demoCopy(_ edit: (String) -> String) -> String {
        let dir = Repository.temporaryDirectory()
        let data = Repository.path("rulesets/regions/demo")
        try! FileManager.default.copyItem(atPath: data, toPath: dir + "/demo")
        let text = try! String(contentsOfFile: Repository.path("rulesets/regions/demo.yaml"), encoding: .utf8)
        try! edit(text).write(toFile: dir + "/region.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    func run(_ dir: String) -> HostError? {
        do {
            _ = try RegionRun(registry: .known).run(RunRequest(regionFile: dir + "/region.yaml", outputDirectory: dir + "/out",
                                                               rulesetsDirectory: Repository.path("rulesets")))
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownSourceIsAConfigurationError() {
        let dir = demoCopy { $0.replacingOccurrences(of: "vehicle-registry:", with: "vehicle-registy:") }
        let e = run(dir)
        #expect(e?.code == .configuration)
        #expect(e?.message.contains("unknown source 'vehicle-registy'; did you mean 'vehicle-registry'?") == true)
        #expect(e?.message.contains("region.yaml:19:3: error:") == true)
    }

    @Test func missingFolderIsAConfigurationError() {
        let dir = demoCopy { $0.replacingOccurrences(of: "demo/data/vehicles", with: "demo/data/cars") }
        let e = run(dir)
        #expect(e?.code == .configuration)
        #expect(e?.message.contains("does not exist: demo/data/cars") == true)
    }

    @Test func aMissingExportIsAConfigurationErrorListingTheFilesFound() throws {
        let dir = demoCopy { $0 }
        try FileManager.default.moveItem(atPath: dir + "/demo/data/vehicles/机动车登记.csv", toPath: dir + "/demo/data/vehicles/机动车登记(1).csv")
        let banking = dir + "/demo/data/banking"
        for f in try FileManager.default.contentsOfDirectory(atPath: banking) {
            try FileManager.default.moveItem(atPath: banking + "/" + f, toPath: banking + "/" + f + ".txt")
        }
        var message = ""
        do {
            _ = try RegionRun(registry: .known).validate(regionFile: dir + "/region.yaml", rulesetsDirectory: Repository.path("rulesets"))
            Issue.record("validate passed")
        } catch {
            #expect(error.code == .configuration)
            message = error.message
        }
        #expect(message.contains("region.yaml:19:3: error: missing file '机动车登记.csv' in folder 'demo/data/vehicles' (source 'vehicle-registry')"))
        #expect(message.contains("files found: 机动车登记(1).csv"))
        #expect(message.contains("no *.jsonl file in folder 'demo/data/banking' (source 'banking')"))
    }

    func validate(_ dir: String) -> HostError? {
        do {
            _ = try RegionRun(registry: .known).validate(regionFile: dir + "/region.yaml", rulesetsDirectory: Repository.path("rulesets"))
            return nil
        } catch {
            return error
        }
    }

    @Test func anUnknownEncodingIsAConfigurationErrorBeforeReading() {
        let dir = demoCopy { $0.replacingOccurrences(of: "encoding: gb18030", with: "encoding: gb18031") }
        let e = validate(dir)
        #expect(e?.code == .configuration)
        #expect(e?.message.contains("region.yaml:18:3: error: unknown encoding 'gb18031' for source 'public-security'; did you mean 'gb18030'?") == true,
                "\(e?.message ?? "")")
    }

    @Test func aDatedStandardStartingInsideTheAuditWindowIsAConfigurationError() {
        let dir = demoCopy {
            $0.replacingOccurrences(of: "urban: [{from: 2024-01-01, value: 800}, {from: 2024-07-01, value: 850}]",
                                    with: "urban: [{from: 2024-03-01, value: 800}, {from: 2024-07-01, value: 850}]")
        }
        let e = validate(dir)
        #expect(e?.code == .configuration)
        #expect(e?.message.contains("error: parameter 'standard.urban' has no value before 2024-03-01, but the audit window starts on 2024-01-01") == true,
                "\(e?.message ?? "")")
        #expect(e?.message.contains("region.yaml:12:") == true)
        // and so the run stops before reading anything: no output folder appears
        #expect(run(dir)?.code == .configuration)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func missingColumnIsADataError() throws {
        let dir = demoCopy { $0 }
        let file = dir + "/demo/data/vehicles/机动车登记.csv"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "机动车状态", with: "状态")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let e = run(dir)
        #expect(e?.code == .data)
        #expect(e?.message.contains("demo/data/vehicles/机动车登记.csv:1: error: missing required column '机动车状态'") == true)
        // a failed run leaves no findings behind
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/findings.jsonl"))
    }

    @Test func badRulesetIsAConfigurationErrorWithItsPlace() {
        let dir = demoCopy { $0 + "rules:\n  add:\n    - id: mine\n      when: household.stauts == \"在保\"\n" }
        let e = run(dir)
        #expect(e?.code == .configuration)
        #expect(e?.message.contains("region.yaml:29:23: error: 'household' has no field 'stauts'; did you mean 'status'?") == true)
    }
}

/// A region that leaves sources out, or brings its own calendar.
struct RegionVariantTests {
    let base = HostErrorTests()

    @Test func rulesNeedingAMissingSourceAreSkippedAndSaySo() throws {
        let dir = base.demoCopy { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("banking:") && !$0.contains("officials:") }.joined(separator: "\n")
        }
        let outcome = try RegionRun(registry: .known).run(RunRequest(regionFile: dir + "/region.yaml", outputDirectory: dir + "/out",
                                                                    rulesetsDirectory: Repository.path("rulesets")))
        let skipped = Dictionary(uniqueKeysWithValues: outcome.evaluation.skipped.map { ($0.rule, $0.reason) })
        #expect(skipped.keys.sorted() == ["deposits-over-limit", "official-relative"])
        #expect(skipped["deposits-over-limit"] == "needs source(s) banking, which the region does not configure")
        #expect(!outcome.evaluation.findings.contains { $0.rule == "deposits-over-limit" })
        #expect(RunSummary.text(outcome).contains("deposits-over-limit: skipped — needs source(s) banking"))
    }

    @Test func aRegionCanNameItsOwnCalendar() throws {
        // a province that gives one more day off: 2024-09-23 (a Monday) is no longer a workday
        let dir = base.demoCopy { $0.replacingOccurrences(of: "calendar: china", with: "calendar: calendars/province.yaml") }
        try FileManager.default.createDirectory(atPath: dir + "/calendars", withIntermediateDirectories: true)
        var text = try String(contentsOfFile: Repository.path("rulesets/calendars/china.yaml"), encoding: .utf8)
        text += "  - {name: 省定假日, off: 2024-09-23}\n"
        try text.write(toFile: dir + "/calendars/province.yaml", atomically: true, encoding: .utf8)
        let region = try RegionRun(registry: .known).validate(regionFile: dir + "/region.yaml", rulesetsDirectory: Repository.path("rulesets"))
        let calendar = try #require(region.calendar)
        #expect(try !calendar.isWorkday(Day(iso: "2024-09-23")!))
        #expect(try calendar.workdays(from: Day(iso: "2024-09-20")!, to: Day(iso: "2024-10-17")!) == 15)
        #expect(region.files.contains { $0.hasSuffix("calendars/province.yaml") })
    }

    @Test func aMissingCalendarIsAConfigurationError() {
        let dir = base.demoCopy { $0.replacingOccurrences(of: "calendar: china", with: "calendar: chna") }
        let e = base.run(dir)
        #expect(e?.code == .configuration)
        #expect(e?.message.contains("calendar 'chna' not found") == true)
    }
}
