import HechaCore

/// Reads a JSON Lines file line by line, through the same decoding as CSV files (UTF-8 with or
/// without a byte-order mark, or the encoding the source names), in large chunks.
///
/// Lines end at LF or CRLF (the CR is not part of the line); lines holding only blanks are
/// skipped. Line numbers are physical lines, counting skipped ones.
final class JSONLinesReader {
    private let text: TextChunkReader
    private var buffer: [UInt8] = []
    /// Start of the current line in `buffer`.
    private var start = 0
    /// Where to look for the next LF.
    private var scan = 0
    private var line = 1
    private var atEOF = false

    init(path: String, displayPath: String, encoding: TextEncoding, sourceID: String?, chunkSize: Int) throws(Diagnostic) {
        text = try TextChunkReader(path: path, displayPath: displayPath, encoding: encoding, sourceID: sourceID,
                                   chunkSize: chunkSize)
    }

    /// The next non-blank line and its number, or `nil` at the end of the file.
    func next() throws(Diagnostic) -> (line: Int, raw: [UInt8])? {
        while true {
            if let lf = buffer[scan...].firstIndex(of: 0x0A) {
                let end = lf > start && buffer[lf - 1] == 0x0D ? lf - 1 : lf
                let found = (line: line, raw: Array(buffer[start..<end]))
                line += 1
                start = lf + 1
                scan = start
                if Self.isBlank(found.raw) { continue }
                return found
            }
            scan = buffer.count
            if atEOF {
                guard start < buffer.count else { return nil }
                let end = buffer[buffer.count - 1] == 0x0D ? buffer.count - 1 : buffer.count
                let found = (line: line, raw: Array(buffer[start..<max(start, end)]))
                start = buffer.count
                scan = start
                return Self.isBlank(found.raw) ? nil : found
            }
            if start > 0 {
                buffer.removeFirst(start)
                scan -= start
                start = 0
            }
            if let chunk = try text.next() { buffer.append(contentsOf: chunk) } else { atEOF = true }
        }
    }

    private static func isBlank(_ raw: [UInt8]) -> Bool {
        raw.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
