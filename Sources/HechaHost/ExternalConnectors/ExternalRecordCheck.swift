import ConnectorKit
import HechaCore
import HechaReports

/// Checks one record a connector program sent against the schema it declared, the way a Swift
/// connector's row accessors would: the key first (an id number normalised with ``IDNumber``,
/// so that rows of people outside the roster are unmatched, never rejected), then every field
/// by its type. A record that does not fit is rejected with the reason, in the words of the
/// Swift connectors' rejects (`发证日期 '2023-02-30' 不是有效日期`).
struct ExternalRecordCheck {
    var schema: FactSchema
    var keyField: String

    /// The record and its key, `.unmatched` when its key is not on the roster.
    /// With no `index` (`hecha connector check`, which has no roster) every valid key matches.
    func decide(_ fields: [String: JSONValue], index: PersonIndex?, source: SourceRef) throws(RowReject) -> RowDecision<KeyedRecord> {
        let record = schema.record
        guard let keySchema = record.field(keyField) else { preconditionFailure("the spec reader checked the key field") }
        let keyText = try text(fields[keyField], keySchema)
        let key: String
        switch schema.key {
        case .person:
            let id = IDNumber(keyText)
            if let problem = id.problem { throw RowReject("\(label(keySchema)) \(problem)，不是有效的身份证号") }
            guard index?.containsPerson(id.text) ?? true else { return .unmatched }
            key = id.text
        case .household:
            guard index?.containsHousehold(keyText) ?? true else { return .unmatched }
            key = keyText
        }
        for name in fields.keys.sorted() where record.field(name) == nil {
            throw RowReject("未声明的字段 '\(MessageText.excerpt(name))'")
        }
        var values: [Value] = []
        for f in record.fields {
            values.append(f.name == keyField ? .string(key) : try value(fields[f.name], f))
        }
        return .keep(Record(schema: record, fields: values, source: source), key: key)
    }

    /// Why the record's shape does not fit its schema (a field not declared, a JSON type no value
    /// of the field's type is written as), or nil: a wrong value (an impossible date) fits.
    func shapeProblem(_ fields: [String: JSONValue]) -> String? {
        for name in fields.keys.sorted() where schema.record.field(name) == nil { return "field '\(name)' is not in the spec" }
        for f in schema.record.fields {
            guard let v = fields[f.name], v.kind != .null else { continue }
            let fits: Bool
            switch f.type {
            case .number: fits = v.kind == .number || v.kind == .string
            case .bool: fits = v.kind == .bool
            default: fits = v.kind == .string
            }
            if !fits { return "field '\(f.name)' of type \(f.type) holds a JSON \(v.kind)" }
        }
        return nil
    }

    private func label(_ f: FieldSchema) -> String { f.column ?? f.name }

    private func text(_ v: JSONValue?, _ f: FieldSchema) throws(RowReject) -> String {
        guard case .string(let s) = try present(v, f) ?? .null else { throw RowReject("\(label(f)) 为空") }
        return s
    }

    /// The value, `nil` when empty (missing, `null`, a blank string); a wrong JSON type rejects.
    private func present(_ v: JSONValue?, _ f: FieldSchema) throws(RowReject) -> JSONValue? {
        switch v {
        case nil, .null?: return nil
        case .string(let s)?:
            let t = FieldText.trimmed(s)
            return t.isEmpty ? nil : .string(t)
        case let other?:
            let wanted: [ValueType: JSONValue.Kind] = [.number: .number, .bool: .bool]
            if wanted[f.type] == other.kind { return other }
            throw RowReject("\(label(f)) 应为\(f.type == .number ? "数字" : f.type == .bool ? "布尔值" : "字符串")，实为\(other.kindName)")
        }
    }

    private func value(_ v: JSONValue?, _ f: FieldSchema) throws(RowReject) -> Value {
        guard let v = try present(v, f) else {
            if f.optional { return .unknown }
            throw RowReject("\(label(f)) 为空")
        }
        switch (f.type, v) {
        case (.string, .string(let s)): return .string(s)
        case (.bool, .bool(let b)): return .bool(b)
        case (.bool, .string(let s)):
            throw RowReject("\(label(f)) 应为布尔值，实为字符串 '\(MessageText.excerpt(s))'")
        case (.number, .number(let n)), (.number, .string(let n)):
            guard let x = Exact(decimal: FieldText.normalized(n)) else { throw RowReject("\(label(f)) '\(MessageText.excerpt(n))' 不是有效数值") }
            return .number(x)
        case (.date, .string(let s)):
            do { return .date(try DateText.day(s)) } catch { throw RowReject("\(label(f)) \(error.reason)") }
        default:
            throw RowReject("\(label(f)) 应为字符串，实为\(v.kindName)")
        }
    }
}

extension JSONValue {
    /// The JSON type of a value, to compare with the type a field wants.
    enum Kind { case null, bool, number, string, array, object }

    var kind: Kind {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .number: return .number
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }

    /// A canonical text of the value (object keys sorted), for recognising duplicate records.
    var canonical: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return JSONText.string(s)
        case .array(let a): return "[" + a.map(\.canonical).joined(separator: ",") + "]"
        case .object(let o): return "{" + o.keys.sorted().map { JSONText.string($0) + ":" + o[$0]!.canonical }.joined(separator: ",") + "}"
        }
    }
}
