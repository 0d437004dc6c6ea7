/// A value in the rule language and in facts. `unknown` stands for an empty optional field
/// (a vehicle with no 购置价格): it is never zero, and comparisons with it are unknown.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    /// No value: an optional field left empty, or a result that depends on one.
    case unknown
    /// A truth value.
    case bool(Bool)
    /// An exact number; money is in yuan.
    case number(Exact)
    /// Text.
    case string(String)
    /// A calendar date.
    case date(Day)
    /// A calendar month.
    case month(Month)
    /// A list of values, e.g. a member's vehicle records.
    case list([Value])
    /// A record: a fact, a household or a member.
    case record(Record)

    /// The value as the rule language writes it: `unknown`, `true`, `12.5`, `"text"` (quoted), `2024-03-01`, `[…]`.
    public var description: String {
        switch self {
        case .unknown: return "unknown"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s): return "\"\(s)\""
        case .date(let d): return d.description
        case .month(let m): return m.description
        case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .record(let r): return r.description
        }
    }

    /// Whether this is ``unknown``.
    public var isUnknown: Bool { if case .unknown = self { return true } else { return false } }
}

/// A file a source delivered: its source id and file name, shared by every fact read from it.
public final class SourceOrigin: Sendable, Hashable {
    /// The id of the source (connector) that read the file, e.g. `vehicle-registry`.
    public let source: String
    /// The file's name within the source folder, e.g. `机动车登记.csv`.
    public let file: String

    /// The origin of facts read from `file` by the source `source`.
    public init(source: String, file: String) {
        self.source = source
        self.file = file
    }

    /// The same source and file (identical objects compare without comparing text).
    public static func == (a: SourceOrigin, b: SourceOrigin) -> Bool { a === b || (a.source == b.source && a.file == b.file) }
    /// Hashes the source id and file name, consistent with `==`.
    public func hash(into h: inout Hasher) {
        h.combine(source)
        h.combine(file)
    }
}

/// Where a fact came from: the source's id, the file name and the line (row) in it.
/// Sixteen bytes: the source and file are shared through one ``SourceOrigin`` per file.
public struct SourceRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The source and file, shared with the other facts of the file.
    public let origin: SourceOrigin
    /// The 1-based line in the file where the row starts.
    public let line: Int

    /// The id of the source that read the fact.
    public var source: String { origin.source }
    /// The name of the file the fact was read from.
    public var file: String { origin.file }

    /// A place in the file `origin`; readers make one origin per file and share it.
    public init(origin: SourceOrigin, line: Int) {
        self.origin = origin
        self.line = line
    }

    /// A place given as text; makes a new ``SourceOrigin``, so prefer ``init(origin:line:)`` for many rows of one file.
    public init(source: String, file: String, line: Int) {
        self.init(origin: SourceOrigin(source: source, file: file), line: line)
    }

    /// Orders by source id, then file name, then line.
    public static func < (a: SourceRef, b: SourceRef) -> Bool {
        (a.source, a.file, a.line) < (b.source, b.file, b.line)
    }

    /// `file:line`, e.g. `机动车登记.csv:12`.
    public var description: String { "\(file):\(line)" }
}

/// A typed record: a fact row, a household, a member. Fields follow `schema.fields`.
/// Records are compared by identity of content and origin; they are immutable once built.
public final class Record: Sendable, Hashable, CustomStringConvertible {
    /// The record's type; ``fields`` follow its fields.
    public let schema: RecordSchema
    /// One value per field of ``schema``, in the same order (checked when the record is made).
    public let fields: [Value]
    /// Where the row was read; `nil` for a record not read from a file (e.g. one built in a test).
    public let source: SourceRef?

    /// Makes a record; traps unless `fields` has exactly one value per field of `schema`.
    public init(schema: RecordSchema, fields: [Value], source: SourceRef?) {
        precondition(fields.count == schema.fields.count, "record of \(schema.name) has \(fields.count) fields, schema has \(schema.fields.count)")
        self.schema = schema
        self.fields = fields
        self.source = source
    }

    /// The value of the field `name`; ``Value/unknown`` when the schema has no such field.
    public subscript(_ name: String) -> Value {
        guard let i = schema.index(of: name) else { return .unknown }
        return fields[i]
    }

    /// Equal when the same schema name, the same source place and the same field values.
    public static func == (a: Record, b: Record) -> Bool {
        a === b || (a.schema.name == b.schema.name && a.source == b.source && a.fields == b.fields)
    }

    /// Hashes the schema name and source place, consistent with `==`.
    public func hash(into h: inout Hasher) {
        h.combine(schema.name)
        h.combine(source)
    }

    /// `name{field: value, …}`, list fields left out: for messages and debugging.
    public var description: String {
        var parts: [String] = []
        for (f, v) in zip(schema.fields, fields) where !f.type.isCollection {
            parts.append("\(f.name): \(v)")
        }
        return "\(schema.name){" + parts.joined(separator: ", ") + "}"
    }
}
