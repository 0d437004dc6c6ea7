import ConnectorKit
import Dispatch
import Foundation
import Synchronization

/// SHA-256 digests of input files for the manifest, computed ahead in the background.
///
/// The roster is read on one core before anything else can start; meanwhile the other core hashes
/// the sources' files, so the manifest need not read gigabytes again at the end of a run. A digest
/// is used only if the file's ``FileStamp`` (inode, size, modification time) is still the one it
/// was hashed with; otherwise (or when it is not ready) the file is hashed when asked for.
final class InputDigests: Sendable {
    private struct Entry {
        var digest: FileDigest
        var stamp: FileStamp
    }
    private let done = Mutex<[String: Entry]>([:])
    private let cancelled = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let started = Atomic<Bool>(false)
    /// How long hashing ahead took, once it has ended.
    private let took = Mutex<Double?>(nil)

    /// Starts hashing every regular file directly inside `folders`, largest first.
    func prefetch(folders: [String]) {
        started.store(true, ordering: .relaxed)
        let began = StageClock.now()
        DispatchQueue.global(qos: .utility).async { [self] in
            defer {
                took.withLock { $0 = StageClock.now() - began }
                finished.signal()
            }
            let fm = FileManager.default
            var files: [(path: String, size: Int)] = []
            for folder in folders {
                for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] {
                    let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                    guard let a = try? fm.attributesOfItem(atPath: path), a[.type] as? FileAttributeType == .typeRegular else { continue }
                    files.append((path, (a[.size] as? Int) ?? 0))
                }
            }
            for f in files.sorted(by: { $0.size > $1.size }) {
                if cancelled.load(ordering: .relaxed) { return }
                guard let d = try? FileDigest(path: f.path), let stamp = d.stamp else { continue }
                done.withLock { $0[f.path] = Entry(digest: d, stamp: stamp) }
            }
        }
    }

    /// The digest of `path`: the one computed ahead when the file has not changed since, else a
    /// new one. With `expected` (the stamp of the bytes a reader read), the digest must be of a
    /// file with that stamp.
    ///
    /// - Throws: ``FileChangedError`` when the file is no longer the one that was read.
    func digest(_ path: String, expected: FileStamp? = nil) throws -> FileDigest {
        if let e = done.withLock({ $0[path] }), let now = FileStamp(path: path), now == e.stamp, expected == nil || expected == now {
            return e.digest
        }
        return try FileDigest(path: path, expected: expected)
    }

    /// How long hashing ahead took (from ``prefetch(folders:)`` on), once it has ended: when it is
    /// no longer than the roster took, it cost the run no time.
    var secondsTaken: Double? { took.withLock { $0 } }

    /// Waits until every file has been hashed ahead.
    func waitUntilDone() {
        if started.exchange(false, ordering: .relaxed) { finished.wait() }
    }

    /// Stops hashing ahead (a run that fails early) and waits for the background work to end.
    func finish() {
        cancelled.store(true, ordering: .relaxed)
        if started.exchange(false, ordering: .relaxed) { finished.wait() }
    }
}
