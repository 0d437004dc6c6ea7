import Foundation

/// A folder under the system's temporary directory, removed when the value goes away.
final class TempFolder {
    let path: String

    init(files: [String: String] = [:]) throws {
        path = NSTemporaryDirectory() + "connectorkit-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    /// Writes `bytes` as they are (a file that need not be valid UTF-8).
    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
