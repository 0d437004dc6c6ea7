import Foundation
import HechaHost
import HechaReports
import Testing

/// The built `hecha` prints its messages in Chinese unless `--lang en` is given, and in English
/// exactly the text the host made.
struct CommandLineLanguageTests {
    /// Runs the built hecha; its exit status, stdout and stderr.
    func hecha(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let executable = try #require(KilledRunTests.executable, "the hecha executable was not built")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.currentDirectoryURL = Repository.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// A demo region whose source entry names an unknown connector.
    func brokenRegion() -> String {
        HostErrorTests().demoCopy { $0.replacingOccurrences(of: "vehicle-registry:", with: "vehicle-registy:") } + "/region.yaml"
    }

    @Test func validatePrintsChineseByDefaultAndTheHostsEnglishWithLangEn() throws {
        let region = brokenRegion()
        let zh = try hecha(["validate", "--region", region, "--rulesets", Repository.path("rulesets")])
        #expect(zh.status == 2)
        #expect(zh.err.contains("\(region):19:3: 错误：未知的数据源 'vehicle-registy'；是否应为 'vehicle-registry'？\n  提示：已知的数据源有："), "\(zh.err)")

        let en = try hecha(["validate", "--region", region, "--rulesets", Repository.path("rulesets"), "--lang", "en"])
        #expect(en.status == 2)
        var hostMessage = ""
        do {
            _ = try RegionRun(registry: .known).validate(regionFile: region, rulesetsDirectory: Repository.path("rulesets"))
        } catch {
            hostMessage = error.message
        }
        #expect(!hostMessage.isEmpty)
        #expect(en.err == PrivacyMask.idsInText(hostMessage) + "\n")
    }

    @Test func validatesOkLineAndOptionErrorsFollowTheLanguage() throws {
        let ok = try hecha(["validate"])
        #expect(ok.status == 0)
        #expect(ok.out.hasPrefix("rulesets/regions/demo.yaml：通过——启用 15 条规则"), "\(ok.out)")
        let okEnglish = try hecha(["validate", "--lang", "en"])
        #expect(okEnglish.out.hasPrefix("rulesets/regions/demo.yaml: ok — 15 rules enabled"), "\(okEnglish.out)")

        let badDate = try hecha(["validate", "--as-of", "2024-13-01"])
        #expect(badDate.err.contains("--as-of '2024-13-01' 不是日期；请写作 YYYY-MM-DD"), "\(badDate.err)")
        let badDateEnglish = try hecha(["validate", "--as-of", "2024-13-01", "--lang", "en"])
        #expect(badDateEnglish.err.contains("--as-of '2024-13-01' is not a date; write YYYY-MM-DD"), "\(badDateEnglish.err)")
    }

    @Test func lintAndTestPrintTheirLastLineInTheLanguage() throws {
        let lint = try hecha(["lint", "rulesets"])
        #expect(lint.out.contains("个文件，"), "\(lint.out)")
        let lintEnglish = try hecha(["lint", "rulesets", "--lang", "en"])
        #expect(lintEnglish.out.contains(" files checked, "), "\(lintEnglish.out)")
        let test = try hecha(["test"])
        #expect(test.out.contains(" 个通过，0 个失败"), "\(test.out)")
    }
}
