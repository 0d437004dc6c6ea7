import Foundation
import HechaCore

/// Paths of the repository and scratch folders for the ledger tests, and the demo region copied
/// where a test may change its data.
enum LedgerFixture {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// One folder for this test process, removed when the process exits.
    static let scratch: String = {
        let dir = NSTemporaryDirectory() + "hecha-ledger-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: LedgerFixture.scratch) }
        return dir
    }()

    /// A new empty folder inside `scratch`.
    static func temporaryDirectory() -> String {
        let dir = scratch + "/" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A copy of the demo region (data and region file) in a new folder; returns the folder.
    static func demoCopy(_ edit: (String) -> String = { $0 }) -> String {
        let dir = temporaryDirectory()
        try! FileManager.default.copyItem(atPath: path("rulesets/regions/demo"), toPath: dir + "/demo")
        let text = try! String(contentsOfFile: path("rulesets/regions/demo.yaml"), encoding: .utf8)
        try! edit(text).write(toFile: dir + "/region.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    /// The bytes of a file.
    static func bytes(_ file: String) -> Data { FileManager.default.contents(atPath: file) ?? Data() }
}
