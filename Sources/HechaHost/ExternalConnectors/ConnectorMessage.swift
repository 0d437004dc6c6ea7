import ConnectorKit

/// The version of the connector protocol this Hecha speaks (`connectors/PROTOCOL.md`).
public let connectorProtocolVersion = 1

/// One line a connector program wrote to standard output: a JSON object whose `type` says what
/// it is (`connectors/PROTOCOL.md` documents each).
enum ConnectorMessage {
    /// The answer to a `spec` request: the whole object, read by ``ExternalSpecReader``.
    case spec([String: JSONValue])
    /// One record of a file, with its fields by name.
    case record(record: String, origin: RecordOrigin, fields: [String: JSONValue], raw: String?)
    /// A row the program could not read itself, with why.
    case reject(origin: RecordOrigin, reason: String, raw: String)
    /// A file is done: how many rows the program read from it.
    case file(name: String, rows: Int)
    /// The read is complete.
    case end
    /// The program cannot go on (a missing file, an unreadable folder).
    case error(String)

    /// Parses one line of output.
    static func parse(_ line: ArraySlice<UInt8>) throws(ProtocolViolation) -> ConnectorMessage {
        guard line.count <= ProgramProcess.maxLineBytes else { throw ProtocolViolation("the line is longer than 16 MiB") }
        let value: JSONValue
        do { value = try JSONValue.parse(line) } catch { throw ProtocolViolation("not JSON: \(error.reason)") }
        guard case .object(let o) = value, case .string(let type)? = o["type"] else {
            throw ProtocolViolation("a message must be a JSON object with a \"type\"")
        }
        switch type {
        case "spec": return .spec(o)
        case "record":
            guard case .object(let fields)? = o["fields"] else { throw ProtocolViolation("a record needs \"fields\", an object") }
            return .record(record: try text(o, "record"), origin: try RecordOrigin(o["origin"]), fields: fields, raw: try optionalText(o, "raw"))
        case "reject":
            return .reject(origin: try RecordOrigin(o["origin"]), reason: try text(o, "reason"), raw: try optionalText(o, "raw") ?? "")
        case "file":
            guard case .number(let n)? = o["rows"], let rows = Int(n), rows >= 0 else {
                throw ProtocolViolation("a file message needs \"rows\", a whole number")
            }
            return .file(name: try text(o, "file"), rows: rows)
        case "end": return .end
        case "error": return .error(try text(o, "message"))
        default: throw ProtocolViolation("unknown message type '\(MessageText.excerpt(type))'")
        }
    }

    static func text(_ o: [String: JSONValue], _ key: String) throws(ProtocolViolation) -> String {
        guard case .string(let s)? = o[key], !s.isEmpty else { throw ProtocolViolation("\"\(key)\" must be a non-empty string") }
        return s
    }

    static func optionalText(_ o: [String: JSONValue], _ key: String) throws(ProtocolViolation) -> String? {
        switch o[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw ProtocolViolation("\"\(key)\" must be a string")
        }
    }
}

/// Where a record came from, as the program says: a file of the source folder and its line, or
/// a record key where lines mean nothing (a database export).
struct RecordOrigin {
    var file: String
    var line: Int?
    var key: String?

    init(_ value: JSONValue?) throws(ProtocolViolation) {
        guard case .object(let o)? = value else { throw ProtocolViolation("\"origin\" must be an object {\"file\", \"line\"}") }
        file = try ConnectorMessage.text(o, "file")
        if case .number(let n)? = o["line"] {
            guard let l = Int(n), l > 0 else { throw ProtocolViolation("\"origin.line\" must be a whole number from 1") }
            line = l
        }
        key = try ConnectorMessage.optionalText(o, "key")
        guard line != nil || key != nil else { throw ProtocolViolation("\"origin\" needs \"line\" or \"key\"") }
    }
}

/// A line of a program's output that breaks the protocol, with why (English, for the message).
struct ProtocolViolation: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
