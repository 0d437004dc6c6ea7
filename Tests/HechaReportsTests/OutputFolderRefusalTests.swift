import Foundation
import HechaCore
import HechaReports
import Testing

/// A folder that is not exactly an earlier run's output is never replaced: the user's files in it
/// survive, and the refusal names them.
struct OutputFolderRefusalTests {
    let helpers = OutputFolderTests()

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Replacing `out` must fail with a message containing every one of `names`, and leave the folder byte-identical.
    func expectRefused(_ out: String, naming names: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let before = helpers.snapshot(out)
        var message = ""
        do {
            try OutputFolder.replace(out, with: helpers.first)
            Issue.record("the folder was replaced", sourceLocation: sourceLocation)
        } catch {
            message = error.description
        }
        for n in names { #expect(message.contains(n), "\(message) does not name \(n)", sourceLocation: sourceLocation) }
        let after = helpers.snapshot(out)
        #expect(after.keys.sorted() == before.keys.sorted(), sourceLocation: sourceLocation)
        for (k, v) in before { #expect(after[k]?.0 == v.0, "\(k) changed", sourceLocation: sourceLocation) }
    }

    @Test func aWebAppsManifestIsNotARun() throws {
        let out = helpers.temp()
        try write("{\"name\": \"my app\", \"icons\": []}", to: out + "/manifest.json")
        try write("<html>", to: out + "/index.html")
        expectRefused(out, naming: ["index.html", "manifest.json", "--out"])
    }

    @Test(arguments: ["rejects/mine.csv", "by-township/鸣凤镇-核查结果.xlsx"])
    func aFolderNamedLikeAnOutputIsNotARun(file: String) throws {
        let out = helpers.temp()
        try write("mine", to: out + "/" + file)
        expectRefused(out, naming: [file])
    }

    @Test func aFileSavedIntoAnEarlierRunSurvives() throws {
        let out = helpers.temp() + "/out"
        try OutputFolder.replace(out, with: helpers.first)
        try write("核查记录", to: out + "/notes.txt")
        try write("表格", to: out + "/by-township/a-已核查.csv")
        expectRefused(out, naming: ["notes.txt", "by-township/a-已核查.csv"])
    }

    @Test func anOutputEditedAfterTheRunSurvives() throws {
        let out = helpers.temp() + "/out"
        try OutputFolder.replace(out, with: helpers.first)
        try write("a, checked by 王", to: out + "/by-township/a.csv")
        expectRefused(out, naming: ["by-township/a.csv", "changed"])
    }

    @Test func anEarlierRunWithAnOutputDeletedIsReplaced() throws {
        let out = helpers.temp() + "/out"
        try OutputFolder.replace(out, with: helpers.first)
        try FileManager.default.removeItem(atPath: out + "/report.html")
        try OutputFolder.replace(out, with: helpers.first)
        #expect(helpers.snapshot(out).count == helpers.first.count)
    }

    @Test func aLinkedOutputFolderIsFollowedAndTheLinkKept() throws {
        let parent = helpers.temp()
        try FileManager.default.createDirectory(atPath: parent + "/real", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: parent + "/out", withDestinationPath: parent + "/real")
        try OutputFolder.replace(parent + "/out", with: helpers.first)
        try OutputFolder.replace(parent + "/out", with: helpers.first)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: parent + "/out") == parent + "/real")
        #expect(helpers.snapshot(parent + "/real").count == helpers.first.count)
    }

    @Test func aDanglingLinkIsRefused() throws {
        let parent = helpers.temp()
        try FileManager.default.createSymbolicLink(atPath: parent + "/out", withDestinationPath: parent + "/nowhere")
        #expect(throws: OutputFolderError.self) { try OutputFolder.replace(parent + "/out", with: helpers.first) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: parent + "/out") == parent + "/nowhere")
        #expect(!FileManager.default.fileExists(atPath: parent + "/nowhere"))
    }

    @Test func aSecondRunForTheSameNewFolderIsRefusedClearly() throws {
        let out = helpers.temp() + "/out"
        let one = try OutputFolderReservation(out)
        var message = ""
        do { _ = try OutputFolderReservation(out) } catch { message = error.description }
        #expect(message.contains("another Hecha run is writing"))
        try OutputFolder.replace(one, with: helpers.first)
        one.release()
        // once the first is done, the folder is free again
        try OutputFolder.replace(out, with: helpers.first)
    }

    @Test func aNewFolderLeftEmptyByAFailedRunIsRemoved() throws {
        let out = helpers.temp() + "/out"
        let r = try OutputFolderReservation(out)
        #expect(FileManager.default.fileExists(atPath: out))
        r.release()
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
