import HechaCore

/// One JSON Lines file of an agency export (one JSON object a line), e.g. a bank gateway's
/// `查询结果-农商行.jsonl`.
///
/// There is no header: every line is a record on its own. Read the rows with
/// ``readRows(into:_:)``, which does the same bookkeeping as ``CSVExportFile/readRows(into:_:)``:
///
/// - **rejected** — the line is not valid JSON, is not a JSON object, or `decide` threw a
///   ``RowReject``; recorded with the file, the line number, the reason and the line's text;
/// - **duplicate** — the line is byte-for-byte identical (line end aside) to an earlier accepted
///   or rejected line of this file;
/// - **unmatched** / **accepted** — as `decide` returns.
///
/// Blank lines are skipped and not counted. A bad line never stops the file.
public final class JSONLinesFile {
    /// The file name as shown in facts' origins.
    public let name: String
    /// The path as shown in messages and counts: the source's display path and the file name.
    public let displayPath: String
    /// The source id, for facts' origins.
    public let sourceID: String
    /// Shared by the origins of every row of this file.
    public let origin: SourceOrigin
    let reader: JSONLinesReader

    /// Opens `name` inside `source`'s folder, decoded as the source's `encoding:` or `defaultEncoding`.
    public init(_ name: String, in source: SourceConfig, defaultEncoding: TextEncoding = .utf8,
                chunkSize: Int = 1 << 20) throws(Diagnostic) {
        self.name = name
        let folderShown = source.displayPath.hasSuffix("/") ? String(source.displayPath.dropLast()) : source.displayPath
        displayPath = folderShown.isEmpty ? name : folderShown + "/" + name
        sourceID = source.id
        origin = SourceOrigin(source: source.id, file: name)
        let encoding = try TextEncoding.resolve(for: source, default: defaultEncoding)
        let path = source.path.hasSuffix("/") ? source.path + name : source.path + "/" + name
        reader = try JSONLinesReader(path: path, displayPath: displayPath, encoding: encoding, sourceID: source.id,
                                     chunkSize: chunkSize)
    }

    /// Reads every non-blank line; see the type's documentation for how each one is counted.
    /// The file's ``FileCounts`` and rejects go to `report` when it is done.
    public func readRows<Kept>(into report: SourceReport,
                               _ decide: (JSONRow) throws(RowReject) -> RowDecision<Kept>) throws(Diagnostic) -> [Kept] {
        var all: [Kept] = []
        try readRows(into: report, personKey: nil, index: nil, onKept: { all.append($0) }, decide)
        return all
    }

    /// With `personKey` and `index`: a line that is a valid JSON object whose `personKey` member is
    /// a plainly written valid id of someone not in `index` is counted unmatched without being
    /// parsed into values — `decide` must return ``RowDecision/unmatched`` for such a line first
    /// thing (as `personID(_:in:)` does).
    ///
    /// Each kept value is handed to `onKept` as soon as it is kept.
    func readRows<Kept>(into report: SourceReport, personKey: String?, index: PersonIndex?,
                        onKept: (Kept) -> Void,
                        _ decide: (JSONRow) throws(RowReject) -> RowDecision<Kept>) throws(Diagnostic) {
        // unwrapped once: the loop below runs for every line of the file
        let outsiders = personKey.flatMap { key in index.map { (key: Array(key.utf8), index: $0) } }
        var counts = FileCounts(file: displayPath)
        var rejects: [RejectedRow] = []
        var seen = FingerprintSet()
        while let next = try reader.next() {
            let (line, raw) = (next.line, next.raw)
            counts.read += 1
            // A line about someone outside the roster is unmatched whatever came before it, so
            // outsiders (most of an agency's lines) skip the fingerprint: a line byte-for-byte the
            // same earlier was judged the same way and never went into `seen`. (A line rejected for
            // its bytes cannot look the same: an undecodable one keeps its bad bytes, and the
            // excerpt of an over-long one ends in a note, not in the `}` of an object.)
            if next.problem == nil, let outsiders {
                let outside = raw.withUnsafeBufferPointer { p -> Bool in
                    guard let r = JSONLineScan.member(outsiders.key, in: p), !r.isEmpty,
                          let body = IDNumber.plainBody(UnsafeBufferPointer(rebasing: p[r])) else { return false }
                    return !outsiders.index.containsPerson(body: body)
                }
                if outside {
                    counts.unmatched += 1
                    continue
                }
            }
            let fingerprint = RowFingerprint(raw)
            if seen.contains(fingerprint) {
                counts.duplicates += 1
                continue
            }
            var reason = next.problem
            if reason == nil {
                do {
                    let value = try JSONValue.parse(raw)
                    guard case .object(let members) = value else { throw RowReject("不是 JSON 对象（实为\(value.kindName)）") }
                    switch try decide(JSONRow(line: line, members: members, file: self)) {
                    case .keep(let value):
                        seen.insert(fingerprint)
                        counts.accepted += 1
                        onKept(value)
                    case .unmatched:
                        counts.unmatched += 1
                    }
                } catch let problem as ValueProblem {
                    reason = "不是有效的 JSON：\(problem.reason)"
                } catch let reject as RowReject {
                    reason = reject.reason
                } catch {
                    reason = "\(error)"
                }
            }
            if let reason {
                seen.insert(fingerprint)
                counts.rejected += 1
                rejects.append(RejectedRow(file: displayPath, line: line, reason: MessageText.reason(reason),
                                           raw: String(decoding: raw, as: UTF8.self)))
            }
        }
        report.record(counts, rejects: rejects, readAs: reader.stamp)
    }
}

extension ReadRequest {
    /// Reads every file ending in `.<fileExtension>` in the source's folder, in name order, as
    /// JSON Lines facts: `decide` turns each object into a fact (or rejects it, or calls it
    /// unmatched), kept facts go to `collection`, and each file's counts are recorded.
    ///
    /// - Throws: a ``Diagnostic`` naming the folder when it does not exist or holds no such file.
    ///
    /// With `personKey`, lines whose member of that name is a valid id of someone not on the roster
    /// are counted unmatched without being parsed; `decide` must call them unmatched before anything
    /// else (`guard let id = try row.personID(personKey, in: index) else { return .unmatched }`).
    public func readJSONLinesFacts(fileExtension: String = "jsonl", defaultEncoding: TextEncoding = .utf8,
                                   collection: String, personKey: String? = nil,
                                   _ decide: (JSONRow) throws(RowReject) -> RowDecision<KeyedRecord>) throws(Diagnostic) {
        for name in try source.files(withExtension: fileExtension) {
            let file = try JSONLinesFile(name, in: source, defaultEncoding: defaultEncoding)
            var gathering = FactGathering(into: facts, collection: collection)
            try file.readRows(into: report, personKey: personKey, index: index, onKept: { gathering.add($0) }, decide)
            gathering.finish()
        }
    }

    /// Reads the JSON Lines facts of `schema` as ``readJSONLinesFacts(fileExtension:defaultEncoding:collection:personKey:_:)``
    /// does, with the schema's ``RecordSchema/personKey`` as the person key (its ``FieldSchema/exportColumn``).
    public func readJSONLinesFacts(fileExtension: String = "jsonl", defaultEncoding: TextEncoding = .utf8,
                                   schema: RecordSchema, collection: String,
                                   _ decide: (JSONRow) throws(RowReject) -> RowDecision<KeyedRecord>) throws(Diagnostic) {
        try readJSONLinesFacts(fileExtension: fileExtension, defaultEncoding: defaultEncoding, collection: collection,
                               personKey: schema.personKey?.exportColumn, decide)
    }
}
