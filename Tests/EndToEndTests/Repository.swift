import Foundation

/// Paths inside this repository, found from this file's location.
enum Repository {
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
        let dir = NSTemporaryDirectory() + "hecha-e2e-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Repository.scratch) }
        return dir
    }()

    /// A new empty folder inside `scratch`.
    static func temporaryDirectory() -> String {
        let dir = scratch + "/" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
