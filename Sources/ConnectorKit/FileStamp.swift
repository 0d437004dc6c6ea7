#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies one version of a file without reading it: its device and inode, its size and
/// its modification time to the nanosecond.
///
/// A reader takes the stamp when it opens a file and again when it reaches the end; the two must
/// be equal (and the byte count must be the size), or the file changed while it was read. The
/// manifest's digest must be of a file with the same stamp, so that its hash and size describe
/// the very bytes whose rows were counted.
public struct FileStamp: Sendable, Hashable, CustomStringConvertible {
    /// The device the file is on.
    public var device: UInt64
    /// The file's inode number.
    public var inode: UInt64
    /// The size in bytes.
    public var size: Int
    /// The modification time, in nanoseconds since 1970.
    public var modifiedNanoseconds: Int64
    /// Whether it is a regular file (not a folder, FIFO, device or socket).
    public var isRegular: Bool

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int(st.st_size)
        #if canImport(Darwin)
        modifiedNanoseconds = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #else
        modifiedNanoseconds = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #endif
        isRegular = (st.st_mode & S_IFMT) == S_IFREG
    }

    /// The stamp of the file `path` names now (symbolic links followed), or `nil` when it cannot
    /// be looked at.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.init(st)
    }

    /// The stamp of the open file `descriptor`, or `nil` when it cannot be looked at.
    public init?(descriptor: Int32) {
        var st = stat()
        guard fstat(descriptor, &st) == 0 else { return nil }
        self.init(st)
    }

    /// `size … bytes, modified …` for messages.
    public var description: String {
        let seconds = modifiedNanoseconds / 1_000_000_000, nanos = modifiedNanoseconds % 1_000_000_000
        return "\(size) bytes, modified at \(seconds).\(String(nanos + 1_000_000_000).dropFirst()) s"
    }

    /// What to tell the user about a file that changed while it was read, from `before` to `after`.
    public static func changedMessage(before: FileStamp, after: FileStamp?, bytesRead: Int? = nil) -> String {
        var what = "it had \(before.size) bytes when opened"
        if let bytesRead, bytesRead != before.size { what += ", \(bytesRead) were read" }
        if let after {
            what += after.inode != before.inode || after.device != before.device
                ? ", and another file has replaced it since" : ", and has \(after.size) bytes now"
            if after.size == before.size && after.modifiedNanoseconds != before.modifiedNanoseconds { what += " (modified since)" }
        } else {
            what += ", and it is gone now"
        }
        return "the file changed while it was read (\(what)); run again when the export is complete"
    }
}
