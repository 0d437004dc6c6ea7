import ConnectorKit
import Foundation
import HechaCore
@testable import HechaHost
import Testing

/// Digests computed ahead are used only for files that have not changed since.
struct InputDigestsTests {
    @Test func aheadDigestsMatchAndChangedFilesAreHashedAgain() throws {
        let dir = Repository.temporaryDirectory()
        let a = dir + "/a.csv", b = dir + "/b.csv"
        try "one\n".write(toFile: a, atomically: true, encoding: .utf8)
        try String(repeating: "two,2\n", count: 50_000).write(toFile: b, atomically: true, encoding: .utf8)
        let modified = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: b)
        let digests = InputDigests()
        digests.prefetch(folders: [dir])
        digests.waitUntilDone()
        #expect(try digests.digest(a).sha256 == SHA256.hex(Array("one\n".utf8)))
        #expect(try digests.digest(b).size == 300_000)
        // the digest computed ahead is what is used while size and modification time are unchanged
        let hashedAhead = try digests.digest(b).sha256
        try String(repeating: "two,3\n", count: 50_000).write(toFile: b, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: b)
        #expect(try digests.digest(b).sha256 == hashedAhead)
        try FileManager.default.setAttributes([.modificationDate: modified.addingTimeInterval(1)], ofItemAtPath: b)
        #expect(try digests.digest(b).sha256 != hashedAhead)
        // changed after it was hashed: hashed again
        try "changed\n".write(toFile: a, atomically: true, encoding: .utf8)
        #expect(try digests.digest(a).sha256 == SHA256.hex(Array("changed\n".utf8)))
        #expect(throws: (any Error).self) { try digests.digest(dir + "/missing.csv") }
    }
}

/// The manifest's digest must be of the very bytes that were read: a file changed after its rows
/// were counted fails the run instead of being hashed as it is now.
struct ReadBytesDigestTests {
    @Test func aFileChangedAfterItWasReadIsNotHashedForTheManifest() throws {
        let dir = Repository.temporaryDirectory()
        let a = dir + "/a.csv"
        try String(repeating: "one,1\n", count: 10_000).write(toFile: a, atomically: false, encoding: .utf8)
        let digests = InputDigests()
        digests.prefetch(folders: [dir])
        digests.waitUntilDone()
        let read = try #require(FileStamp(path: a))
        #expect(try digests.digest(a, expected: read).size == 60_000)
        // truncated after the reader was done with it
        #expect(truncate(a, 600) == 0)
        #expect {
            try digests.digest(a, expected: read)
        } throws: { error in
            "\(error)".contains("\(a): the file changed while it was read") && "\(error)".contains("run again when the export is complete")
        }
        #expect(throws: FileChangedError.self) { try FileDigest(path: a, expected: read) }
        #expect(throws: HostError.self) { try ReportInputBuilder.digest(a, from: digests, expected: read) }
    }
}
