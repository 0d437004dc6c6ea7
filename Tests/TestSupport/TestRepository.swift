import Foundation

/// Paths inside this repository for the tests, found from this file's location, and one scratch
/// folder for the test process, removed when it exits. Every test target uses this one.
public enum TestRepository {
    /// The repository's root: the folder holding `Package.swift`.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A path relative to the root.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// One folder for this test process, removed when the process exits.
    public static let scratch: String = {
        let dir = NSTemporaryDirectory() + "hecha-tests-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestRepository.scratch) }
        return dir
    }()

    /// A new empty folder inside ``scratch``.
    public static func temporaryDirectory() -> String {
        let dir = scratch + "/" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
