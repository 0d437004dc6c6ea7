import HechaCore
import HechaRules

/// A parameter's effective value as JSON, for the manifest: a single value, a map of values by key,
/// or for dated values a list of `{"from": date, "value": …}`; `null` when it has no value.
public struct EffectiveParameter: Sendable {
    /// The parameter's dotted name, e.g. `vehicle.min_price`.
    public var name: String
    /// The value as JSON text.
    public var json: String

    /// A parameter whose JSON text is already made; `json` must be valid JSON.
    public init(name: String, json: String) {
        self.name = name
        self.json = json
    }

    /// The parameter `name` with `setting` written as JSON; `null` when `setting` is `nil`.
    public init(name: String, setting: ParameterSetting?) {
        self.name = name
        guard let setting else { json = "null"; return }
        if setting.isDated {
            json = "[" + setting.entries.map { e in
                JSONText.object([("from", JSONText.string(e.from?.description ?? "")), ("value", EffectiveParameter.json(e.data))])
            }.joined(separator: ", ") + "]"
        } else {
            json = setting.entries.first.map { EffectiveParameter.json($0.data) } ?? "null"
        }
    }

    /// Every declared parameter of `set`, in declaration order.
    public static func all(_ set: ParameterSet) -> [EffectiveParameter] {
        set.order.map { EffectiveParameter(name: $0, setting: set.settings[$0]) }
    }

    static func json(_ data: ParameterData) -> String {
        switch data {
        case .value(let v): return json(v)
        case .map(let m): return JSONText.object(m.keys.sorted().map { ($0, json(m[$0]!)) })
        }
    }

    /// Numbers are written as JSON numbers when they are finite decimals (as parameters are) and
    /// as exact text `"n/d"` otherwise; dates and months as ISO text.
    static func json(_ v: Value) -> String {
        switch v {
        case .unknown: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            let text = n.description
            return text.contains("/") ? JSONText.string(text) : text
        case .string(let s): return JSONText.string(s)
        case .date(let d): return JSONText.string(d.description)
        case .month(let m): return JSONText.string(m.description)
        case .list(let l): return "[" + l.map(json).joined(separator: ", ") + "]"
        case .record(let r): return JSONText.string(r.description)
        }
    }
}
