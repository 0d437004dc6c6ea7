import ConnectorKit
import Foundation
import HechaCore

/// The SHA-256 and size of a file, read in 1 MiB chunks (input files can be larger than memory),
/// and the ``FileStamp`` of the bytes hashed.
struct FileDigest {
    var sha256: String
    var size: Int
    var stamp: FileStamp?

    /// Hashes `path`. With `expected` (the stamp of the bytes a reader read), the file must still
    /// have that stamp, so that the digest is of the very bytes whose rows were counted.
    ///
    /// - Throws: ``FileChangedError`` when the file changed since it was read, or while it is hashed.
    init(path: String, expected: FileStamp? = nil) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        let before = FileStamp(descriptor: handle.fileDescriptor)
        if let expected, before != expected {
            throw FileChangedError(path: path, message: FileStamp.changedMessage(before: expected, after: before))
        }
        var hash = SHA256()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hash.update($0) }
            size += chunk.count
        }
        let after = FileStamp(descriptor: handle.fileDescriptor)
        if let before, after != before || size != before.size {
            throw FileChangedError(path: path, message: FileStamp.changedMessage(before: before, after: after, bytesRead: size))
        }
        self.sha256 = hash.hexDigest()
        self.size = size
        self.stamp = before
    }
}

/// An input file that is not the same when its digest is taken as when it was read (or that
/// changed while it was hashed): the manifest would describe other bytes than the counts.
struct FileChangedError: Error, LocalizedError, CustomStringConvertible {
    var path: String
    var message: String

    var description: String { "\(path): \(message)" }
    var errorDescription: String? { description }
}
