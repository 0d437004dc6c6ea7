import Foundation
import HechaCore
@testable import HechaHost
import Testing

/// Real messages of each area, as the host makes them, printed in Chinese (the default) and in
/// English (`--lang en`: exactly the text the host made).
struct MessageLanguageTests {
    let host = HostErrorTests()

    func validateError(_ dir: String) -> HostError? {
        do {
            _ = try RegionRun(registry: .known).validate(regionFile: dir + "/region.yaml", rulesetsDirectory: Repository.path("rulesets"))
            return nil
        } catch {
            return error
        }
    }

    /// The diagnostics as the command line prints them in both languages (less the final newline);
    /// the English text must be the host's text unchanged.
    func rendered(_ e: HostError?) -> (zh: String, en: String) {
        let diagnostics = e?.diagnostics ?? []
        func text(_ language: MessageLanguage) -> String {
            String(DiagnosticRenderer(language: language, masksIDs: false).render(diagnostics).dropLast())
        }
        let en = text(.english)
        #expect(en == e?.message ?? "")
        return (text(.chinese), en)
    }

    @Test func aRegionFileErrorIsChineseWithItsPlaceKept() throws {
        let dir = host.demoCopy { $0.replacingOccurrences(of: "vehicle-registry:", with: "vehicle-registy:") }
        let (zh, en) = rendered(validateError(dir))
        let lines = zh.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("region.yaml:19:3: 错误：未知的数据源 'vehicle-registy'；是否应为 'vehicle-registry'？") == true, "\(zh)")
        #expect(lines.contains { $0.hasPrefix("  提示：已知的数据源有：") && $0.contains("vehicle-registry") }, "\(zh)")
        #expect(en.contains("region.yaml:19:3: error: unknown source 'vehicle-registy'; did you mean 'vehicle-registry'?"))
    }

    @Test func aRuleErrorIsChineseIncludingTheTypesItNames() throws {
        let dir = host.demoCopy { $0 + "rules:\n  add:\n    - id: mine\n      title: t\n      when: household.stauts == \"在保\" or household.members == 3\n" }
        let (zh, en) = rendered(validateError(dir))
        #expect(zh.contains("region.yaml:30:23: 错误：'household' 没有字段 'stauts'；是否应为 'status'？"), "\(zh)")
        #expect(zh.contains("  提示：它的字段有："), "\(zh)")
        #expect(en.contains("'household' has no field 'stauts'; did you mean 'status'?"))

        let typed = host.demoCopy { $0 + "rules:\n  add:\n    - id: mine\n      title: t\n      when: household.members == 3\n" }
        let (zhTyped, _) = rendered(validateError(typed))
        #expect(zhTyped.contains("错误：member 记录的列表不能与数比较"), "\(zhTyped)")
    }

    @Test func aMissingExportIsChineseWithTheFilesFound() throws {
        let dir = host.demoCopy { $0 }
        try FileManager.default.moveItem(atPath: dir + "/demo/data/vehicles/机动车登记.csv", toPath: dir + "/demo/data/vehicles/机动车登记(1).csv")
        let (zh, en) = rendered(validateError(dir))
        #expect(zh.contains("region.yaml:19:3: 错误：文件夹 'demo/data/vehicles'（数据源 'vehicle-registry'）中缺少文件 '机动车登记.csv'"), "\(zh)")
        #expect(zh.contains("  提示：请把该部门的导出文件 机动车登记.csv 放到该文件夹中（文件名必须完全一致）；已有的文件：机动车登记(1).csv"), "\(zh)")
        #expect(en.contains("missing file '机动车登记.csv' in folder 'demo/data/vehicles' (source 'vehicle-registry')"))
    }

    @Test func aDataErrorIsChinese() throws {
        let dir = host.demoCopy { $0 }
        let file = dir + "/demo/data/vehicles/机动车登记.csv"
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "机动车状态", with: "状态")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let (zh, _) = rendered(host.run(dir))
        #expect(zh.contains("demo/data/vehicles/机动车登记.csv:1: 错误：缺少必需的列 '机动车状态'"), "\(zh)")
        #expect(zh.contains("  提示：已有的列："), "\(zh)")
    }

    @Test func anOutputFolderErrorIsChinese() throws {
        let dir = Repository.temporaryDirectory()
        try "not a folder".write(toFile: dir + "/out", atomically: true, encoding: .utf8)
        var error: HostError?
        do {
            _ = try RegionRun(registry: .known).run(RunRequest(regionFile: Repository.path("rulesets/regions/demo.yaml"), outputDirectory: dir + "/out"))
        } catch let e {
            error = e
        }
        #expect(error?.code == .output)
        let (zh, en) = rendered(error)
        #expect(zh == "错误：\(dir)/out 已存在且不是文件夹；请换一个输出文件夹", "\(zh)")
        #expect(en == "error: \(dir)/out exists and is not a folder; choose another output folder")
    }

    @Test func theRunSummaryIsChineseAndItsTablesStayAligned() throws {
        let out = Repository.temporaryDirectory() + "/out"
        let outcome = try RegionRun(registry: .known).run(RunRequest(regionFile: Repository.path("rulesets/regions/demo.yaml"), outputDirectory: out))
        let english = RunSummary.text(outcome)
        #expect(MessageCatalog.text(english, in: .english) == english)
        let zh = MessageCatalog.text(english, in: .chinese)
        let lines = zh.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.contains("），核查日期 ") == true, "\(zh)")
        #expect(lines.contains { $0.hasPrefix("已写入 \(out)：report.html、") }, "\(zh)")
        // each header word starts (left-aligned) or ends (right-aligned) in the column the English one did
        let englishLines = english.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func column(_ word: String, in line: String, end: Bool) -> Int? {
            guard let r = line.range(of: word) else { return nil }
            return SummaryMessages.displayWidth(String(line[..<(end ? r.upperBound : r.lowerBound)]))
        }
        for table in SummaryMessages.tableHeaders {
            let i = try #require(englishLines.firstIndex { $0.hasPrefix(table[0].english + " ") })
            for w in table {
                #expect(column(w.chinese, in: lines[i], end: w.right) != nil, "\(lines[i])")
                #expect(column(w.chinese, in: lines[i], end: w.right) == column(w.english, in: englishLines[i], end: w.right), "\(lines[i])\n\(englishLines[i])")
            }
            #expect(lines[i + 1] == englishLines[i + 1])
        }
    }
}
