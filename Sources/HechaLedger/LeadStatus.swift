import Foundation

/// Where a lead stands with the case workers. Input accepts the id or the Chinese label.
public enum LeadStatus: String, Sendable, CaseIterable {
    case open
    case inProgress = "in-progress"
    case confirmed
    case dismissed
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
    case stop = "停发"
    case reduce = "减发"
    case recover = "追回"
    case backPay = "补发"
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
