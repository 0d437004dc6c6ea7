/// The static type of a value in the rule language and of a fact field.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    /// `true` or `false`.
    case bool
    /// An exact number (``Exact``): money in yuan, counts, ratios.
    case number
    /// Text.
    case string
    /// A calendar date (``Day``).
    case date
    /// A calendar month (``Month``).
    case month
    /// A list whose elements all have the given type, e.g. a member's vehicles.
    case list(ValueType)
    /// A map from string keys to values of the given type.
    case map(ValueType)
    /// A record of the schema with this name (``RecordSchema/name``), e.g. `vehicle`.
    case record(String)
    /// The type of an empty list literal or an `unknown` literal: fits anything.
    case any

    /// The type as written in ruleset files and messages: `number`, `[vehicle]`, `{number}`.
    public var description: String {
        switch self {
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .date: return "date"
        case .month: return "month"
        case .list(let t): return "[\(t)]"
        case .map(let t): return "{\(t)}"
        case .record(let n): return n
        case .any: return "any"
        }
    }

    /// Whether this is a list type; list fields are left out when a record is shown as text.
    public var isCollection: Bool { if case .list = self { return true } else { return false } }

    /// Whether a value of type `self` may stand where `other` is expected.
    public func fits(_ other: ValueType) -> Bool {
        if self == other || self == .any || other == .any { return true }
        switch (self, other) {
        case (.list(let a), .list(let b)): return a.fits(b)
        case (.map(let a), .map(let b)): return a.fits(b)
        default: return false
        }
    }

    /// Parses the type names written in ruleset files: `number`, `money`, `string`, `bool`, `date`,
    /// `month`, `int`, `[T]` (a list), `{T}` (a map from string keys).
    public init?(name: String) {
        let s = name.trimmingCharacters(in: " ")
        switch s {
        case "bool": self = .bool
        case "number", "money", "int", "integer", "decimal": self = .number
        case "string", "text": self = .string
        case "date": self = .date
        case "month": self = .month
        default:
            if s.hasPrefix("["), s.hasSuffix("]"), let inner = ValueType(name: String(s.dropFirst().dropLast())) {
                self = .list(inner)
            } else if s.hasPrefix("{"), s.hasSuffix("}"), let inner = ValueType(name: String(s.dropFirst().dropLast())) {
                self = .map(inner)
            } else {
                return nil
            }
        }
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}

/// One field of a record schema.
public struct FieldSchema: Sendable, Hashable {
    /// The name rules use (`price`).
    public var name: String
    /// The field's type; the rule checker type-checks every use of the field against it.
    public var type: ValueType
    /// Optional fields may be `unknown`; required ones never are.
    public var optional: Bool
    /// Where it comes from in the agency's export (`购置价格`), for people reading the schema.
    public var column: String?
    /// A short note for people reading the schema (units such as "yuan per month", the values it takes); may be empty.
    public var doc: String
    /// Personal data (an id number, a name, a plate, an account, a phone number, an address):
    /// masked wherever a finding shows it to people.
    public var personal: Bool
    /// The values a text field can take, when the export has a closed list (救助类别: 城市低保 |
    /// 农村低保 | 特困供养); a rule comparing it with any other value gets a warning.
    public var choices: [String]?

    /// Declares a field; only `name` and `type` are needed, the rest defaults to required, no column, not personal.
    public init(_ name: String, _ type: ValueType, optional: Bool = false, column: String? = nil, doc: String = "",
                personal: Bool = false, choices: [String]? = nil) {
        self.name = name
        self.type = type
        self.optional = optional
        self.column = column
        self.doc = doc
        self.personal = personal
        self.choices = choices
    }
}

/// The shape of a record: a fact type, a household, a member.
public final class RecordSchema: Sendable, Hashable, CustomStringConvertible {
    /// The record type's name as rules and messages write it (`vehicle`, `household`).
    public let name: String
    /// A Chinese title for people (`机动车登记`).
    public let title: String
    /// The fields in order; a ``Record`` of this schema holds one ``Value`` per field, in this order.
    public let fields: [FieldSchema]
    /// The field that holds the id number of the person a record is about (a vehicle's owner, a
    /// death's person), for facts keyed by person; nil for other records. Declared once here, it
    /// tells the readers which column to match against the roster before anything else: the CSV
    /// scanner skips rows of people outside it, and a warehouse table is joined to the roster on it.
    public let personKey: FieldSchema?
    private let indexByName: [String: Int]

    /// Declares a record type. Field names should be distinct: a repeated name finds only its last
    /// field. `personKey` must be one of `fields`.
    public init(name: String, title: String, fields: [FieldSchema], personKey: FieldSchema? = nil) {
        precondition(personKey.map { key in fields.contains { $0.name == key.name } } ?? true,
                     "the person key of record '\(name)' must be one of its fields")
        self.name = name
        self.title = title
        self.fields = fields
        self.personKey = personKey
        var idx: [String: Int] = [:]
        for (i, f) in fields.enumerated() { idx[f.name] = i }
        indexByName = idx
    }

    /// The position of the field named `field` in ``fields``, or `nil` when there is none.
    public func index(of field: String) -> Int? { indexByName[field] }
    /// The field named `name`, or `nil` when there is none.
    public func field(_ name: String) -> FieldSchema? { indexByName[name].map { fields[$0] } }

    /// Two schemas are equal when they have the same name and the same fields (titles not compared).
    public static func == (a: RecordSchema, b: RecordSchema) -> Bool { a.name == b.name && a.fields == b.fields }
    /// Hashes the name only, consistent with `==`.
    public func hash(into h: inout Hasher) { h.combine(name) }
    /// The schema's ``name``.
    public var description: String { name }
}

/// What a fact is attached to once read.
public enum FactKey: String, Sendable, Hashable {
    /// A person-level fact (a vehicle, a death): keyed by the normalised id number; it attaches to
    /// that person as a member of every household the person belongs to.
    case person
    /// A household-level fact (a payment, an application): keyed by the household id (户编号).
    case household
}

/// A fact type a connector yields, e.g. `vehicle` facts attached to members as `member.vehicles`.
public struct FactSchema: Sendable, Hashable {
    /// The fields each fact of this type has.
    public var record: RecordSchema
    /// Whether facts attach to a person (keyed by id number) or to a household (keyed by 户编号).
    public var key: FactKey
    /// The collection name rules use: `member.<collection>` or `household.<collection>`.
    public var collection: String

    /// Declares a fact type; rules reach its facts as `member.<collection>` or `household.<collection>`.
    public init(record: RecordSchema, key: FactKey, collection: String) {
        self.record = record
        self.key = key
        self.collection = collection
    }
}
