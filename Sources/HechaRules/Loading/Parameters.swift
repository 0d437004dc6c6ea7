import HechaCore

/// A parameter a ruleset declares: its name (`vehicle.min_price`), type and meaning.
public struct ParameterDeclaration: Sendable {
    /// The dotted name rules use, e.g. `vehicle.min_price`.
    public var name: String
    /// The declared type; every setting is checked against it.
    public var type: ValueType
    /// What the parameter means, for people (its `title:`).
    public var title: String
    /// Where the ruleset declares it.
    public var declaredAt: SourceLocation
}

/// The value of a parameter: a list, a number, … or, for map parameters (`review.interval_months`),
/// values by key.
public enum ParameterData: Sendable, Equatable {
    /// A single value of the declared type.
    case value(Value)
    /// Values by key, for a map parameter.
    case map([String: Value])
}

/// One parameter's setting: a single value, or dated values (`- {from: 2024-07-01, value: 1370}`):
/// the value in force on a date is the last entry whose `from` is on or before it.
public struct ParameterSetting: Sendable {
    /// One value of a setting, in force from a date on (or always, when undated).
    public struct Entry: Sendable {
        /// The first day the value is in force; `nil` for an undated setting.
        public var from: Day?
        /// The value.
        public var data: ParameterData
        /// Where the entry is written.
        public var at: SourceLocation
    }
    /// The values: one undated entry, or dated entries in order of their `from`.
    public var entries: [Entry]
    /// Where the setting is written (the ruleset or region file that set it last).
    public var definedAt: SourceLocation

    /// Whether the entries carry `from` dates.
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
    /// The declared parameters by name.
    public private(set) var declarations: [String: ParameterDeclaration] = [:]
    /// The effective setting of each parameter that has one, by name, after the chain's overrides.
    public private(set) var settings: [String: ParameterSetting] = [:]
    /// Declaration order, for listings.
    public private(set) var order: [String] = []

    /// No parameters.
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

    /// The declared type of the parameter `name`, or `nil` when it is not declared.
    public func type(of name: String) -> ValueType? { declarations[name]?.type }
}
