import CHechaScan

/// Plain records found ahead by the SIMD scanner and not yet passed: the scanner looks at up to
/// ``capacity`` records at a time, and a record it found stays found until the reader reaches it,
/// however many records of the roster's people are read in between.
struct PlainRecordBatch {
    /// How many records the scanner is asked for at a time.
    static let capacity = 4096
    /// Allocated on first use.
    var entries: [hecha_plain_record] = []
    /// Entries `cursor..<count` are ahead of the reader.
    var count = 0
    var cursor = 0
    /// The buffer offset the entries' offsets count from.
    var base = 0

    /// Drops the entries (the buffer they point into moved).
    mutating func forget() {
        count = 0
        cursor = 0
    }
}

extension CSVReader {
    /// Skips, from the current position, the records that are written plainly and whose key field
    /// `skippable` accepts, and returns how many it skipped. A plain record is one line ending in a
    /// line feed, with no quote, not blank, with exactly `columns` fields: one the byte-by-byte
    /// scan of ``nextRaw()`` would give with no problem and the same fields. `skippable` gets field
    /// `keyColumn` as the scanner read it: the id number's first 17 digits when it is a valid id
    /// written plainly (``IDNumber/plainBody(_:)`` of the field), 0 when it is anything else.
    ///
    /// It stops before the first record that is anything else (``nextRaw()`` reads that one), and
    /// at the end of what is buffered; it never reads the file. Line numbers stay exact: a plain
    /// record is one line. The records are found by the SIMD scanner of `CHechaScan` (AVX2, NEON or
    /// portable, chosen by the CPU), 64 bytes at a time; those found beyond a record that is not
    /// skipped are kept for the next call (``plainRecords``), so no byte is scanned twice.
    func skipPlainRecords(keyColumn: Int, columns: Int, where skippable: (UInt64) -> Bool) -> Int {
        guard !skipsToLineEnd, scan == recordStart, state == .fieldStart, spans.isEmpty,
              keyColumn >= 0, keyColumn < columns, let columnCount = UInt32(exactly: columns) else { return 0 }
        // the entries are taken out while the scanner writes them (no copy, no overlapping access)
        var entries: [hecha_plain_record] = []
        swap(&entries, &plainRecords.entries)
        if entries.isEmpty { entries = [hecha_plain_record](repeating: hecha_plain_record(), count: PlainRecordBatch.capacity) }
        var (cursor, count, from) = (plainRecords.cursor, plainRecords.count, plainRecords.base)
        var skipped = 0
        buffer.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            entries.withUnsafeMutableBufferPointer { entries in
                while true {
                    if cursor == count || from + Int(entries[cursor].start) != recordStart {
                        // nothing found ahead of this record: scan (at most 1 GiB at a time, as the
                        // scanner's offsets are 32-bit)
                        let length = min(p.count - recordStart, 1 << 30)
                        var consumed = 0
                        let found = length == 0 ? 0 : hecha_scan_plain_records(
                            base + recordStart, length, UInt32(keyColumn), columnCount, entries.baseAddress, entries.count, &consumed)
                        (cursor, count, from) = (0, max(found, 0), recordStart)  // negative: a length the scanner refuses
                        if count == 0 { return }
                    }
                    while cursor < count {
                        let entry = entries[cursor]
                        cursor += 1
                        // not skipped: nextRaw() reads this record, and the next call goes on from
                        // the entry after it
                        guard skippable(entry.key_body) else { return }
                        skipped += 1
                        line += 1
                        recordStart = from + Int(entry.next)
                    }
                    // every record found was skipped: scan on, unless the scanner stopped short
                    if count < PlainRecordBatch.capacity { return }
                }
            }
        }
        swap(&entries, &plainRecords.entries)
        (plainRecords.cursor, plainRecords.count, plainRecords.base) = (cursor, count, from)
        startRecord(at: recordStart)
        return skipped
    }
}
