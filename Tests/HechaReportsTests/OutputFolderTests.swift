import Foundation
import HechaCore
import HechaReports
import Testing

/// The atomic swap of a run's output folder.
struct OutputFolderTests {
    struct WriterFailed: Error {}

    /// One folder for this test process, removed when the process exits.
    static let scratch: String = {
        let dir = NSTemporaryDirectory() + "hecha-out-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: OutputFolderTests.scratch) }
        return dir
    }()

    func temp() -> String {
        let dir = Self.scratch + "/" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Every file under `folder` with its bytes and mode.
    func snapshot(_ folder: String) -> [String: (Data, Int)] {
        var out: [String: (Data, Int)] = [:]
        let fm = FileManager.default
        for case let rel as String in fm.enumerator(atPath: folder)! {
            let path = folder + "/" + rel
            var isDir: ObjCBool = false
            fm.fileExists(atPath: path, isDirectory: &isDir)
            if isDir.boolValue { continue }
            let mode = (try! fm.attributesOfItem(atPath: path))[.posixPermissions] as! Int
            out[rel] = (fm.contents(atPath: path)!, mode)
        }
        return out
    }

    /// `files` followed by the manifest a run writes for them: Hecha's version and each output's SHA-256.
    static func run(_ files: [OutputFile]) -> [OutputFile] {
        let listed = files.map { "{\"path\": \"\($0.path)\", \"sha256\": \"\(SHA256.hex(try! $0.contents()))\"}" }
        let manifest = "{\"hecha_version\": \"\(HechaVersion.current)\", \"outputs\": [\(listed.joined(separator: ", "))]}"
        return files + [OutputFile(path: "manifest.json", text: manifest)]
    }

    let first = run([OutputFile(path: "report.html", text: "one"), OutputFile(path: "by-township/a.csv", text: "a"),
                     OutputFile(path: "findings.jsonl", ownerOnly: true, text: "{}")])

    @Test func aWriterFailingMidwayLeavesThePreviousFolderByteIdentical() throws {
        let parent = temp()
        let out = parent + "/out"
        try OutputFolder.replace(out, with: first)
        let before = snapshot(out)
        #expect(before.count == 4)
        let second = [OutputFile(path: "report.html", text: "two"), OutputFile(path: "by-township/b.csv", text: "b"),
                      OutputFile(path: "findings.jsonl", ownerOnly: true) { throw WriterFailed() },
                      OutputFile(path: "manifest.json", text: "{\"hecha_version\": \"x\", \"outputs\": []}")]
        #expect(throws: OutputFolderError.self) { try OutputFolder.replace(out, with: second) }
        let after = snapshot(out)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (k, v) in before { #expect(after[k]?.0 == v.0 && after[k]?.1 == v.1, "\(k)") }
        // no temporary folder is left behind
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    @Test(arguments: [true, false]) func aSuccessfulRunReplacesTheWholeFolder(atomicExchange: Bool) throws {
        let out = temp() + "/out"
        try OutputFolder.replace(out, with: first)
        try OutputFolder.replace(out, with: Self.run([OutputFile(path: "report.html", text: "two")]), atomicExchange: atomicExchange)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent) == ["out"])
        let s = snapshot(out)
        #expect(s.keys.sorted() == ["manifest.json", "report.html"])
        #expect(s["report.html"]?.0 == Data("two".utf8))
    }

    @Test func filesWithFullIdsAreOwnerOnly() throws {
        let out = temp() + "/out"
        try OutputFolder.replace(out, with: first)
        let s = snapshot(out)
        #expect(s["findings.jsonl"]?.1 == 0o600)
        #expect(s["report.html"]?.1 == 0o644)
    }

    @Test func aFolderOfOtherFilesIsRefused() throws {
        let out = temp()
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
        #expect(throws: OutputFolderError.self) { try OutputFolder.replace(out, with: first) }
        #expect(FileManager.default.contents(atPath: out + "/notes.txt") == Data("mine".utf8))
    }

    /// A run killed between its two renames left the previous folder aside: the next run puts it
    /// back before anything else, then replaces it.
    @Test func leftoversOfAKilledRunAreRecovered() throws {
        let parent = temp()
        try OutputFolder.replace(parent + "/out", with: first)
        // a process id that is not running: pid_max is at most 2^22
        let dead = "99999999"
        try FileManager.default.moveItem(atPath: parent + "/out", toPath: parent + "/.out.previous-" + dead)
        try FileManager.default.createDirectory(atPath: parent + "/.out.partial-" + dead, withIntermediateDirectories: false)
        try OutputFolder.replace(parent + "/out", with: Self.run([]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }
}
