import HechaCore

/// A parameter a ruleset declares: its name (`vehicle.min_price`), type and meaning.
public struct ParameterDeclaration: Sendable {
    public var name: String
    public var type: ValueType
    public var title: String
    public var declaredAt: SourceLocation
}

/// The value of a parameter: a list, a number, … or, for map parameters (`review.interval_months`),
/// values by key.
public enum ParameterData: Sendable, Equatable {
    case value(Value)
    case map([String: Value])
}

/// One parameter's setting: a single value, or dated values (`- {from: 2024-07-01, value: 1370}`):
/// the value in force on a date is the last entry whose `from` is on or before it.
public struct ParameterSetting: Sendable {
    public struct Entry: Sendable {
        public var from: Day?
        public var data: ParameterData
        public var at: SourceLocation
    }
    public var entries: [Entry]
    public var definedAt: SourceLocation

    public var isDated: Bool { entries.first?.from != nil }

    /// The value in force on `date`, or `nil` when the first dated entry starts later.
    public func value(on date: Day) -> ParameterData? {
        if !isDated { return entries.first?.data }
        var found: ParameterData?
        for e in entries {
            if let f = e.from, f <= date { found = e.data } else { break }
        }
        return found
    }
}

/// The declared parameters of a ruleset chain with their effective settings.
public struct ParameterSet: Sendable {
    public private(set) var declarations: [String: ParameterDeclaration] = [:]
    public private(set) var settings: [String: ParameterSetting] = [:]
    /// Declaration order, for listings.
    public private(set) var order: [String] = []

    public init() {}

    mutating func declare(_ d: ParameterDeclaration) {
        if declarations[d.name] == nil { order.append(d.name) }
        declarations[d.name] = d
    }

    /// Sets a parameter. A map given by a child merges key by key into the parent's map; anything
    /// else replaces the parent's value whole (a list is not merged).
    mutating func set(_ name: String, _ setting: ParameterSetting) {
        if let old = settings[name], !old.isDated, !setting.isDated,
            case .map(let a)? = old.entries.first?.data, case .map(let b)? = setting.entries.first?.data {
            var merged = a
            for (k, v) in b { merged[k] = v }
            var s = setting
            s.entries[0].data = .map(merged)
            settings[name] = s
            return
        }
        settings[name] = setting
    }

    public func type(of name: String) -> ValueType? { declarations[name]?.type }
}
