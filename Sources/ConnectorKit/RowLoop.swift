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
        var counts = FileCounts(file: displayPath)
        var rejects: [RejectedRow] = []
        var seen = Set<RowFingerprint>()
        var kept: [Kept] = []
        let width = header.count
        while let record = try reader.next() {
            counts.read += 1
            let fingerprint = RowFingerprint(record.raw)
            if seen.contains(fingerprint) {
                counts.duplicates += 1
                continue
            }
            var reason = record.problem
            if reason == nil, record.fields.count != width {
                reason = "字段数为 \(record.fields.count)，表头有 \(width) 列"
            }
            if reason == nil {
                let row = CSVRow(line: record.line, fields: record.fields, raw: record.raw, file: self)
                do {
                    switch try decide(row) {
                    case .keep(let value):
                        seen.insert(fingerprint)
                        counts.accepted += 1
                        kept.append(value)
                    case .unmatched:
                        counts.unmatched += 1
                    }
                } catch {
                    reason = error.reason
                }
            }
            if let reason {
                seen.insert(fingerprint)
                counts.rejected += 1
                rejects.append(RejectedRow(file: displayPath, line: record.line, reason: reason, raw: record.rawText))
            }
        }
        report.record(counts, rejects: rejects)
        return kept
    }
}
