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
