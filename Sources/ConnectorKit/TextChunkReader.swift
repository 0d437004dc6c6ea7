#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HechaCore

/// Reads a text file in large buffered chunks and hands out valid UTF-8, converting GB18030 on the
/// way and dropping a leading byte-order mark. A chunk never splits a character.
///
/// A byte that cannot be decoded stops the read with a ``Diagnostic`` that names the file, the
/// line and the byte offset, and hints at the region file's `encoding:`.
final class TextChunkReader {
    private enum Input {
        case file(Int32)
        case memory([UInt8], position: Int)
    }

    private var input: Input
    let displayPath: String
    let encoding: TextEncoding
    let sourceID: String?
    private let chunkSize: Int
    private var transcoder: GB18030Transcoder?
    /// Undecoded bytes carried over from the previous read (a character cut by the chunk end).
    private var carry: [UInt8] = []
    /// File offset of `carry[0]` (or of the next byte read when `carry` is empty).
    private var offset = 0
    /// Line breaks in everything handed out so far.
    private var linesDelivered = 0
    private var atStart = true
    private var finished = false

    /// Opens the file at `path`. `displayPath` is how messages name it.
    init(path: String, displayPath: String, encoding: TextEncoding, sourceID: String? = nil,
         chunkSize: Int = 1 << 20) throws(Diagnostic) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw Diagnostic.error("cannot open file: \(reason)", at: SourceLocation(file: displayPath, line: 0))
        }
        input = .file(fd)
        self.displayPath = displayPath
        self.encoding = encoding
        self.sourceID = sourceID
        self.chunkSize = max(16, chunkSize)
        try setUp()
    }

    /// Reads from bytes in memory, `chunkSize` bytes at a time (small sizes exercise chunk edges).
    init(bytes: [UInt8], displayPath: String, encoding: TextEncoding, sourceID: String? = nil,
         chunkSize: Int = 1 << 20) throws(Diagnostic) {
        input = .memory(bytes, position: 0)
        self.displayPath = displayPath
        self.encoding = encoding
        self.sourceID = sourceID
        self.chunkSize = max(1, chunkSize)
        try setUp()
    }

    private func setUp() throws(Diagnostic) {
        if encoding == .gb18030 {
            guard let t = GB18030Transcoder() else {
                throw Diagnostic.error("this system's C library cannot convert GB18030",
                                       at: SourceLocation(file: displayPath, line: 0),
                                       hint: "install the glibc character-set converters (gconv modules), or convert the file to UTF-8")
            }
            transcoder = t
        }
    }

    deinit {
        if case .file(let fd) = input { close(fd) }
    }

    /// Reads up to `chunkSize` raw bytes; an empty result means end of file.
    private func readRaw() throws(Diagnostic) -> [UInt8] {
        switch input {
        case .memory(let bytes, let position):
            let end = min(bytes.count, position + chunkSize)
            input = .memory(bytes, position: end)
            return Array(bytes[position..<end])
        case .file(let fd):
            var out = [UInt8](repeating: 0, count: chunkSize)
            var filled = 0
            while filled < chunkSize {
                let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, chunkSize - filled) }
                if n == 0 { break }
                if n < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    throw Diagnostic.error("cannot read file: \(reason)", at: SourceLocation(file: displayPath, line: 0))
                }
                filled += n
            }
            out.removeSubrange(filled...)
            return out
        }
    }

    /// The next chunk of UTF-8 text, or `nil` at the end of the file.
    func next() throws(Diagnostic) -> [UInt8]? {
        while !finished {
            let fresh = try readRaw()
            let atEOF = fresh.isEmpty
            var raw = fresh
            if !carry.isEmpty {
                raw = carry
                raw.append(contentsOf: fresh)
                carry = []
            }
            if raw.isEmpty { finished = true; return nil }
            var out: [UInt8]
            var usedUpTo = raw.count
            switch encoding {
            case .utf8:
                let outcome = raw.withUnsafeBufferPointer { UTF8Validation.check($0) }
                switch outcome {
                case .valid: break
                case .incomplete(let at):
                    if atEOF { throw undecodable(raw, at: at, truncated: true) }
                    usedUpTo = at
                case .invalid(let at):
                    throw undecodable(raw, at: at, truncated: false)
                }
                out = usedUpTo == raw.count ? raw : Array(raw[0..<usedUpTo])
            case .gb18030:
                out = []
                out.reserveCapacity(raw.count + raw.count / 2)
                let outcome = raw.withUnsafeBufferPointer { transcoder!.convert($0, into: &out) }
                switch outcome {
                case .done: break
                case .incomplete(let at):
                    if atEOF { throw undecodable(raw, at: at, truncated: true) }
                    usedUpTo = at
                case .invalid(let at):
                    throw undecodable(raw, at: at, truncated: false)
                }
            }
            if usedUpTo < raw.count { carry = Array(raw[usedUpTo...]) }
            offset += usedUpTo
            if atEOF { finished = true }
            if out.isEmpty { continue }
            if atStart {
                // The first character decoded is a whole one, so a byte-order mark is whole too.
                atStart = false
                if out.count >= 3, out[0] == 0xEF, out[1] == 0xBB, out[2] == 0xBF { out.removeFirst(3) }
                if out.isEmpty { continue }
            }
            linesDelivered += Self.countLineBreaks(out[...])
            return out
        }
        return nil
    }

    /// The number of LF bytes, counted eight bytes at a time.
    static func countLineBreaks(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { p in
            var n = 0, i = 0
            if let base = p.baseAddress {
                let ones: UInt64 = 0x0101_0101_0101_0101
                let lf = ones &* 0x0A, low7 = ones &* 0x7F
                while i + 8 <= p.count {
                    let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ lf
                    // a byte of x is zero (an LF) exactly when the high bit of its byte here is set
                    n += (~(((x & low7) &+ low7) | x | low7)).nonzeroBitCount
                    i += 8
                }
            }
            while i < p.count {
                if p[i] == 0x0A { n += 1 }
                i += 1
            }
            return n
        }
    }

    private func undecodable(_ raw: [UInt8], at: Int, truncated: Bool) -> Diagnostic {
        // A line break byte is the same in UTF-8 and GB18030, so the raw bytes give the line.
        let line = linesDelivered + Self.countLineBreaks(raw[0..<at]) + 1
        let byteOffset = offset + at
        let hex = String(raw[at], radix: 16, uppercase: true)
        let what = truncated
            ? "the file ends in the middle of a character (byte offset \(byteOffset))"
            : "byte 0x\(hex.count == 1 ? "0" + hex : hex) at byte offset \(byteOffset) is not valid"
        let other: TextEncoding = encoding == .utf8 ? .gb18030 : .utf8
        let entry = sourceID.map { "sources: → \($0): {path: …, encoding: \(other)}" } ?? "encoding: \(other)"
        return Diagnostic.error(
            "cannot decode the file as \(encoding): \(what)",
            at: SourceLocation(file: displayPath, line: line),
            hint: "if the export uses another encoding, set `encoding:` in the region file's source entry (\(entry))")
    }
}
