#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CHechaScan
import HechaCore

/// One piece of a file split across threads: `range` of its bytes, starting where a record does,
/// with `linesBefore` line feeds before it; the file had `stamp` when it was split.
struct FilePiece: Sendable, Equatable {
    var range: Range<Int>
    var linesBefore: Int
    var stamp: FileStamp
}

/// Where to cut a large CSV file so that threads can read its pieces at once.
///
/// The file is cut into equal byte ranges first. The quotes and line feeds of each range are
/// counted (on as many threads, by `CHechaScan`), which gives for every cut the quoting state and
/// the line number there; each cut then moves on to the first line feed outside quotes, where a
/// record ends. The quote parity assumes well-formed quoting: the reader of each piece checks that
/// its last record ends exactly at the piece's end, and a file where one does not (a quote inside
/// an unquoted field, a quote never closed) is read again from its start on one thread.
enum FileSplit {
    /// The smallest piece worth a thread of its own: smaller files are read on one thread.
    static let smallestPiece = 32 << 20

    /// The pieces of the file at `path` (of `stamp`) for up to `threads` threads, pieces of at
    /// least `smallest` bytes; `nil` when the file is too small for two.
    static func pieces(path: String, displayPath: String, stamp: FileStamp, threads: Int,
                       smallest: Int = smallestPiece) throws(Diagnostic) -> [FilePiece]? {
        let size = stamp.size
        let count = min(threads, size / max(1, smallest))
        guard count >= 2 else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw Diagnostic.error("cannot open file: \(String(cString: strerror(errno)))", at: SourceLocation(file: displayPath, line: 0))
        }
        defer { close(fd) }
        let cuts = (0...count).map { $0 * size / count }
        // the quotes and line feeds of every range but the last, counted at once
        let tallies = SharedSlots<(quotes: Int, lineFeeds: Int)>(count: count - 1)
        LargeStack.concurrentPerform(iterations: count - 1, workers: threads) { k in
            tallies[k] = tally(fd: fd, range: cuts[k]..<cuts[k + 1])
        }
        var quotes = 0, lines = 0
        var starts: [(offset: Int, linesBefore: Int)] = [(0, 0)]
        for k in 1..<count {
            guard let t = tallies[k - 1] else { throw readError(displayPath) }
            quotes += t.quotes
            lines += t.lineFeeds
            guard let start = recordStart(fd: fd, from: cuts[k], insideQuotes: quotes % 2 == 1, linesBefore: lines, size: size) else {
                throw readError(displayPath)
            }
            // a cut with no record end after it (before the next cut's) is dropped
            if let start, start.offset < size, start.offset > starts.last!.offset { starts.append(start) }
        }
        guard starts.count >= 2 else { return nil }
        return starts.indices.map { i in
            let end = i + 1 < starts.count ? starts[i + 1].offset : size
            return FilePiece(range: starts[i].offset..<end, linesBefore: starts[i].linesBefore, stamp: stamp)
        }
    }

    /// The quotes and line feeds in `range` of the file, counted straight from its pages in the
    /// page cache (mapped 64 MiB at a time, so not copied first, and never more than that counted
    /// as the process's memory), or read a megabyte at a time where it cannot be mapped; `nil`
    /// when it cannot be read.
    private static func tally(fd: Int32, range: Range<Int>) -> (quotes: Int, lineFeeds: Int)? {
        let page = Int(sysconf(Int32(_SC_PAGESIZE))), window = 64 << 20
        var quotes = 0, lines = 0, at = range.lowerBound
        while at < range.upperBound {
            let start = at / page * page, end = min(range.upperBound, start + window)
            guard let mapped = mmap(nil, end - start, PROT_READ, mapFlags, fd, off_t(start)),
                  mapped != MAP_FAILED else { break }
            var q = 0, l = 0
            hecha_count_quotes_and_line_feeds(mapped.assumingMemoryBound(to: UInt8.self) + (at - start), end - at, &q, &l)
            munmap(mapped, end - start)
            quotes += q
            lines += l
            at = end
        }
        if at == range.upperBound { return (quotes, lines) }
        return readAndTally(fd: fd, range: at..<range.upperBound).map { (quotes + $0.quotes, lines + $0.lineFeeds) }
    }

    #if os(Linux)
    /// The window's pages are faulted in at once, not one fault a page.
    private static let mapFlags = MAP_PRIVATE | MAP_POPULATE
    #else
    private static let mapFlags = MAP_PRIVATE
    #endif

    /// ``tally(fd:range:)`` by reading, for a file that cannot be mapped.
    private static func readAndTally(fd: Int32, range: Range<Int>) -> (quotes: Int, lineFeeds: Int)? {
        let block = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: block, alignment: 64)
        defer { buffer.deallocate() }
        var quotes = 0, lines = 0, at = range.lowerBound
        while at < range.upperBound {
            let n = pread(fd, buffer.baseAddress!, min(block, range.upperBound - at), off_t(at))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            var q = 0, l = 0
            hecha_count_quotes_and_line_feeds(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), n, &q, &l)
            quotes += q
            lines += l
            at += n
        }
        return (quotes, lines)
    }

    /// The first record start at or after `from`: after the first line feed outside quotes, given
    /// the quoting state at `from`, with the line feeds before it. `.some(nil)` when the file ends
    /// first; `nil` when it cannot be read.
    private static func recordStart(fd: Int32, from: Int, insideQuotes: Bool, linesBefore: Int,
                                    size: Int) -> (offset: Int, linesBefore: Int)?? {
        var inside = insideQuotes, lines = linesBefore, at = from
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while at < size {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(at)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            for i in 0..<n {
                switch buffer[i] {
                case 0x22: inside.toggle()
                case 0x0A:
                    lines += 1
                    if !inside { return .some((at + i + 1, lines)) }
                default: break
                }
            }
            at += n
        }
        return .some(nil)
    }

    private static func readError(_ displayPath: String) -> Diagnostic {
        .error("cannot read file: \(String(cString: strerror(errno)))", at: SourceLocation(file: displayPath, line: 0))
    }
}

/// Slots that threads fill, each its own, read once every thread is done. `@unchecked Sendable`:
/// every index is written by one thread only, and read only after ``LargeStack/concurrentPerform(iterations:workers:_:)``
/// has returned (which waits for its threads); the slots are raw memory, not an `Array`, so that
/// writes to different slots are not accesses to one shared value.
final class SharedSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    /// `count` empty slots.
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: nil, count: max(1, count))
    }

    deinit {
        slots.deinitialize(count: max(1, count))
        slots.deallocate()
    }

    subscript(i: Int) -> T? {
        get { precondition(i >= 0 && i < count); return slots[i] }
        set { precondition(i >= 0 && i < count); slots[i] = newValue }
    }
}
