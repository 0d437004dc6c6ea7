import HechaCore

extension CSVExportFile {
    /// Reads the facts of this file on up to `threads` threads, one piece of it each (see
    /// ``FileSplit``), with exactly the rows, counts, rejects and stored facts (in the same order)
    /// that one thread reading it from the start would give.
    ///
    /// Each piece's rows go through the same loop as on one thread; its kept facts are encoded into
    /// batches of its own at once, its rejects and the fingerprints of both kept. Once every piece
    /// is read, they are joined in file order: a row that repeats a kept or rejected row of an
    /// earlier piece is a duplicate (and its fact is taken out of its batch), as it would have been.
    ///
    /// Returns `false`, having stored and recorded nothing, when the file is not split: fewer than
    /// two threads, a file too small for two pieces, one that is not UTF-8 with LF line ends, or
    /// one where a piece did not end where a record does (malformed quoting). The caller then reads
    /// it on one thread, from where this file's reader stands (after the header). `decide` must
    /// depend on the row alone: it is called on several threads at once.
    func readFactsSplit(into report: SourceReport, personKey: PersonKeyFilter?, threads: Int,
                        smallestPiece: Int = FileSplit.smallestPiece, store: FactStore, collection: String,
                        _ decide: (CSVRow) throws(RowReject) -> RowDecision<KeyedRecord>) throws(Diagnostic) -> Bool {
        guard threads >= 2, let (path, stamp) = reader.text.splittable,
              let pieces = try FileSplit.pieces(path: path, displayPath: displayPath, stamp: stamp, threads: threads,
                                                smallest: smallestPiece)
        else { return false }
        let results = SharedSlots<Result<PieceRows, Diagnostic>>(count: pieces.count)
        withoutActuallyEscaping(decide) { decide in
            let job = PieceJob(file: self, path: path, personKey: personKey, decide: decide)
            LargeStack.concurrentPerform(iterations: pieces.count, workers: threads) { k in
                results[k] = Result { () throws(Diagnostic) in try job.read(pieces[k]) }
            }
        }
        var all: [PieceRows] = []
        for k in pieces.indices {
            switch results[k]! {
            case .failure(let error): throw error
            case .success(let rows):
                if rows.endedInsideRecord && k + 1 < pieces.count { return false }
                all.append(rows)
            }
        }
        let now = FileStamp(path: path)
        guard now == stamp else {
            throw Diagnostic.error(FileStamp.changedMessage(before: stamp, after: now), at: SourceLocation(file: displayPath, line: 0),
                                   hint: "wait until the agency's export has finished writing the file (or copy it first), then run again")
        }
        var counts = FileCounts(file: displayPath)
        var rejects: [RejectedRow] = []
        var seen = FingerprintSet()
        for rows in all {
            counts.read += rows.counts.read
            counts.unmatched += rows.counts.unmatched
            counts.duplicates += rows.counts.duplicates
            // repeats of earlier pieces' rows, decided before this piece's own rows are added
            let dropped = Set(rows.kept.indices.filter { seen.contains(rows.kept[$0]) })
            let droppedRejects = Set(rows.rejects.indices.filter { seen.contains(rows.rejects[$0].fingerprint) })
            counts.duplicates += dropped.count + droppedRejects.count
            counts.accepted += rows.kept.count - dropped.count
            counts.rejected += rows.rejects.count - droppedRejects.count
            for (b, batch) in rows.batches.enumerated() {
                let first = b * ReadRequest.factBatch
                let inBatch = Set(dropped.lazy.filter { $0 >= first && $0 < first + batch.count }.map { $0 - first })
                let stored = inBatch.isEmpty ? batch : batch.without(inBatch)
                if stored.count > 0 { store.add(stored, collection: collection) }
            }
            for (i, reject) in rows.rejects.enumerated() where !droppedRejects.contains(i) { rejects.append(reject.row) }
            for f in rows.kept { seen.insert(f) }
            for r in rows.rejects { seen.insert(r.fingerprint) }
        }
        report.record(counts, rejects: rejects, readAs: stamp)
        return true
    }
}

/// What one piece of a split file gave: its counts (kept and rejected rows not yet counted),
/// its kept facts in batches of ``ReadRequest/factBatch`` with their rows' fingerprints in order,
/// and its rejects with theirs.
struct PieceRows {
    var counts: FileCounts
    var batches: [FactBatch] = []
    var kept: [RowFingerprint] = []
    var rejects: [(row: RejectedRow, fingerprint: RowFingerprint)] = []
    /// The piece's text ended inside a record, so it did not end where a record does.
    var endedInsideRecord = false
}

/// What every thread reading a piece needs. `@unchecked Sendable`: the file and `decide` are only
/// read (the file's header and column positions; `decide` depends on the row alone, as
/// ``ReadRequest/readFacts(_:required:optional:defaultEncoding:collection:personKey:_:)`` requires), each
/// piece has a reader of its own, and the job lives only while ``CSVExportFile/readFactsSplit(into:personKey:threads:smallestPiece:store:collection:_:)``
/// waits for its threads.
private final class PieceJob: @unchecked Sendable {
    let file: CSVExportFile
    let path: String
    let personKey: PersonKeyFilter?
    let decide: (CSVRow) throws(RowReject) -> RowDecision<KeyedRecord>

    init(file: CSVExportFile, path: String, personKey: PersonKeyFilter?,
         decide: @escaping (CSVRow) throws(RowReject) -> RowDecision<KeyedRecord>) {
        self.file = file
        self.path = path
        self.personKey = personKey
        self.decide = decide
    }

    /// Reads one piece with a reader of its own.
    func read(_ piece: FilePiece) throws(Diagnostic) -> PieceRows {
        let reader = try CSVReader(piece: piece, path: path, displayPath: file.displayPath, sourceID: file.sourceID)
        let pieceFile = CSVExportFile(piecesOf: file, reader: reader)
        if piece.range.lowerBound == 0 { _ = try reader.nextRaw() }  // the header, checked when the file was opened
        var rows = PieceRows(counts: FileCounts(file: file.displayPath))
        var seen = FingerprintSet()
        var batch: FactBatch?
        try pieceFile.rowLoop(pure: true, personKey: personKey, counts: &rows.counts, seen: &seen, onRow: { outcome, fingerprint in
            switch outcome {
            case .kept(let fact):
                let current = batch ?? FactBatch(schema: fact.record.schema, capacity: ReadRequest.factBatch)
                current.append(fact.record, key: fact.key)
                rows.kept.append(fingerprint)
                if current.count == ReadRequest.factBatch {
                    current.seal()
                    rows.batches.append(current)
                    batch = nil
                } else {
                    batch = current
                }
            case .rejected(let row):
                rows.rejects.append((row, fingerprint))
            }
        }, decide)
        if let batch {
            batch.seal()
            rows.batches.append(batch)
        }
        rows.endedInsideRecord = reader.endedInsideRecord
        return rows
    }
}
