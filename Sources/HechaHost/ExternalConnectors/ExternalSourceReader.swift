import ConnectorKit
import Foundation
import HechaCore
import HechaRules

/// Reads a `command:` source: runs its program's `read`, and does with every record what the
/// Swift connectors' row loop does with every row — matches it to the roster, checks it against
/// the declared schema, counts it once as accepted, rejected (with the program's origin and the
/// reason), duplicate (identical to an earlier kept or rejected record of the file) or
/// unmatched, and hands the kept facts to the fact store. The program's own count of rows per
/// file must agree with what it sent, or the run fails.
struct ExternalSourceReader {
    var entry: SourceEntry
    var program: ConnectorProgram

    /// The bookkeeping of one file of the source.
    private struct FileState {
        var counts: FileCounts
        var origin: SourceOrigin
        var rejects: [RejectedRow] = []
        var seen = Set<RowFingerprint>()
        var sent = 0
        var done = false
    }

    /// Reads the source into `facts` and `report`; with no `index` every valid key matches (see
    /// ``ExternalRecordCheck/decide(_:index:source:)``). `shape` sees every record first.
    func read(index: PersonIndex?, facts: FactStore, report: SourceReport,
              shape: (ExternalRecordCheck, [String: JSONValue], RecordOrigin) -> Void = { _, _, _ in }) throws(Diagnostic) {
        let checks = Dictionary(uniqueKeysWithValues: entry.factSchemas.map {
            ($0.record.name, ExternalRecordCheck(schema: $0, keyField: entry.keyFields[$0.record.name] ?? ""))
        })
        let shownFolder = entry.displayPath.hasSuffix("/") ? String(entry.displayPath.dropLast()) : entry.displayPath
        var files: [String: FileState] = [:]
        var order: [String] = []
        var kept: [String: [(record: Record, key: String)]] = [:]
        var ended = false
        func state(_ name: String) throws(ProtocolViolation) -> FileState {
            if let s = files[name] {
                if s.done { throw ProtocolViolation("a record of '\(MessageText.excerpt(name))' after its file message") }
                return s
            }
            guard !name.contains("/"), name != "..", name != ".", isRegularFile(name) else {
                throw ProtocolViolation("'\(MessageText.excerpt(name))' is not the name of a file in the source folder")
            }
            order.append(name)
            return FileState(counts: FileCounts(file: shownFolder.isEmpty ? name : shownFolder + "/" + name),
                             origin: SourceOrigin(source: entry.id, file: name))
        }
        try program.exchange(["type": "read", "path": entry.path], timeoutSeconds: entry.timeoutSeconds) { message, _ throws(ProtocolViolation) in
            if ended { throw ProtocolViolation("a message after the end message") }
            switch message {
            case .record(let recordName, let origin, let fields, let raw):
                guard let check = checks[recordName] else {
                    throw ProtocolViolation("record type '\(MessageText.excerpt(recordName))' is not in its spec")
                }
                var s = try state(origin.file)
                shape(check, fields, origin)
                s.sent += 1
                s.counts.read += 1
                let line = origin.line ?? s.sent
                let text = raw ?? JSONValue.object(fields).canonical
                let fingerprint = RowFingerprint(Array(text.utf8)[...])
                if s.seen.contains(fingerprint) {
                    s.counts.duplicates += 1
                } else {
                    do throws(RowReject) {
                        switch try check.decide(fields, index: index, source: SourceRef(origin: s.origin, line: line)) {
                        case .keep(let k):
                            s.seen.insert(fingerprint)
                            s.counts.accepted += 1
                            kept[check.schema.collection, default: []].append((k.record, k.key))
                        case .unmatched:
                            s.counts.unmatched += 1
                        }
                    } catch {
                        s.seen.insert(fingerprint)
                        s.counts.rejected += 1
                        s.rejects.append(RejectedRow(file: s.counts.file, line: line, reason: MessageText.excerpt(keyed(error.reason, origin), limit: 300), raw: text))
                    }
                }
                files[origin.file] = s
            case .reject(let origin, let reason, let raw):
                var s = try state(origin.file)
                s.sent += 1
                s.counts.read += 1
                let fingerprint = RowFingerprint(Array(raw.utf8)[...])
                if !raw.isEmpty && s.seen.contains(fingerprint) {
                    s.counts.duplicates += 1
                } else {
                    if !raw.isEmpty { s.seen.insert(fingerprint) }
                    s.counts.rejected += 1
                    s.rejects.append(RejectedRow(file: s.counts.file, line: origin.line ?? s.sent, reason: MessageText.excerpt(keyed(reason, origin), limit: 300), raw: raw))
                }
                files[origin.file] = s
            case .file(let name, let rows):
                var s = try state(name)
                guard rows == s.sent else {
                    throw ProtocolViolation("the file message of '\(MessageText.excerpt(name))' counts \(rows) rows, but \(s.sent) records and rejects were sent")
                }
                s.done = true
                files[name] = s
            case .end:
                if let open = order.first(where: { files[$0]?.done == false }) {
                    throw ProtocolViolation("the end message came before the file message of '\(MessageText.excerpt(open))'")
                }
                ended = true
            case .spec, .error:
                throw ProtocolViolation("a spec message in the answer to read")
            }
        }
        guard ended else { throw program.failure("ended its output without an end message", stderr: []) }
        for name in order {
            let s = files[name]!
            report.record(s.counts, rejects: s.rejects, readAs: FileStamp(path: entry.path + "/" + name))
        }
        for (collection, batch) in kept.sorted(by: { $0.key < $1.key }) { facts.add(batch, collection: collection) }
    }

    /// A reject reason with the program's record key in front, when the origin gives one.
    private func keyed(_ reason: String, _ origin: RecordOrigin) -> String {
        origin.key.map { "记录 \($0)：\(reason)" } ?? reason
    }

    private func isRegularFile(_ name: String) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: entry.path + "/" + name)
        return attributes?[.type] as? FileAttributeType == .typeRegular
    }
}
