import HechaCore

extension CSVExportFile {
    /// Reads every data row and does the bookkeeping, so a connector only decides about rows.
    ///
    /// Each record ends up exactly one of:
    /// - **rejected** — malformed quoting, a field count different from the header's, or `decide`
    ///   threw a ``RowReject``; recorded as a ``RejectedRow`` (file, line, reason, raw text);
    /// - **duplicate** — its raw text is identical to an earlier accepted or rejected record of this
    ///   file (exact duplicates count once);
    /// - **unmatched** — `decide` returned ``RowDecision/unmatched``;
    /// - **accepted** — `decide` returned ``RowDecision/keep(_:)``; the kept value is returned.
    ///
    /// `read == accepted + rejected + duplicates + unmatched`; the counts and rejects go to `report`
    /// as one ``FileCounts`` for this file when it is done.
    ///
    /// Memory follows the roster, not the agency files: only accepted and rejected rows enter the
    /// duplicate set, as a 128-bit ``RowFingerprint`` of their raw bytes. Unmatched rows are not
    /// remembered, so a repeated unmatched row counts as unmatched again. A duplicate is recognised
    /// before `decide` runs, so `decide` may keep state (e.g. ids already seen) without seeing
    /// exact duplicates. A connector should test its key against the index before reading the
    /// other fields, so that rows of people not on the roster are never rejects.
    public func readRows<Kept>(into report: SourceReport,
                               _ decide: (CSVRow) throws(RowReject) -> RowDecision<Kept>) throws(Diagnostic) -> [Kept] {
        var all: [Kept] = []
        try readRows(into: report, pure: false, onKept: { all.append($0) }, decide)
        return all
    }

    /// The same reading and bookkeeping as ``readRows(into:_:)``, handing each kept value to
    /// `onKept` as soon as its row is kept instead of returning them all at the end: a roster
    /// connector puts each row into a ``RosterBuilder`` while the file is read.
    public func readRows<Kept>(into report: SourceReport, onKept: (Kept) -> Void,
                               _ decide: (CSVRow) throws(RowReject) -> RowDecision<Kept>) throws(Diagnostic) {
        try readRows(into: report, pure: false, onKept: onKept, decide)
    }

    /// With `pure`, `decide` must depend on the row alone (no state kept between rows): identical
    /// rows then get identical decisions, so an unmatched row can never be a duplicate of a kept or
    /// rejected one, and the fingerprint is only computed for rows that are kept or rejected —
    /// most rows of a large agency file are about people outside the roster.
    ///
    /// Each kept value is handed to `onKept` as soon as it is kept, so that a large file's facts
    /// never wait in memory as objects.
    ///
    /// With a `personKey`, a row whose key column holds a valid id (written plainly) of someone not
    /// on the roster is unmatched without `decide` being called; plain rows of that kind are
    /// skipped by the SIMD scanner (``CSVReader/skipPlainRecords(keyColumn:columns:where:)``) before
    /// they are parsed field by field. `decide` must then give `.unmatched` for such rows itself
    /// (as ``CSVRow/personID(_:in:)-(String,_)`` does), so the two paths agree.
    func readRows<Kept>(into report: SourceReport, pure: Bool, personKey: PersonKeyFilter? = nil,
                        onKept: (Kept) -> Void,
                        _ decide: (CSVRow) throws(RowReject) -> RowDecision<Kept>) throws(Diagnostic) {
        var counts = FileCounts(file: displayPath)
        var rejects: [RejectedRow] = []
        var seen = FingerprintSet()
        try rowLoop(pure: pure, personKey: personKey, counts: &counts, seen: &seen, onRow: { outcome, _ in
            switch outcome {
            case .kept(let value): onKept(value)
            case .rejected(let row): rejects.append(row)
            }
        }, decide)
        report.record(counts, rejects: rejects, readAs: reader.stamp)
    }

    /// The loop of ``readRows(into:pure:personKey:onKept:_:)`` over this file's reader, to its
    /// end: `counts` gets every row, and each row kept or rejected that is not a duplicate of one
    /// in `seen` goes to `onRow` with its fingerprint (and into `seen`).
    func rowLoop<Kept>(pure: Bool, personKey: PersonKeyFilter?, counts: inout FileCounts, seen: inout FingerprintSet,
                       onRow: (RowOutcome<Kept>, RowFingerprint) -> Void,
                       _ decide: (CSVRow) throws(RowReject) -> RowDecision<Kept>) throws(Diagnostic) {
        let width = header.count
        while true {
            if let personKey {
                let skipped = reader.skipPlainRecords(keyColumn: personKey.column, columns: width, where: personKey.isUnmatched(body:))
                counts.read += skipped
                counts.unmatched += skipped
            }
            guard let record = try reader.nextRaw() else { break }
            counts.read += 1
            let fingerprint = { self.reader.buffer.withUnsafeBytes { RowFingerprint(UnsafeRawBufferPointer(rebasing: $0[record.start..<record.end])) } }
            var known: RowFingerprint?
            if !pure {
                let f = fingerprint()
                if seen.contains(f) {
                    counts.duplicates += 1
                    continue
                }
                known = f
            }
            var reason = record.problem
            if reason == nil, reader.doneSpans.count != width {
                reason = "字段数为 \(reader.doneSpans.count)，表头有 \(width) 列"
            }
            if reason == nil, let personKey, personKey.isUnmatched(in: reader) {
                counts.unmatched += 1
                continue
            }
            var keep: Kept?
            if reason == nil {
                do {
                    switch try decide(CSVRow(record: record, reader: reader, file: self)) {
                    case .keep(let value): keep = value
                    case .unmatched:
                        counts.unmatched += 1
                        continue
                    }
                } catch {
                    reason = error.reason
                }
            }
            let f = known ?? fingerprint()
            if known == nil, seen.contains(f) {
                counts.duplicates += 1
                continue
            }
            seen.insert(f)
            if let keep {
                counts.accepted += 1
                onRow(.kept(keep), f)
            } else if let reason {
                counts.rejected += 1
                let raw = String(decoding: reader.buffer[record.start..<record.end], as: UTF8.self)
                onRow(.rejected(RejectedRow(file: displayPath, line: record.line, reason: MessageText.reason(reason), raw: raw)), f)
            }
        }
    }
}

/// A row that ``CSVExportFile/rowLoop(pure:personKey:counts:seen:onRow:_:)`` kept or rejected.
enum RowOutcome<Kept> {
    case kept(Kept)
    case rejected(RejectedRow)
}
