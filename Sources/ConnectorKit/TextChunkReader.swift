#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CHechaScan
import HechaCore

/// Reads a text file in large buffered chunks and hands out valid UTF-8, converting GB18030 on the
/// way and dropping a leading byte-order mark. A chunk never splits a character.
///
/// A byte that cannot be decoded stops the read with a ``Diagnostic`` that names the file, the
/// line and the byte offset, and hints at the region file's `encoding:` — unless the reader was
/// made with `keepsUndecodableLines` (UTF-8 only), which hands such lines on and lists where they
/// are (``firstUndecodable(before:)``) so that a line-oriented reader rejects just those lines.
///
/// Line ends: LF and CRLF are handed out as they are. A file whose first line ends in a lone CR
/// (an old Mac export) has every CR handed out as LF, so it reads as lines instead of as one
/// header line; this is decided once, on the first line end, and costs nothing for other files.
///
/// A file must be a regular file (a FIFO or a device is refused before anything is read, so it
/// cannot hang the run), and must not change while it is read: its ``FileStamp`` when opened and
/// when the end is reached must be equal, and the bytes read must be its size, or the read stops
/// with a ``Diagnostic`` saying so. ``stamp`` is then the stamp of the bytes handed out.
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
    /// How lines end, decided at the first line end of the file.
    private enum LineEnds { case undecided, lf, cr }
    private var lineEnds = LineEnds.undecided
    /// Hand on lines that are not valid UTF-8 instead of stopping (see ``firstUndecodable(before:)``).
    private let keepsUndecodableLines: Bool
    /// Offsets in the text handed out (counted from its first byte) where an undecodable byte is:
    /// at most one a line, in order; entries before `undecodableCursor` have been taken.
    private var undecodableOffsets: [Int] = []
    private var undecodableCursor = 0
    /// Bytes handed out so far.
    private var delivered = 0
    /// The file's stamp when opened, the bytes read from it, and the path to look at again at the end.
    private var opened: FileStamp?
    private var bytesRead = 0
    private var path: String?
    /// For a piece of a file: the bytes of it still to read (`nil`: read to the end of the file).
    private var remaining: Int?

    /// What ``FileSplit`` needs to know to split this file: its path and its stamp when opened,
    /// when it is a UTF-8 file whose first line ends in LF or CRLF (not bytes in memory, not a
    /// piece, not GB18030, not lone-CR line ends); `nil` otherwise, or before the first line end.
    var splittable: (path: String, stamp: FileStamp)? {
        guard case .file = input, remaining == nil, encoding == .utf8, lineEnds == .lf, !keepsUndecodableLines,
              let path, let opened else { return nil }
        return (path, opened)
    }
    /// The stamp of the file whose bytes were handed out, once the end was reached unchanged.
    private(set) var stamp: FileStamp?

    /// Opens the file at `path`. `displayPath` is how messages name it.
    init(path: String, displayPath: String, encoding: TextEncoding, sourceID: String? = nil,
         chunkSize: Int = 1 << 20, keepsUndecodableLines: Bool = false) throws(Diagnostic) {
        // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw Diagnostic.error("cannot open file: \(reason)", at: SourceLocation(file: displayPath, line: 0))
        }
        guard let stamp = FileStamp(descriptor: fd), stamp.isRegular else {
            close(fd)
            throw Diagnostic.error("not a regular file (a folder, FIFO, device or socket); it cannot be read as an export",
                                   at: SourceLocation(file: displayPath, line: 0),
                                   hint: "replace it with the export file itself, or remove it from the source folder")
        }
        input = .file(fd)
        opened = stamp
        self.path = path
        self.displayPath = displayPath
        self.encoding = encoding
        self.sourceID = sourceID
        self.chunkSize = max(16, chunkSize)
        self.keepsUndecodableLines = keepsUndecodableLines && encoding == .utf8
        try setUp()
    }

    /// Reads one piece of a UTF-8 file with LF line ends, `piece.range` of its bytes, as if the
    /// bytes before it had been read already: its line numbers and byte offsets are the file's.
    /// The file must still have `piece.stamp`; its end is not checked here (``FileSplit`` checks
    /// the whole file once every piece is read), and ``stamp`` stays `nil`. A piece that starts at
    /// byte 0 drops a byte-order mark, as the whole file's reader does.
    init(piece: FilePiece, path: String, displayPath: String, sourceID: String?, chunkSize: Int = 1 << 20) throws(Diagnostic) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw Diagnostic.error("cannot open file: \(reason)", at: SourceLocation(file: displayPath, line: 0))
        }
        let now = FileStamp(descriptor: fd)
        guard now == piece.stamp, lseek(fd, off_t(piece.range.lowerBound), SEEK_SET) == off_t(piece.range.lowerBound) else {
            close(fd)
            throw Diagnostic.error(FileStamp.changedMessage(before: piece.stamp, after: now),
                                   at: SourceLocation(file: displayPath, line: 0),
                                   hint: "wait until the agency's export has finished writing the file (or copy it first), then run again")
        }
        input = .file(fd)
        remaining = piece.range.count
        self.displayPath = displayPath
        encoding = .utf8
        self.sourceID = sourceID
        self.chunkSize = max(16, chunkSize)
        keepsUndecodableLines = false
        offset = piece.range.lowerBound
        linesDelivered = piece.linesBefore
        atStart = piece.range.lowerBound == 0
        lineEnds = .lf
    }

    /// Reads from bytes in memory, `chunkSize` bytes at a time (small sizes exercise chunk edges).
    init(bytes: [UInt8], displayPath: String, encoding: TextEncoding, sourceID: String? = nil,
         chunkSize: Int = 1 << 20, keepsUndecodableLines: Bool = false) throws(Diagnostic) {
        input = .memory(bytes, position: 0)
        self.displayPath = displayPath
        self.encoding = encoding
        self.sourceID = sourceID
        self.chunkSize = max(1, chunkSize)
        self.keepsUndecodableLines = keepsUndecodableLines && encoding == .utf8
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
            let size = min(chunkSize, remaining ?? chunkSize)
            var out = [UInt8](repeating: 0, count: size)
            var filled = 0
            while filled < size {
                let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, size - filled) }
                if n == 0 {
                    if remaining != nil {
                        throw Diagnostic.error("the file is shorter than when it was opened",
                                               at: SourceLocation(file: displayPath, line: 0),
                                               hint: "wait until the agency's export has finished writing the file (or copy it first), then run again")
                    }
                    try checkUnchanged(fd)
                    break
                }
                if n < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    throw Diagnostic.error("cannot read file: \(reason)", at: SourceLocation(file: displayPath, line: 0))
                }
                filled += n
                bytesRead += n
            }
            remaining? -= filled
            out.removeSubrange(filled...)
            return out
        }
    }

    /// At the end of the file: the file must be the one opened, as it was when opened.
    private func checkUnchanged(_ fd: Int32) throws(Diagnostic) {
        guard let opened, stamp == nil else { return }
        let now = FileStamp(descriptor: fd)
        let named = path.flatMap { FileStamp(path: $0) }
        guard now == opened, named == opened, bytesRead == opened.size else {
            throw Diagnostic.error(FileStamp.changedMessage(before: opened, after: named ?? now, bytesRead: bytesRead),
                                   at: SourceLocation(file: displayPath, line: 0),
                                   hint: "wait until the agency's export has finished writing the file (or copy it first), then run again")
        }
        stamp = opened
    }

    /// Where the first undecodable byte before offset `end` of the text handed out is, if any;
    /// it and the ones before it are then forgotten. A reader asks once a line, with the line's end.
    func firstUndecodable(before end: Int) -> Int? {
        guard undecodableCursor < undecodableOffsets.count, undecodableOffsets[undecodableCursor] < end else { return nil }
        let first = undecodableOffsets[undecodableCursor]
        while undecodableCursor < undecodableOffsets.count && undecodableOffsets[undecodableCursor] < end { undecodableCursor += 1 }
        if undecodableCursor == undecodableOffsets.count {
            undecodableOffsets.removeAll(keepingCapacity: true)
            undecodableCursor = 0
        }
        return first
    }

    /// Decides how lines end from the first line end in `raw`; a CR that is the last byte read
    /// is held back (`true`) until the next byte shows whether an LF follows it.
    private func decideLineEnds(_ raw: [UInt8], atEOF: Bool) -> Bool {
        guard let i = raw.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return false }
        if raw[i] == 0x0A {
            lineEnds = .lf
        } else if i + 1 < raw.count {
            lineEnds = raw[i + 1] == 0x0A ? .lf : .cr
        } else if atEOF {
            lineEnds = .cr
        } else {
            return true
        }
        return false
    }

    /// CR → LF, for a file whose lines end in a lone CR.
    private static func crToLF(_ raw: inout [UInt8]) {
        raw.withUnsafeMutableBufferPointer { p in
            for i in p.indices where p[i] == 0x0D { p[i] = 0x0A }
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
            var heldCR: [UInt8] = []
            if lineEnds == .undecided && decideLineEnds(raw, atEOF: atEOF) {
                heldCR = [raw.removeLast()]  // a CR: is it followed by an LF?
                if raw.isEmpty { carry = heldCR; continue }
            }
            if lineEnds == .cr { Self.crToLF(&raw) }
            var out: [UInt8]
            var usedUpTo = raw.count
            var badAt: [Int] = []
            /// Counted by the UTF-8 check on the way, when it could.
            var lineFeeds: Int?
            switch encoding {
            case .utf8:
                usedUpTo = try validate(raw, atEOF: atEOF, undecodable: &badAt, lineFeeds: &lineFeeds)
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
            carry = usedUpTo < raw.count ? Array(raw[usedUpTo...]) + heldCR : heldCR
            offset += usedUpTo
            if atEOF { finished = true }
            if out.isEmpty { continue }
            var shift = 0
            if atStart {
                // The first character decoded is a whole one, so a byte-order mark is whole too.
                atStart = false
                if out.count >= 3, out[0] == 0xEF, out[1] == 0xBB, out[2] == 0xBF {
                    out.removeFirst(3)
                    shift = 3
                }
                if out.isEmpty { continue }
            }
            for at in badAt { undecodableOffsets.append(delivered + at - shift) }
            delivered += out.count
            linesDelivered += lineFeeds ?? Self.countLineBreaks(out[...])
            return out
        }
        return nil
    }

    /// The number of LF bytes, counted eight bytes at a time.
    /// Where a character starts that the end of `raw` cuts off (a lead byte in the last three
    /// bytes with fewer continuation bytes after it than it needs), or `raw.count`.
    static func lastCharacterStart(_ raw: [UInt8]) -> Int {
        var back = 1
        while back <= min(3, raw.count) {
            let b = raw[raw.count - back]
            if b & 0xC0 == 0x80 {
                back += 1
                continue
            }
            if b >= 0xC0 {
                let needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                if needed > back { return raw.count - back }
            }
            break
        }
        return raw.count
    }

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

    /// How much of `raw` is whole UTF-8 characters (the rest waits for the next chunk). With
    /// `keepsUndecodableLines`, an undecodable byte is noted in `bad` and the rest of its line is
    /// not looked at; otherwise it stops the read.
    ///
    /// The SIMD check of `CHechaScan` goes first, over everything up to a character the chunk's end
    /// cuts off; when it finds the text valid it also gives the number of line feeds in it
    /// (`lineFeeds`). Otherwise, and for the few bytes after the cut, the byte-by-byte
    /// ``UTF8Validation`` finds where and what the problem is.
    private func validate(_ raw: [UInt8], atEOF: Bool, undecodable bad: inout [Int], lineFeeds: inout Int?) throws(Diagnostic) -> Int {
        var from = 0
        let cut = atEOF ? raw.count : Self.lastCharacterStart(raw)
        var counted = 0
        if raw.withUnsafeBufferPointer({ hecha_utf8_check($0.baseAddress, cut, &counted) }) == 1 {
            // the bytes from `cut` on are one character's first bytes (no line feed among them)
            lineFeeds = counted
            if cut == raw.count { return raw.count }
            from = cut
        }
        while from < raw.count {
            let outcome = raw.withUnsafeBufferPointer { UTF8Validation.check(UnsafeBufferPointer(rebasing: $0[from...])) }
            switch outcome {
            case .valid:
                return raw.count
            case .incomplete(let at):
                if !atEOF { return from + at }
                guard keepsUndecodableLines else { throw undecodable(raw, at: from + at, truncated: true) }
                bad.append(from + at)
                return raw.count
            case .invalid(let at):
                guard keepsUndecodableLines else { throw undecodable(raw, at: from + at, truncated: false) }
                bad.append(from + at)
                guard let lf = raw[(from + at)...].firstIndex(of: 0x0A) else { return raw.count }
                from = lf + 1
            }
        }
        return raw.count
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
