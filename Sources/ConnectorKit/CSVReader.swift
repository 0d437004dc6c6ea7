import HechaCore

/// A streaming RFC 4180 CSV reader that works on bytes.
///
/// - Reads the file in large chunks (1 MiB by default) through ``TextEncoding`` decoding, so memory
///   stays at one chunk plus the record being read, whatever the file's size.
/// - Fields are separated by commas; a field may be quoted, and inside quotes commas, line breaks
///   and doubled quotes (`""`) are data. Records end at LF or CRLF; a leading byte-order mark is
///   dropped. Blank lines are skipped and are not records.
/// - Malformed quoting never stops the file: a quote inside an unquoted field or characters after
///   a closing quote give a record with a ``CSVRecord/problem``; a quote that is never closed gives
///   a record (its first line only) with a problem, and reading resumes on the next line, so the
///   rest of the file is not swallowed. The same happens when a quoted field grows past
///   ``RecordLimits/quotedFieldBytes``.
/// - A record longer than ``RecordLimits/recordBytes`` with no line end is given as a record with
///   a problem holding only an excerpt (``RecordLimits/excerpt(_:line:)``); the rest of it is
///   skipped up to the next line end a chunk at a time, so memory stays bounded.
/// - Lines ending in a lone CR (old Mac exports) are read as lines (see ``TextChunkReader``).
///
/// ```swift
/// let reader = try CSVReader(path: path, displayPath: "data/vehicles/机动车登记.csv", encoding: .utf8)
/// while let record = try reader.next() { … }
/// ```
public final class CSVReader {
    /// A record longer than this is cut (``RecordLimits/recordBytes``, smaller in tests).
    let recordLimit: Int
    /// Drop everything up to the next line end before reading on (after a cut record).
    var skipsToLineEnd = false
    /// The largest the buffer has been, in bytes (for tests of the memory bound).
    private(set) var largestBuffer = 0

    /// The stamp of the file read, once its end was reached unchanged (`nil` for bytes in memory).
    public var stamp: FileStamp? { text.stamp }

    enum State { case fieldStart, unquoted, quoted, quoteSeen, junk }

    let text: TextChunkReader
    private(set) var buffer: [UInt8] = []
    /// Next byte to look at.
    var scan = 0
    var recordStart = 0
    /// Start of the current field's content (after its opening quote, for a quoted field).
    var fieldStart = 0
    var state = State.fieldStart
    /// The fields of the record being scanned, as byte ranges of `buffer`.
    var spans: [FieldSpan] = []
    /// The fields of the record last returned by ``nextRaw()`` (valid until the next call).
    private(set) var doneSpans: [FieldSpan] = []
    /// The current quoted field contains a doubled quote.
    private var escaped = false
    private var problem: String?
    /// Physical line of `buffer[scan]`.
    var line = 1
    var recordLine = 1
    private var atEOF = false
    /// The end of the text came inside a record (no line end after its last bytes): for a piece of
    /// a file, the sign that the piece does not end where a record does.
    private(set) var endedInsideRecord = false

    /// The plain records the SIMD scanner found ahead (``skipPlainRecords(keyColumn:columns:where:)``),
    /// as offsets into `buffer`: forgotten whenever `buffer` is cut or replaced.
    var plainRecords = PlainRecordBatch()

    /// How messages name the file.
    public var displayPath: String { text.displayPath }

    /// Opens the file at `path` for reading in `encoding`. `sourceID` is named in the hint of a
    /// decoding error.
    public init(path: String, displayPath: String, encoding: TextEncoding = .utf8, sourceID: String? = nil,
                chunkSize: Int = 1 << 20) throws(Diagnostic) {
        text = try TextChunkReader(path: path, displayPath: displayPath, encoding: encoding, sourceID: sourceID,
                                   chunkSize: chunkSize)
        recordLimit = RecordLimits.recordBytes
    }

    /// Reads one piece of a file (see ``FileSplit``): its records get the file's line numbers.
    init(piece: FilePiece, path: String, displayPath: String, sourceID: String?, chunkSize: Int = 1 << 20) throws(Diagnostic) {
        text = try TextChunkReader(piece: piece, path: path, displayPath: displayPath, sourceID: sourceID, chunkSize: chunkSize)
        recordLimit = RecordLimits.recordBytes
        line = piece.linesBefore + 1
        recordLine = line
    }

    /// Reads CSV text from bytes in memory (for tests; small `chunkSize`s exercise chunk edges).
    public init(bytes: [UInt8], displayPath: String = "<memory>", encoding: TextEncoding = .utf8,
                chunkSize: Int = 1 << 20) throws(Diagnostic) {
        text = try TextChunkReader(bytes: bytes, displayPath: displayPath, encoding: encoding, chunkSize: chunkSize)
        recordLimit = RecordLimits.recordBytes
    }

    /// Reads from memory with a smaller record limit (tests of over-long records).
    init(bytes: [UInt8], displayPath: String = "<memory>", encoding: TextEncoding = .utf8,
         chunkSize: Int, recordLimit: Int) throws(Diagnostic) {
        text = try TextChunkReader(bytes: bytes, displayPath: displayPath, encoding: encoding, chunkSize: chunkSize)
        self.recordLimit = recordLimit
    }

    /// Reads every record (for tests and small files).
    public func readAll() throws(Diagnostic) -> [CSVRecord] {
        var all: [CSVRecord] = []
        while let r = try next() { all.append(r) }
        return all
    }

    /// The next record, or `nil` at the end of the file.
    ///
    /// - Throws: a ``Diagnostic`` only when the file cannot be read or decoded.
    public func next() throws(Diagnostic) -> CSVRecord? {
        guard let r = try nextRaw() else { return nil }
        return CSVRecord(line: r.line, fields: doneSpans.map(string), raw: buffer[r.start..<r.end], problem: r.problem)
    }

    /// The next record without building Strings: its line, its bytes (`buffer[start..<end]`) and
    /// its fields as ``doneSpans``, all valid until the next call.
    func nextRaw() throws(Diagnostic) -> RawRecord? {
        if skipsToLineEnd { try skipToLineEnd() }
        while true {
            switch scanRecord() {
            case .record(let r):
                if r.start == r.end && r.problem == nil { continue }  // a blank line
                return r
            case .overlong:
                return recoverUnterminated(reason: "带引号的字段超过 \(RecordLimits.quotedFieldBytes) 字节仍未结束（引号未闭合？）")
            case .needMore:
                break
            }
            if atEOF {
                if recordStart >= buffer.count { return nil }
                endedInsideRecord = true
                if state == .quoted {
                    return recoverUnterminated(reason: "引号未闭合：从第 \(recordLine) 行开始的带引号字段直到文件末尾都没有结束引号")
                }
                // The last record has no line break after it.
                let r = finishRecord(contentEnd: buffer.count, next: buffer.count, closingQuote: buffer.count - 1)
                if r.start == r.end && r.problem == nil { return nil }
                return r
            }
            if buffer.count - recordStart > recordLimit { return cutOverlong() }
            try refill()
        }
    }

    /// Gives up on a record longer than ``recordLimit``: returns an excerpt of it as a record with
    /// a problem. Reading resumes after its first line end — inside quotes one may be in the
    /// buffer already; otherwise the rest is skipped a chunk at a time by ``skipToLineEnd()``.
    private func cutOverlong() -> RawRecord {
        let excerpt = RecordLimits.excerpt(buffer[recordStart...], line: recordLine)
        let record = RawRecord(line: recordLine, start: 0, end: excerpt.count, problem: RecordLimits.overlongReason(limit: recordLimit))
        plainRecords.forget()
        if let lf = buffer[recordStart...].firstIndex(of: Self.lf) {
            line = recordLine + 1
            buffer = excerpt + buffer[(lf + 1)...]
        } else {
            line = recordLine
            buffer = excerpt
            skipsToLineEnd = true
        }
        spans.removeAll(keepingCapacity: true)
        swap(&spans, &doneSpans)
        startRecord(at: excerpt.count)
        return record
    }

    /// Drops the rest of a cut record, up to and including the next line end, one chunk at a time.
    private func skipToLineEnd() throws(Diagnostic) {
        skipsToLineEnd = false
        plainRecords.forget()
        buffer = []
        while let chunk = try text.next() {
            if let lf = chunk.firstIndex(of: Self.lf) {
                buffer = Array(chunk[(lf + 1)...])
                line += 1
                startRecord(at: 0)
                return
            }
        }
        atEOF = true
        endedInsideRecord = true
        startRecord(at: 0)
    }

    private enum Step {
        case record(RawRecord)
        case needMore
        case overlong
    }

    private func refill() throws(Diagnostic) {
        plainRecords.forget()
        if recordStart > 0 {
            buffer.removeFirst(recordStart)
            scan -= recordStart
            fieldStart -= recordStart
            for k in spans.indices {
                spans[k].start -= recordStart
                spans[k].end -= recordStart
            }
            recordStart = 0
        }
        if let chunk = try text.next() {
            buffer.append(contentsOf: chunk)
            largestBuffer = max(largestBuffer, buffer.count)
        } else {
            atEOF = true
        }
    }

    private static let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    /// For eight bytes read as a little-endian word: non-zero when one of them is a comma, a line
    /// feed or a quote, and then its lowest set bit lies in the first such byte (bits above it may
    /// be set for ordinary bytes, and are not looked at).
    @inline(__always)
    static func specialBytes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        return zeroBytes(w ^ (ones &* 0x2C)) | zeroBytes(w ^ (ones &* 0x0A)) | zeroBytes(w ^ (ones &* 0x22))
    }

    private func scanRecord() -> Step {
        let count = buffer.count
        var i = scan
        var step = Step.needMore
        // Where the record's content ends, where the next one starts, where the closing quote was.
        var end: (content: Int, next: Int, quote: Int)?
        buffer.withUnsafeBufferPointer { p in
            loop: while i < count {
                let b = p[i]
                switch state {
                case .quoted:
                    if b == Self.quote {
                        state = .quoteSeen
                    } else if b == Self.lf {
                        line += 1
                        if i - recordStart > RecordLimits.quotedFieldBytes { step = .overlong; break loop }
                    } else {
                        // ordinary bytes inside quotes: on to the next quote or line break
                        i += 1
                        while i < count && p[i] != Self.quote && p[i] != Self.lf { i += 1 }
                        continue loop
                    }
                    i += 1
                case .quoteSeen:
                    if b == Self.quote {
                        escaped = true
                        state = .quoted
                        i += 1
                    } else if b == Self.comma {
                        spans.append(FieldSpan(start: fieldStart, end: i - 1, escaped: escaped))
                        state = .fieldStart
                        escaped = false
                        fieldStart = i + 1
                        i += 1
                    } else if b == Self.lf {
                        line += 1
                        end = (i, i + 1, i - 1)
                        break loop
                    } else if b == Self.cr && i + 1 < count && p[i + 1] == Self.lf {
                        line += 1
                        end = (i, i + 2, i - 1)
                        break loop
                    } else if b == Self.cr && i + 1 == count {
                        if !atEOF { break loop }  // wait for the byte after CR
                        end = (i, i + 1, i - 1)
                        break loop
                    } else {
                        if problem == nil { problem = "第 \(spans.count + 1) 个字段的结束引号后还有字符" }
                        state = .junk
                        i += 1
                    }
                case .fieldStart, .unquoted, .junk:
                    if b != Self.comma && b != Self.lf && b != Self.quote {
                        // ordinary bytes: on to the next comma, line break or quote (the state
                        // is looked at once per field, not once per byte)
                        if state == .fieldStart { state = .unquoted }
                        i += 1
                        // eight bytes at a time while none of them is special
                        if let base = p.baseAddress {
                            while i + 8 <= count {
                                let special = CSVReader.specialBytes(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                                if special != 0 {
                                    i += special.trailingZeroBitCount >> 3
                                    continue loop
                                }
                                i += 8
                            }
                        }
                        while i < count {
                            let c = p[i]
                            if c == Self.comma || c == Self.lf || c == Self.quote { break }
                            i += 1
                        }
                        continue loop
                    }
                    if b == Self.comma {
                        spans.append(FieldSpan(start: fieldStart, end: max(fieldStart, i), escaped: false))
                        state = .fieldStart
                        escaped = false
                        fieldStart = i + 1
                        i += 1
                    } else if b == Self.lf {
                        line += 1
                        let contentEnd = i > recordStart && p[i - 1] == Self.cr ? i - 1 : i
                        end = (contentEnd, i + 1, -1)
                        break loop
                    } else if b == Self.quote {
                        if state == .fieldStart {
                            state = .quoted
                            escaped = false
                            fieldStart = i + 1
                        } else {
                            if problem == nil { problem = "第 \(spans.count + 1) 个字段中有未加引号包围的引号" }
                            state = .junk
                        }
                        i += 1
                    } else {
                        if state == .fieldStart { state = .unquoted }
                        i += 1
                    }
                }
            }
        }
        scan = i
        if let end {
            return .record(finishRecord(contentEnd: end.content, next: end.next, closingQuote: end.quote))
        }
        return step
    }

    /// Ends the current record: its last field runs to `contentEnd` (or to the closing quote).
    private func finishRecord(contentEnd: Int, next: Int, closingQuote: Int) -> RawRecord {
        switch state {
        case .quoteSeen: spans.append(FieldSpan(start: fieldStart, end: max(fieldStart, closingQuote), escaped: escaped))
        case .quoted: break
        default: spans.append(FieldSpan(start: fieldStart, end: max(fieldStart, contentEnd), escaped: false))
        }
        let record = RawRecord(line: recordLine, start: recordStart, end: contentEnd, problem: problem)
        swap(&spans, &doneSpans)
        startRecord(at: next)
        return record
    }

    func startRecord(at position: Int) {
        recordStart = position
        scan = position
        fieldStart = position
        state = .fieldStart
        escaped = false
        problem = nil
        spans.removeAll(keepingCapacity: true)
        recordLine = line
    }

    /// Gives up on the open quote: the record's first physical line is returned with `reason`, and
    /// reading resumes on the line after it.
    private func recoverUnterminated(reason: String) -> RawRecord {
        var lineEnd = recordStart
        while lineEnd < buffer.count && buffer[lineEnd] != Self.lf { lineEnd += 1 }
        let contentEnd = lineEnd > recordStart && buffer[lineEnd - 1] == Self.cr ? lineEnd - 1 : lineEnd
        let record = RawRecord(line: recordLine, start: recordStart, end: contentEnd, problem: reason)
        line = recordLine + (lineEnd < buffer.count ? 1 : 0)
        spans.removeAll(keepingCapacity: true)
        swap(&spans, &doneSpans)
        startRecord(at: min(lineEnd + 1, buffer.count))
        return record
    }

    /// A field's text, quoting removed (`""` inside quotes becomes `"`).
    func string(_ span: FieldSpan) -> String {
        guard span.end > span.start else { return "" }
        return buffer.withUnsafeBufferPointer { p in
            let slice = UnsafeBufferPointer(rebasing: p[span.start..<span.end])
            if !span.escaped { return String(decoding: slice, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(slice.count)
            var k = span.start
            while k < span.end {
                out.append(p[k])
                k += p[k] == Self.quote ? 2 : 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Where one field of a record is in the reader's buffer; `escaped` when it holds doubled quotes.
struct FieldSpan {
    var start: Int
    var end: Int
    var escaped: Bool
}

/// A record found by ``CSVReader/nextRaw()``: its bytes are `buffer[start..<end]`.
struct RawRecord {
    var line: Int
    var start: Int
    var end: Int
    var problem: String?
}
