import Foundation

/// An output folder claimed by one run, from its start until its outputs are swapped in.
///
/// Reserving a folder checks, before any data is read, that the run may replace it (it is new,
/// empty, or holds exactly an earlier run's outputs: ``PreviousRunCheck``), creates it when it is
/// new, and takes an exclusive lock on it (`flock` on the folder itself, so no file is added next
/// to it): a second run for the same folder is refused at once with a clear message instead of
/// failing when it swaps. A symbolic link given as the folder is followed: the folder it points
/// to is the one replaced, and the link stays as it was.
public final class OutputFolderReservation: @unchecked Sendable {
    /// The folder as the user named it, for messages.
    public let shown: String
    /// The folder the outputs go to, links resolved.
    let target: URL
    /// The open folder holding the lock (-1 once released).
    private var descriptor: Int32
    /// True when this run created the folder (it is removed again if the run writes nothing).
    private let created: Bool
    /// Set once outputs were swapped in: the folder is then the run's, never removed.
    var written = false

    /// Checks and locks `folder`.
    ///
    /// - Throws: ``OutputFolderError`` when the folder holds anything that is not an earlier
    ///   run's output (naming it), is not a folder, cannot be created, or is in use by another run.
    public init(_ folder: String) throws(OutputFolderError) {
        shown = folder
        let fm = FileManager.default
        target = try Self.resolve(folder)
        // a run killed between its two renames left the folder aside: put it back first
        OutputFolder.recoverLeftovers(of: target)
        var created = false
        var st = stat()
        if lstat(target.path, &st) != 0 {
            do {
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw OutputFolderError("cannot create the folder of \(folder): \(error.localizedDescription); check the path and its permissions")
            }
            if mkdir(target.path, 0o755) == 0 {
                created = true
            } else if errno != EEXIST {
                throw OutputFolderError("cannot create the output folder \(folder): \(String(cString: strerror(errno)))")
            }
        }
        self.created = created
        // close-on-exec: a program the run starts must not hold the lock after the run lets it go
        descriptor = open(target.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputFolderError("\(folder) exists and is not a folder that can be opened (\(String(cString: strerror(errno)))); choose another output folder")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno == EWOULDBLOCK
                ? "another Hecha run is writing \(folder) right now; wait for it to finish, or give this run another --out"
                : "cannot lock the output folder \(folder): \(String(cString: strerror(errno)))"
            close(descriptor)
            descriptor = -1
            throw OutputFolderError(reason)
        }
        if !created {
            do throws(OutputFolderError) { try check() } catch {
                release()
                throw error
            }
        }
    }

    deinit { release() }

    /// Checks again that the folder holds only an earlier run's outputs (the user may have saved a
    /// file into it while this run was reading).
    func check() throws(OutputFolderError) {
        if let refusal = PreviousRunCheck.refusal(for: target, shownAs: shown) { throw OutputFolderError(refusal) }
    }

    /// Lets the folder go; a folder this run created and left empty is removed again.
    public func release() {
        guard descriptor >= 0 else { return }
        if created && !written { _ = rmdir(target.path) }  // only succeeds while it is empty
        close(descriptor)
        descriptor = -1
    }

    /// The folder to write: `folder` itself, or where it points when it is a symbolic link.
    static func resolve(_ folder: String) throws(OutputFolderError) -> URL {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        var st = stat()
        guard lstat(url.path, &st) == 0 else { return url }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            return url
        case S_IFLNK:
            guard let resolved = realpath(url.path, nil) else {
                throw OutputFolderError("\(folder) is a symbolic link to a folder that does not exist; create that folder or choose another --out")
            }
            defer { free(resolved) }
            let path = String(cString: resolved)
            var target = stat()
            guard stat(path, &target) == 0, (target.st_mode & S_IFMT) == S_IFDIR else {
                throw OutputFolderError("\(folder) is a symbolic link to \(path), which is not a folder; choose another output folder")
            }
            return URL(fileURLWithPath: path)
        default:
            throw OutputFolderError("\(folder) exists and is not a folder; choose another output folder")
        }
    }
}
