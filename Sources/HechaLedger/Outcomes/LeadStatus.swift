import Foundation

/// Where a lead stands with the case workers. Input accepts the id or the Chinese label.
public enum LeadStatus: String, Sendable, CaseIterable {
    /// 待核查: found, not yet looked at.
    case open
    /// 核查中: a case worker is on it.
    case inProgress = "in-progress"
    /// 属实: true; with the action taken.
    case confirmed
    /// 不属实: not true; with a reason from the ruleset's closed list.
    case dismissed
    /// 无法核实: cannot be verified.
    case unverifiable

    /// The label case workers use.
    public var label: String {
        switch self {
        case .open: "待核查"
        case .inProgress: "核查中"
        case .confirmed: "属实"
        case .dismissed: "不属实"
        case .unverifiable: "无法核实"
        }
    }

    /// True for statuses a case worker has closed (confirmed, dismissed, unverifiable).
    public var isClosed: Bool { self == .confirmed || self == .dismissed || self == .unverifiable }

    /// Reads an id (`in-progress`) or a label (`核查中`), ignoring surrounding blanks.
    public init?(input: String) {
        let t = input.trimmingCharacters(in: .whitespaces)
        guard let s = LeadStatus(rawValue: t.lowercased()) ?? LeadStatus.allCases.first(where: { $0.label == t }) else { return nil }
        self = s
    }

    /// The accepted spellings, for messages.
    public static var accepted: String { allCases.map { "\($0.rawValue) (\($0.label))" }.joined(separator: ", ") }
}

/// What was done about a confirmed (属实) lead.
public enum LeadAction: String, Sendable, CaseIterable {
    /// 停发: payments stopped.
    case stop = "停发"
    /// 减发: payments reduced.
    case reduce = "减发"
    /// 追回: money paid wrongly recovered.
    case recover = "追回"
    /// 补发: money owed paid back.
    case backPay = "补发"
    /// 其他: anything else (say what in the note).
    case other = "其他"

    /// The English id also accepted on input.
    public var id: String {
        switch self {
        case .stop: "stop"
        case .reduce: "reduce"
        case .recover: "recover"
        case .backPay: "back-pay"
        case .other: "other"
        }
    }

    /// Reads the label (`追回`) or the id (`recover`).
    public init?(input: String) {
        let t = input.trimmingCharacters(in: .whitespaces)
        guard let a = LeadAction(rawValue: t) ?? LeadAction.allCases.first(where: { $0.id == t.lowercased() }) else { return nil }
        self = a
    }

    /// The accepted spellings, for messages.
    public static var accepted: String { allCases.map { "\($0.rawValue) (\($0.id))" }.joined(separator: ", ") }
}
