#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HechaCore

/// One line of a JSON Lines file as read: its number, its bytes (line end dropped) and, when the
/// line cannot be taken as it is, why (it is then rejected, and the file read on).
///
/// `raw` is a slice of the reader's buffer (no copy a line): let it go before asking the reader
/// for the next line, or the buffer is copied when the reader refills it.
struct JSONLine {
    var line: Int
    var raw: ArraySlice<UInt8>
    var problem: String?
}

/// Reads a JSON Lines file line by line, through the same decoding as CSV files (UTF-8 with or
/// without a byte-order mark, or the encoding the source names), in large chunks.
///
/// Lines end at LF or CRLF (the CR is not part of the line), or at a lone CR in a file whose first
/// line ends so; lines holding only blanks are skipped. Line numbers are physical lines, counting
/// skipped ones. A UTF-8 line that is not valid UTF-8 (a character cut short, say) comes with a
/// problem instead of stopping the file; so does a line longer than ``RecordLimits/recordBytes``,
/// whose bytes are then only an excerpt — the rest is skipped without being kept in memory.
final class JSONLinesReader {
    private let text: TextChunkReader
    private var buffer: [UInt8] = []
    /// Offset of `buffer[0]` in the text read.
    private var base = 0
    /// Start of the current line in `buffer`.
    private var start = 0
    /// Where to look for the next LF.
    private var scan = 0
    private var line = 1
    private var atEOF = false
    /// A line longer than this is cut (``RecordLimits/recordBytes``, smaller in tests).
    let recordLimit: Int
    /// The largest the buffer has been, in bytes (for tests of the memory bound).
    private(set) var largestBuffer = 0

    /// The stamp of the file read, once its end was reached unchanged.
    var stamp: FileStamp? { text.stamp }

    init(path: String, displayPath: String, encoding: TextEncoding, sourceID: String?, chunkSize: Int) throws(Diagnostic) {
        text = try TextChunkReader(path: path, displayPath: displayPath, encoding: encoding, sourceID: sourceID,
                                   chunkSize: chunkSize, keepsUndecodableLines: true)
        recordLimit = RecordLimits.recordBytes
    }

    /// Reads from memory (tests: small chunks exercise chunk edges, a small limit over-long lines).
    init(bytes: [UInt8], chunkSize: Int, recordLimit: Int = RecordLimits.recordBytes) throws(Diagnostic) {
        text = try TextChunkReader(bytes: bytes, displayPath: "<memory>", encoding: .utf8, chunkSize: chunkSize,
                                   keepsUndecodableLines: true)
        self.recordLimit = recordLimit
    }

    /// The next non-blank line, or `nil` at the end of the file.
    func next() throws(Diagnostic) -> JSONLine? {
        while true {
            if let lf = lineFeed(from: scan) {
                let end = lf > start && buffer[lf - 1] == 0x0D ? lf - 1 : lf
                let found = line(start..<end, endingAt: lf + 1)
                line += 1
                start = lf + 1
                scan = start
                if found.problem == nil && Self.isBlank(found.raw) { continue }
                return found
            }
            scan = buffer.count
            if atEOF {
                guard start < buffer.count else { return nil }
                let end = buffer[buffer.count - 1] == 0x0D ? buffer.count - 1 : buffer.count
                let found = line(start..<max(start, end), endingAt: buffer.count)
                start = buffer.count
                scan = start
                return found.problem == nil && Self.isBlank(found.raw) ? nil : found
            }
            if buffer.count - start > recordLimit { return try cutOverlong() }
            if start > 0 {
                buffer.removeFirst(start)
                base += start
                scan -= start
                start = 0
            }
            if let chunk = try text.next() {
                buffer.append(contentsOf: chunk)
                largestBuffer = max(largestBuffer, buffer.count)
            } else {
                atEOF = true
            }
        }
    }

    /// The line in `range` of the buffer, with a problem when it holds an undecodable byte
    /// (looked for up to `end`, the start of the next line).
    private func line(_ range: Range<Int>, endingAt end: Int) -> JSONLine {
        var found = JSONLine(line: line, raw: buffer[range])
        if let bad = text.firstUndecodable(before: base + end) {
            let column = max(1, bad - (base + range.lowerBound) + 1)
            found.problem = "不是有效的 UTF-8：第 \(column) 个字节处的字符不完整或无效（文件在此行被截断或混入了其他编码？）"
        }
        return found
    }

    /// Gives up on a line longer than ``recordLimit``: returns an excerpt of it with a problem
    /// and drops the rest, up to and including the next line end, one chunk at a time.
    private func cutOverlong() throws(Diagnostic) -> JSONLine {
        let cut = JSONLine(line: line, raw: RecordLimits.excerpt(buffer[start...], line: line)[...],
                           problem: RecordLimits.overlongReason(limit: recordLimit))
        base += buffer.count
        buffer = []
        start = 0
        scan = 0
        while let chunk = try text.next() {
            if let lf = chunk.firstIndex(of: 0x0A) {
                _ = text.firstUndecodable(before: base + lf + 1)
                base += lf + 1
                buffer = Array(chunk[(lf + 1)...])
                line += 1
                return cut
            }
            base += chunk.count
            _ = text.firstUndecodable(before: base)
        }
        atEOF = true
        return cut
    }

    /// The position of the first LF in the buffer at or after `from` (`memchr`: the reader looks at
    /// every byte of the file for line ends).
    private func lineFeed(from: Int) -> Int? {
        buffer.withUnsafeBufferPointer { p -> Int? in
            guard from < p.count, let base = p.baseAddress,
                  let hit = memchr(base + from, 0x0A, p.count - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    private static func isBlank(_ raw: ArraySlice<UInt8>) -> Bool {
        raw.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
