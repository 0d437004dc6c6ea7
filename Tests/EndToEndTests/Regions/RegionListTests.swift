import Foundation
import HechaCore
@testable import HechaHost
import Testing

/// The list of region files of one `hecha run`: files and folders, duplicates refused, shares
/// disjoint and covering, the exit code the worst of the regions'.
struct RegionListTests {
    /// A folder holding empty files of these names.
    func folder(_ names: [String]) throws -> String {
        let dir = Repository.temporaryDirectory()
        for n in names { try Data("region: {code: \"1\", name: x}\n".utf8).write(to: URL(fileURLWithPath: dir + "/" + n)) }
        return dir
    }

    @Test func aFolderIsItsYAMLFilesSortedByNameAndAlwaysSeveral() throws {
        let dir = try folder(["b.yaml", "a.yaml", "c.yml", "notes.txt", ".a.yaml.swp", ".hidden.yaml"])
        try FileManager.default.createDirectory(atPath: dir + "/a-data.yaml", withIntermediateDirectories: false)
        let list = try RegionList.expand([dir])
        #expect(list.entries.map(\.name) == ["a", "b", "c"])
        #expect(list.entries.map(\.file) == [dir + "/a.yaml", dir + "/b.yaml", dir + "/c.yml"])
        #expect(list.isSeveral)
        // a folder with one region file still puts its outputs in a subfolder
        let one = try folder(["only.yaml"])
        #expect(try RegionList.expand([one]).isSeveral)
    }

    @Test func oneFileIsOneRegionAndSeveralFilesKeepTheirOrder() throws {
        let dir = try folder(["z.yaml", "a.yaml"])
        let single = try RegionList.expand([dir + "/z.yaml"])
        #expect(!single.isSeveral && single.entries.map(\.name) == ["z"])
        let two = try RegionList.expand([dir + "/z.yaml", dir + "/a.yaml"])
        #expect(two.isSeveral && two.entries.map(\.name) == ["z", "a"])
    }

    func problems(_ arguments: [String]) -> HostError? {
        do { _ = try RegionList.expand(arguments); return nil } catch { return error }
    }

    @Test func theSameFileTwiceOrTwoFilesOfOneNameAreRefused() throws {
        let dir = try folder(["a.yaml", "b.yaml"])
        let twice = try #require(problems([dir + "/a.yaml", dir + "/./a.yaml"]))
        #expect(twice.code == .configuration)
        #expect(twice.message.contains("\(dir)/./a.yaml: error: the region file is given twice (also as \(dir)/a.yaml)"), "\(twice.message)")
        let viaFolder = try #require(problems([dir, dir + "/b.yaml"]))
        #expect(viaFolder.message.contains("given twice"))
        let other = try folder(["a.yaml"])
        let sameName = try #require(problems([dir + "/a.yaml", other + "/a.yaml"]))
        #expect(sameName.message.contains("two region files are named 'a'"), "\(sameName.message)")
        #expect(sameName.message.contains("hint: rename one of the region files"))
    }

    @Test func aMissingPathOrAnEmptyFolderIsAConfigurationError() throws {
        let empty = try folder(["notes.txt"])
        let e = try #require(problems([empty, empty + "/missing.yaml"]))
        #expect(e.code == .configuration)
        #expect(e.message.contains("\(empty): error: the folder holds no region files (*.yaml)"))
        #expect(e.message.contains("\(empty)/missing.yaml: error: the region file or folder does not exist"))
    }

    @Test func twoFilesWithOneRegionCodeAreRefused() {
        let p = RegionList.sameCodes([("a.yaml", "420525"), ("b.yaml", "420526"), ("c.yaml", "420525")])
        #expect(p.count == 1)
        #expect(p.first?.description.hasPrefix("c.yaml: error: region code 420525 is also the code of a.yaml") == true)
    }

    @Test func sharesAreDisjointAndCoverTheList() throws {
        let names = (1...40).map { "county-\($0)" } + ["远安县", "tongxu", "a"]
        let list = RegionList(entries: names.map { RegionList.Entry(file: $0 + ".yaml", name: $0) }, isSeveral: true)
        for n in 1...6 {
            let shares = (1...n).map { RegionShare(index: $0, count: n).select(list).map(\.name) }
            #expect(shares.flatMap { $0 }.sorted() == names.sorted(), "shares of \(n) do not cover the list exactly once")
            if n > 1 { #expect(shares.allSatisfy { $0.count < names.count }, "one share of \(n) took everything") }
        }
        // the same name falls to the same share whatever else is in the list (FNV-1a, not Swift's seeded hash)
        #expect(RegionShare.share(of: "a", count: 5) == Int(0xaf63_dc4c_8601_ec8c as UInt64 % 5) + 1)
    }

    @Test func shareIsWrittenKOverN() {
        #expect(RegionShare("2/5") == RegionShare(index: 2, count: 5))
        for bad in ["0/5", "6/5", "2", "2/0", "a/b", "2/5/1", "-1/5", ""] { #expect(RegionShare(bad) == nil, "\(bad)") }
    }

    @Test func theExitCodeIsTheWorstOfTheRegions() {
        let e = RegionList.Entry(file: "a.yaml", name: "a")
        func r(_ c: HechaExitCode) -> RegionResult { RegionResult(entry: e, outputDirectory: "out/a", code: c) }
        #expect(RegionResult.worst([r(.success), r(.success)]) == .success)
        #expect(RegionResult.worst([r(.success), r(.output), r(.data)]) == .data)
        #expect(RegionResult.worst([r(.output), r(.configuration), r(.data)]) == .configuration)
        #expect(RegionResult.worst([]) == .success)
    }

    @Test func theSummaryHasAChineseLineForEachOfItsLines() {
        let e = RegionList.Entry(file: "a.yaml", name: "a")
        let bad = Diagnostic.error("unknown source 'x'", at: SourceLocation(file: "b.yaml", line: 3, column: 2), hint: "see the list")
        let results = [RegionResult(entry: e, outputDirectory: "out/a", code: .success, findings: 12),
                       RegionResult(entry: RegionList.Entry(file: "b.yaml", name: "b"), outputDirectory: "out/b", code: .configuration, firstError: bad)]
        let text = RegionResultSummary.text(results, share: RegionShare(index: 2, count: 5), total: 7)
        #expect(text.contains("  b: failed (exit 2) — out/b left as it was\n    b.yaml:3:2: error: unknown source 'x'\n"), "\(text)")
        #expect(!text.contains("see the list"))
        #expect(MessageCatalog.untranslatedLines(text).filter { !$0.isEmpty }.isEmpty,
                "\(MessageCatalog.text(text, in: .chinese))")
        #expect(MessageCatalog.text(text, in: .chinese).contains("a：成功——12 条线索，已写入 out/a"))
        #expect(MessageCatalog.text(RegionResultSummary.text([results[0]], share: nil, total: 1), in: .chinese).contains("全部 1 个区域成功"))
    }
}
