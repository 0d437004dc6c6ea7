import Foundation
import HechaCore
import TestSupport

/// Paths of the repository and scratch folders for the ledger tests, and the demo region copied
/// where a test may change its data.
enum LedgerFixture {
    static var root: URL { TestRepository.root }

    static func path(_ relative: String) -> String { TestRepository.path(relative) }

    /// The test process's scratch folder.
    static var scratch: String { TestRepository.scratch }

    /// A new empty folder inside `scratch`.
    static func temporaryDirectory() -> String { TestRepository.temporaryDirectory() }

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
