import HechaCore

extension Value {
    /// `.string(text)`, or `.unknown` when `nil`.
    public static func known(_ text: String?) -> Value { text.map(Value.string) ?? .unknown }
    /// `.date(day)`, or `.unknown` when `nil`.
    public static func known(_ day: Day?) -> Value { day.map(Value.date) ?? .unknown }
    /// `.month(month)`, or `.unknown` when `nil`.
    public static func known(_ month: Month?) -> Value { month.map(Value.month) ?? .unknown }
    /// `.number(amount)`, or `.unknown` when `nil` (an empty optional amount is unknown, not zero).
    public static func known(_ amount: Exact?) -> Value { amount.map(Value.number) ?? .unknown }
    /// `.bool(flag)`, or `.unknown` when `nil`.
    public static func known(_ flag: Bool?) -> Value { flag.map(Value.bool) ?? .unknown }
}
