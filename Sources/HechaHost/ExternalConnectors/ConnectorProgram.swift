import ConnectorKit
import Foundation
import HechaCore
import HechaReports
import HechaRules

/// A connector program as a region names it (`command:`), and one exchange with it: a request on
/// standard input, its messages on standard output until the end, the program ended and reaped.
/// Every way the program can fail — it cannot start, writes a line that is not a message, says
/// it failed, exits non-zero, is killed, or runs past its timeout — becomes one diagnostic that
/// names the program and ends with the last lines of its standard error.
public struct ConnectorProgram: Sendable {
    /// The source's key under `sources:`.
    public var sourceID: String
    /// The program and its arguments.
    public var command: [String]
    /// Where it runs: the region file's folder.
    public var directory: String
    /// Where the source entry is, for messages.
    public var declaredAt: SourceLocation?

    /// How long a `spec` answer may take at most, in seconds.
    public static let specTimeoutSeconds = 30

    /// A program to run in `directory`.
    public init(sourceID: String, command: [String], directory: String, declaredAt: SourceLocation? = nil) {
        self.sourceID = sourceID
        self.command = command
        self.directory = directory
        self.declaredAt = declaredAt
    }

    /// The program of a `command:` source entry, run in the region file's folder.
    public init?(_ entry: SourceEntry) {
        guard let command = entry.command else { return nil }
        let folder = entry.declaredAt.file.isEmpty ? "." : URL(fileURLWithPath: entry.declaredAt.file).deletingLastPathComponent().path
        self.init(sourceID: entry.id, command: command, directory: folder, declaredAt: entry.declaredAt)
    }

    /// The command as one would type it, for messages.
    public var shown: String { command.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ") }

    /// Sends `request` and hands each message to `handle` with its line number, until the
    /// program's output ends or `handle` throws. An `error` message fails the exchange, unless
    /// `errorIsAnAnswer` (it then goes to `handle` and ends the output).
    func exchange(_ request: [String: String], timeoutSeconds: Int, errorIsAnAnswer: Bool = false,
                  _ handle: (ConnectorMessage, Int) throws(ProtocolViolation) -> Void) throws(Diagnostic) {
        var object = request.map { "\(JSONText.string($0.key)): \(JSONText.string($0.value))" }.sorted()
        object.append("\"protocol\": \(connectorProtocolVersion)")
        let input = Array(("{" + object.joined(separator: ", ") + "}\n").utf8)
        let process: ProgramProcess
        do {
            process = try ProgramProcess(command: command, directory: directory, input: input)
        } catch {
            throw failure("could not be started: \(error.reason)", stderr: [])
        }
        var lineNumber = 0
        var violation: (line: Int, reason: String)?
        var reported: String?
        let ending = process.readLines(until: MonotonicClock.now() + Double(timeoutSeconds)) { bytes in
            lineNumber += 1
            do throws(ProtocolViolation) {
                let message = try ConnectorMessage.parse(bytes)
                if case .error(let text) = message, !errorIsAnAnswer {
                    reported = text
                    return false
                }
                try handle(message, lineNumber)
                return true
            } catch {
                violation = (lineNumber, error.reason)
                return false
            }
        }
        let stderr = process.lastStderrLines()
        if let reported { throw failure("reported an error: \(MessageText.excerpt(reported, limit: 300))", stderr: stderr) }
        if let violation { throw failure("wrote an invalid message at line \(violation.line) of its output: \(violation.reason)", stderr: stderr) }
        switch ending {
        case .exited(0), .stopped: return
        case .exited(let status): throw failure("exited with status \(status)", stderr: stderr)
        case .signalled(let signal): throw failure("was killed by signal \(signal)", stderr: stderr)
        case .timedOut: throw failure("did not finish within \(timeoutSeconds) seconds and was stopped", stderr: stderr)
        }
    }

    /// A diagnostic naming the program, what happened, and its standard error's last lines.
    func failure(_ what: String, stderr: [String]) -> Diagnostic {
        let hint = stderr.isEmpty ? "it wrote nothing to its standard error"
            : (["its standard error ended with:"] + stderr.map { "    " + MessageText.excerpt($0, limit: 300) }).joined(separator: "\n")
        return .error("the connector program \(shown) of source '\(sourceID)' \(what)", at: declaredAt, hint: hint)
    }
}
