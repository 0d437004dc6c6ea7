import Foundation
import HechaCore

/// The SHA-256 and size of a file, read in 1 MiB chunks (input files can be larger than memory).
struct FileDigest {
    var sha256: String
    var size: Int

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var hash = SHA256()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hash.update($0) }
            size += chunk.count
        }
        self.sha256 = hash.hexDigest()
        self.size = size
    }
}
