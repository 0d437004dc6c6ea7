#if canImport(Glibc)
import Glibc
#endif
@testable import ConnectorKit
import HechaCore
import Testing

/// A file truncated or appended to while it is read stops the read with a message naming it;
/// one read through unchanged gives the stamp of the bytes read.
struct ChangedFileTests {
    func file(rows: Int) throws -> (TempFolder, String) {
        let folder = try TempFolder(files: ["t.csv": "a,b\n" + String(repeating: "1,2\n", count: rows)])
        return (folder, folder.path + "/t.csv")
    }

    func expectChanged(_ change: (String) -> Void) throws {
        let (folder, path) = try file(rows: 1000)
        _ = folder
        let reader = try CSVReader(path: path, displayPath: "data/v/t.csv", chunkSize: 64)
        _ = try reader.next()
        change(path)
        #expect {
            try reader.readAll()
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("data/v/t.csv") && text.contains("changed while it was read")
                && text.contains("run again when the export is complete")
        }
    }

    @Test func aFileTruncatedWhileItIsReadStopsTheRead() throws {
        try expectChanged { #expect(truncate($0, 100) == 0) }
    }

    @Test func aFileAppendedToWhileItIsReadStopsTheRead() throws {
        try expectChanged { path in
            let f = fopen(path, "a")!
            fputs("3,4\n", f)
            fclose(f)
        }
    }

    @Test func anUnchangedFileGivesTheStampOfWhatWasRead() throws {
        let (folder, path) = try file(rows: 100)
        _ = folder
        let reader = try CSVReader(path: path, displayPath: "t.csv", chunkSize: 64)
        #expect(reader.stamp == nil)
        #expect(try reader.readAll().count == 101)
        #expect(reader.stamp == FileStamp(path: path))
        #expect(reader.stamp?.size == 404)
    }

    @Test func aFIFOOrADeviceIsRefusedWithoutWaiting() throws {
        let folder = try TempFolder(files: [:])
        #expect(mkfifo(folder.path + "/f.csv", 0o600) == 0)
        #expect(symlink("/dev/zero", folder.path + "/z.csv") == 0)
        for name in ["f.csv", "z.csv"] {
            #expect {
                _ = try CSVReader(path: folder.path + "/" + name, displayPath: name)
            } throws: { "\($0)".contains("\(name):") && "\($0)".contains("not a regular file") }
        }
    }
}
