import Foundation

/// One file of a run's output folder.
public struct OutputFile: Sendable {
    /// The path inside the output folder, e.g. `by-township/鸣凤镇.csv`.
    public var path: String
    /// Files with full id numbers are readable by their owner only (mode 0600; others 0644).
    public var ownerOnly: Bool
    /// Produces the bytes when the file is written; a throw abandons the whole folder.
    public var contents: @Sendable () throws -> [UInt8]

    /// A file whose bytes are produced only when the folder is written.
    public init(path: String, ownerOnly: Bool = false, contents: @escaping @Sendable () throws -> [UInt8]) {
        self.path = path
        self.ownerOnly = ownerOnly
        self.contents = contents
    }

    /// A file holding `text` as UTF-8.
    public init(path: String, ownerOnly: Bool = false, text: String) {
        let bytes = Array(text.utf8)
        self.init(path: path, ownerOnly: ownerOnly) { bytes }
    }
}

/// Why an output folder cannot be written.
public struct OutputFolderError: Error, Sendable, CustomStringConvertible {
    /// What failed, naming the folder and the underlying error.
    public var description: String
    init(_ d: String) { description = d }
}

/// Writes a run's output folder atomically: every file goes into a temporary sibling folder
/// (`.<name>.partial-<pid>`), and only when all are written is it renamed into place. A run that
/// fails or is killed midway leaves the previous run's folder exactly as it was.
///
/// The swap is one atomic exchange of the two folders on Linux file systems that support it
/// (`renameat2` with `RENAME_EXCHANGE`), so the output folder never goes missing; elsewhere it is
/// two renames (the previous folder aside to `.<name>.previous-<pid>`, the new one in, then the
/// previous one deleted), the first undone if the second fails. Leftover temporary folders of runs
/// that died are removed, or put back, by the next run.
///
/// The folder is Hecha's: it must be new, empty, or exactly a previous run's output (see
/// ``PreviousRunCheck``); anything else is refused rather than replaced, so that `--out .` cannot
/// wipe a working folder and a file a user saved into the folder is never deleted. A run reserves
/// its folder when it starts (``OutputFolderReservation``), so that a second run for the same
/// folder is refused at once.
public enum OutputFolder {
    /// The file that marks a folder as a run's output.
    public static let marker = "manifest.json"

    /// Reserves `folder` and replaces it with `files` (for callers that do not reserve ahead).
    ///
    /// - Parameter atomicExchange: use the one-step exchange where available (tests turn it off to
    ///   prove the two-rename fallback).
    public static func replace(_ folder: String, with files: [OutputFile], atomicExchange: Bool = true) throws(OutputFolderError) {
        let reservation = try OutputFolderReservation(folder)
        defer { reservation.release() }
        try replace(reservation, with: files, atomicExchange: atomicExchange)
    }

    /// Replaces a reserved folder with `files`, checking once more that it holds only an earlier
    /// run's outputs.
    public static func replace(_ reservation: OutputFolderReservation, with files: [OutputFile],
                               atomicExchange: Bool = true) throws(OutputFolderError) {
        let fm = FileManager.default
        let folder = reservation.shown
        let target = reservation.target
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        recoverLeftovers(of: target)
        try reservation.check()
        let pid = getpid()
        let temp = parent.appendingPathComponent(".\(name).partial-\(pid)")
        try? fm.removeItem(at: temp)
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
            for file in files {
                let url = temp.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let bytes = try file.contents()
                try createFile(bytes, at: url.path, mode: file.ownerOnly ? 0o600 : 0o644)
            }
        } catch {
            try? fm.removeItem(at: temp)
            throw OutputFolderError("cannot write the output folder \(folder): \(error)")
        }
        // swap: one atomic exchange where the file system has it (the output folder never goes
        // missing, even for a moment); otherwise two renames, repaired by the next run if it dies
        // between them. The reserved folder always exists by now.
        if atomicExchange, exchange(temp.path, target.path) {
            try? fm.removeItem(at: temp)  // now holds the previous run's outputs
        } else {
            let aside = parent.appendingPathComponent(".\(name).previous-\(pid)")
            try? fm.removeItem(at: aside)
            guard rename(target.path, aside.path) == 0 else {
                let e = String(cString: strerror(errno))
                try? fm.removeItem(at: temp)
                throw OutputFolderError("cannot replace \(folder): \(e)")
            }
            guard rename(temp.path, target.path) == 0 else {
                let e = String(cString: strerror(errno))
                _ = rename(aside.path, target.path)
                try? fm.removeItem(at: temp)
                throw OutputFolderError("cannot replace \(folder): \(e)")
            }
            try? fm.removeItem(at: aside)
        }
        reservation.written = true
    }

    /// Atomically exchanges two paths (Linux `renameat2` with `RENAME_EXCHANGE`); false when the
    /// system or file system does not offer it.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Writes `bytes` to a new file created with `mode`, so that a file with full ids is never,
    /// even briefly, readable by others.
    static func createFile(_ bytes: [UInt8], at path: String, mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        var created = stat()  // open applied the umask (mode & ~umask): keep its stricter bits, never widen
        _ = fchmod(fd, fstat(fd, &created) == 0 ? mode & created.st_mode & 0o777 : mode)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard n > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset += n
        }
    }

    /// Cleans up after runs that were killed: removes their `.<name>.partial-<pid>` folders, and
    /// puts a `.<name>.previous-<pid>` folder back when the run died between the two renames (the
    /// output folder is then missing), or removes it when the new folder made it in.
    static func recoverLeftovers(of target: URL) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let entries = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        for e in entries {
            for prefix in [".\(name).partial-", ".\(name).previous-"] where e.hasPrefix(prefix) {
                guard let pid = Int32(e.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
                let url = parent.appendingPathComponent(e)
                if prefix.hasSuffix("previous-"), !fm.fileExists(atPath: target.path) {
                    _ = rename(url.path, target.path)
                } else {
                    try? fm.removeItem(at: url)
                }
            }
        }
    }
}
