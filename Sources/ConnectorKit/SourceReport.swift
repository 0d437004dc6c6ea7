import HechaCore
import Synchronization

/// Row counts of one input file. `read == accepted + rejected + duplicates + unmatched` always.
public struct FileCounts: Sendable, Hashable, Codable {
    /// The file's path as shown to people (relative to the source folder's parent as configured).
    public var file: String
    /// Rows (records) found in the file, a CSV header not counted.
    public var read = 0
    /// Rows kept as facts (or roster rows).
    public var accepted = 0
    /// Rows that could not be used; each has a ``RejectedRow`` with its reason.
    public var rejected = 0
    /// Exact duplicate rows (identical raw fields) after the first: counted once.
    public var duplicates = 0
    /// Rows whose key (id number, household id) is not in the roster: counted, not kept.
    public var unmatched = 0

    /// All counts zero, for the file shown as `file`.
    public init(file: String) { self.file = file }

    /// Whether every row read is accounted for exactly once; the conformance checks fail a connector whose counts do not.
    public var addsUp: Bool { read == accepted + rejected + duplicates + unmatched }

    /// The counts of several files added together, under the name `file`.
    public static func sum(_ files: some Sequence<FileCounts>, as file: String) -> FileCounts {
        var t = FileCounts(file: file)
        for f in files {
            t.read += f.read; t.accepted += f.accepted; t.rejected += f.rejected
            t.duplicates += f.duplicates; t.unmatched += f.unmatched
        }
        return t
    }
}

/// One rejected row: where it is, why, and the raw text of the row.
public struct RejectedRow: Sendable, Hashable, Codable {
    /// The file's path as shown to people, as in its ``FileCounts/file``.
    public var file: String
    /// The 1-based line where the row starts in the file.
    public var line: Int
    /// Why the row cannot be used, naming the column.
    public var reason: String
    /// The row's text as written in the file (UTF-8), for `rejects/*.csv`.
    public var raw: String

    /// Describes one rejected row.
    public init(file: String, line: Int, reason: String, raw: String) {
        self.file = file
        self.line = line
        self.reason = reason
        self.raw = raw
    }
}

/// The counts and rejects of one source, filled by its connector. Thread-safe.
public final class SourceReport: Sendable {
    /// The id of the connector (as in the region file's `sources:`) whose counts these are.
    public let sourceID: String
    private struct State {
        var files: [FileCounts] = []
        var rejects: [RejectedRow] = []
        var stamps: [String: FileStamp] = [:]
    }
    private let state = Mutex(State())

    /// An empty report for the source `sourceID`.
    public init(sourceID: String) { self.sourceID = sourceID }

    /// Records the final counts of one file (call once per file, when it is done). `stamp` is the
    /// ``FileStamp`` of the bytes that were read, when known: the manifest's digest of the file
    /// must be of a file with that stamp, or the run fails (the file changed in between).
    public func record(_ counts: FileCounts, rejects: [RejectedRow], readAs stamp: FileStamp? = nil) {
        state.withLock {
            $0.files.append(counts)
            $0.rejects.append(contentsOf: rejects)
            if let stamp { $0.stamps[counts.file] = stamp }
        }
    }

    /// The stamp of the bytes read for `file` (as named in its ``FileCounts``), if it was recorded.
    public func stamp(of file: String) -> FileStamp? { state.withLock { $0.stamps[file] } }

    /// The counts of each file recorded so far, in the order recorded.
    public var files: [FileCounts] { state.withLock { $0.files } }
    /// The rejected rows of all files recorded so far, in the order recorded.
    public var rejects: [RejectedRow] { state.withLock { $0.rejects } }

    /// The counts of all files added together (the file name is the source id).
    public var total: FileCounts { FileCounts.sum(files, as: sourceID) }
}
