/// A value in the rule language and in facts. `unknown` stands for an empty optional field
/// (a vehicle with no 购置价格): it is never zero, and comparisons with it are unknown.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case unknown
    case bool(Bool)
    case number(Exact)
    case string(String)
    case date(Day)
    case month(Month)
    case list([Value])
    case record(Record)

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

    public var isUnknown: Bool { if case .unknown = self { return true } else { return false } }
}

/// A file a source delivered: its source id and file name, shared by every fact read from it.
public final class SourceOrigin: Sendable, Hashable {
    public let source: String
    public let file: String

    public init(source: String, file: String) {
        self.source = source
        self.file = file
    }

    public static func == (a: SourceOrigin, b: SourceOrigin) -> Bool { a === b || (a.source == b.source && a.file == b.file) }
    public func hash(into h: inout Hasher) {
        h.combine(source)
        h.combine(file)
    }
}

/// Where a fact came from: the source's id, the file name and the line (row) in it.
/// Sixteen bytes: the source and file are shared through one ``SourceOrigin`` per file.
public struct SourceRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let origin: SourceOrigin
    public let line: Int

    public var source: String { origin.source }
    public var file: String { origin.file }

    /// A place in the file `origin`; readers make one origin per file and share it.
    public init(origin: SourceOrigin, line: Int) {
        self.origin = origin
        self.line = line
    }

    public init(source: String, file: String, line: Int) {
        self.init(origin: SourceOrigin(source: source, file: file), line: line)
    }

    public static func < (a: SourceRef, b: SourceRef) -> Bool {
        (a.source, a.file, a.line) < (b.source, b.file, b.line)
    }

    public var description: String { "\(file):\(line)" }
}

/// A typed record: a fact row, a household, a member. Fields follow `schema.fields`.
/// Records are compared by identity of content and origin; they are immutable once built.
public final class Record: Sendable, Hashable, CustomStringConvertible {
    public let schema: RecordSchema
    public let fields: [Value]
    public let source: SourceRef?

    public init(schema: RecordSchema, fields: [Value], source: SourceRef?) {
        precondition(fields.count == schema.fields.count, "record of \(schema.name) has \(fields.count) fields, schema has \(schema.fields.count)")
        self.schema = schema
        self.fields = fields
        self.source = source
    }

    public subscript(_ name: String) -> Value {
        guard let i = schema.index(of: name) else { return .unknown }
        return fields[i]
    }

    public static func == (a: Record, b: Record) -> Bool {
        a === b || (a.schema.name == b.schema.name && a.source == b.source && a.fields == b.fields)
    }

    public func hash(into h: inout Hasher) {
        h.combine(schema.name)
        h.combine(source)
    }

    public var description: String {
        var parts: [String] = []
        for (f, v) in zip(schema.fields, fields) where !f.type.isCollection {
            parts.append("\(f.name): \(v)")
        }
        return "\(schema.name){" + parts.joined(separator: ", ") + "}"
    }
}
