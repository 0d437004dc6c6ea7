import ConnectorKit
import Foundation
import HechaCore
import HechaRules

/// `hecha connector check`: the conformance suite for a connector program, run on a folder of
/// sample exports. Each check passes or fails with the reason; the program is run four times
/// (spec, read of the folder, read of an empty folder, read of a folder that does not exist).
public struct ConnectorCheck: Sendable {
    /// The outcome of one check.
    public struct Result: Sendable {
        /// What was checked, in English (translated where it is printed).
        public var check: String
        /// Why it failed; nil when it passed.
        public var problem: String?
        /// Whether the check passed.
        public var passed: Bool { problem == nil }
    }

    /// The program under test, run in the current directory.
    public var program: ConnectorProgram
    /// The folder of sample exports, with at least one messy row.
    public var folder: String
    /// The read timeout, in seconds.
    public var timeoutSeconds: Int

    /// A check of `command` on the exports in `folder`.
    public init(command: [String], folder: String, timeoutSeconds: Int = 60) {
        program = ConnectorProgram(sourceID: "check", command: command, directory: FileManager.default.currentDirectoryPath)
        self.folder = URL(fileURLWithPath: folder).standardizedFileURL.path
        self.timeoutSeconds = timeoutSeconds
    }

    /// Runs every check, in order; a check that needs the spec is failed when the spec is not valid.
    public func run() -> [Result] {
        var results: [Result] = []
        let spec: ExternalSourceSpec
        do {
            spec = try ExternalSpecReader.spec(of: program)
            results.append(Result(check: "the spec answer is valid", problem: nil))
        } catch {
            return [Result(check: "the spec answer is valid", problem: error.description)]
        }
        var entry = SourceEntry(id: "check", path: folder, displayPath: folder, encoding: nil, options: [:],
                                declaredAt: SourceLocation(file: "", line: 0))
        entry.command = program.command
        entry.timeoutSeconds = timeoutSeconds
        entry.factSchemas = spec.factSchemas
        entry.keyFields = spec.keyFields
        let reader = ExternalSourceReader(entry: entry, program: program)
        let report = SourceReport(sourceID: "check")
        var shapeProblems: [String] = []
        do {
            try reader.read(index: nil, facts: FactStore(), report: report) { check, fields, origin in
                if let p = check.shapeProblem(fields) { shapeProblems.append("\(origin.file):\(origin.line ?? 0): \(p)") }
            }
            results.append(Result(check: "read emits valid messages and ends with an end message", problem: nil))
        } catch {
            results.append(Result(check: "read emits valid messages and ends with an end message", problem: error.description))
            return results
        }
        results.append(Result(check: "every record fits its schema", problem: shapeProblems.first))
        let files = report.files
        results.append(Result(check: "the counts of every file add up",
                              problem: files.isEmpty ? "no file was read" : files.first(where: { !$0.addsUp }).map { "\($0.file) does not add up" }))
        let messy = report.rejects.first { $0.line > 0 && !$0.file.isEmpty && !$0.reason.isEmpty }
        results.append(Result(check: "a messy row is rejected with its origin", problem: messy == nil ? "no row of the sample exports was rejected" : nil))
        let empty = NSTemporaryDirectory() + "hecha-connector-check-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        results.append(Result(check: "it behaves on an empty folder", problem: behaves(on: empty, spec: spec)))
        results.append(Result(check: "it behaves on a missing file", problem: behaves(on: empty + "/missing", spec: spec)))
        return results
    }

    /// nil when a read of `path` ends cleanly: an end message, or an error message that says why.
    private func behaves(on path: String, spec: ExternalSourceSpec) -> String? {
        var ended = false
        do {
            // an error message is the program telling why it cannot read the folder: an answer
            try program.exchange(["type": "read", "path": path], timeoutSeconds: timeoutSeconds, errorIsAnAnswer: true) { message, _ throws(ProtocolViolation) in
                switch message {
                case .end, .error: ended = true
                case .spec: throw ProtocolViolation("a spec message in the answer to read")
                default: break
                }
            }
        } catch {
            return error.description
        }
        return ended ? nil : "it ended without an end or error message"
    }
}
