import ConnectorKit
import HechaCore
import HechaRules
import Foundation

/// Asks a connector program for its spec and turns the answer into fact schemas, checking every
/// part of it: a spec that cannot be used is a configuration error (exit 2) naming the program
/// and what is wrong, found before any rule is checked.
enum ExternalSpecReader {
    /// The field types a program may declare.
    static let fieldTypes: [String: ValueType] = ["string": .string, "number": .number, "date": .date, "bool": .bool]

    /// Runs `spec` on `program`, at most ``ConnectorProgram/specTimeoutSeconds`` (or `timeoutSeconds` when shorter).
    static func spec(of program: ConnectorProgram, timeoutSeconds: Int = ConnectorProgram.specTimeoutSeconds) throws(Diagnostic) -> ExternalSourceSpec {
        var answer: [String: JSONValue]?
        try program.exchange(["type": "spec"], timeoutSeconds: min(timeoutSeconds, ConnectorProgram.specTimeoutSeconds)) { message, _ throws(ProtocolViolation) in
            guard case .spec(let o) = message, answer == nil else { throw ProtocolViolation("the answer to spec is one spec message") }
            answer = o
        }
        guard let answer else { throw program.failure("did not answer the spec request", stderr: []) }
        do throws(ProtocolViolation) {
            return try parse(answer)
        } catch {
            throw Diagnostic.error("the spec of the connector program \(program.shown) of source '\(program.sourceID)' is wrong: \(error.reason)",
                                   at: program.declaredAt, hint: "connectors/PROTOCOL.md describes the spec message")
        }
    }

    /// The spec message's contents as fact schemas.
    static func parse(_ o: [String: JSONValue]) throws(ProtocolViolation) -> ExternalSourceSpec {
        guard case .number(let p)? = o["protocol"], Int(p) == connectorProtocolVersion else {
            throw ProtocolViolation("it speaks protocol \(o["protocol"].map(describe) ?? "(none)"); Hecha speaks protocol \(connectorProtocolVersion)")
        }
        let id = try ConnectorMessage.text(o, "id"), title = try ConnectorMessage.text(o, "title")
        guard case .array(let facts)? = o["facts"], !facts.isEmpty else { throw ProtocolViolation("\"facts\" must be a non-empty list") }
        var schemas: [FactSchema] = []
        var keyFields: [String: String] = [:]
        for (i, fact) in facts.enumerated() {
            guard case .object(let f) = fact else { throw ProtocolViolation("fact \(i + 1) must be an object") }
            let (schema, keyField) = try factSchema(f, number: i + 1)
            guard keyFields[schema.record.name] == nil else { throw ProtocolViolation("fact \(i + 1): record '\(schema.record.name)' is declared twice") }
            schemas.append(schema)
            keyFields[schema.record.name] = keyField
        }
        return ExternalSourceSpec(id: id, title: title, factSchemas: schemas, keyFields: keyFields)
    }

    static func factSchema(_ f: [String: JSONValue], number: Int) throws(ProtocolViolation) -> (FactSchema, String) {
        let name = try ConnectorMessage.text(f, "record"), collection = try ConnectorMessage.text(f, "collection")
        for n in [name, collection] where !isName(n) {
            throw ProtocolViolation("fact \(number): '\(MessageText.excerpt(n))' is not a name (letters, digits and _, starting with a letter)")
        }
        guard let key = FactKey(rawValue: (try? ConnectorMessage.text(f, "key")) ?? "") else {
            throw ProtocolViolation("fact \(number): \"key\" must be person or household")
        }
        guard case .array(let list)? = f["fields"], !list.isEmpty else { throw ProtocolViolation("fact \(number): \"fields\" must be a non-empty list") }
        var fields: [FieldSchema] = []
        for item in list {
            guard case .object(let d) = item else { throw ProtocolViolation("fact \(number): each field must be an object") }
            let fieldName = try ConnectorMessage.text(d, "name"), typeName = try ConnectorMessage.text(d, "type")
            guard isName(fieldName), !fields.contains(where: { $0.name == fieldName }) else {
                throw ProtocolViolation("fact \(number): field '\(MessageText.excerpt(fieldName))' is not a name or is declared twice")
            }
            guard let type = fieldTypes[typeName] else {
                throw ProtocolViolation("fact \(number): field '\(fieldName)' has unknown type '\(MessageText.excerpt(typeName))'; use string, number, date or bool")
            }
            fields.append(FieldSchema(fieldName, type, optional: flag(d, "optional"), column: try ConnectorMessage.optionalText(d, "column"),
                                      doc: try ConnectorMessage.optionalText(d, "doc") ?? "", personal: flag(d, "personal")))
        }
        let keyField = try ConnectorMessage.text(f, "key_field")
        guard let k = fields.first(where: { $0.name == keyField }), k.type == .string, !k.optional else {
            throw ProtocolViolation("fact \(number): \"key_field\" '\(MessageText.excerpt(keyField))' must name a required string field")
        }
        let title = try ConnectorMessage.optionalText(f, "title") ?? name
        return (FactSchema(record: RecordSchema(name: name, title: title, fields: fields), key: key, collection: collection), keyField)
    }

    static func flag(_ d: [String: JSONValue], _ key: String) -> Bool {
        if case .bool(true)? = d[key] { return true }
        return false
    }

    static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    static func describe(_ v: JSONValue) -> String {
        switch v {
        case .number(let n): return n
        case .string(let s): return "'\(MessageText.excerpt(s))'"
        default: return v.kindName
        }
    }
}

extension ExternalSpecReader {
    /// What the region loader calls for each `command:` source.
    static let provider: ExternalSpecProvider = { (entry: SourceEntry) throws(Diagnostic) -> ExternalSourceSpec in
        guard let program = ConnectorProgram(entry) else { preconditionFailure("only command: sources are asked for a spec") }
        return try spec(of: program, timeoutSeconds: entry.timeoutSeconds)
    }

    /// A `command:` source's folder must exist, as a built-in connector's must.
    static func folderProblems(_ s: SourceEntry) -> [Diagnostic] {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: s.path, isDirectory: &isDir), isDir.boolValue { return [] }
        return [.error("the folder of source '\(s.id)' does not exist: \(s.displayPath)", at: s.declaredAt,
                       hint: "path: is relative to the region file's folder")]
    }
}
