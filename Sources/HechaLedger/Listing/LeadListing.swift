import Foundation
import HechaCore
import HechaReports

/// `hecha leads list`: the leads that pass the filters, as a table for people (id numbers masked),
/// CSV for Excel (masked, formulas neutralised) or JSON Lines for machines (one object a line,
/// full ids).
public enum LeadListing {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable { case table, csv, json }

    /// Which leads to show; nil shows all.
    public struct Filter: Sendable {
        /// Only leads with this status, of this rule, of this township.
        public var status: LeadStatus?
        /// Only leads of this rule id; nil for every rule.
        public var rule: String?
        /// Only leads of this 镇街; nil for every township.
        public var township: String?

        /// A filter as given.
        public init(status: LeadStatus? = nil, rule: String? = nil, township: String? = nil) {
            self.status = status
            self.rule = rule
            self.township = township
        }

        func admits(_ l: Lead) -> Bool {
            (status == nil || l.status == status) && (rule == nil || l.rule == rule) && (township == nil || l.township == township)
        }
    }

    /// The leads of `store` that pass `filter`, in `format`; `day` (the last run's as-of date)
    /// decides which are overdue.
    public static func text(_ store: LedgerStore, filter: Filter, format: Format) throws(LedgerError) -> String {
        let day = try store.lastRunDay() ?? ""
        let leads = try store.leads().filter(filter.admits)
        func state(_ l: Lead) -> String {
            l.isOverdue(on: day) ? "\(l.status.label)（超期未核查）" : !l.present && !l.status.isClosed ? "\(l.status.label)（数据已消除）" : l.status.label
        }
        switch format {
        case .json:
            return leads.map { json($0, overdue: $0.isOverdue(on: day)) + "\n" }.joined()
        case .csv:
            let header = ["线索编号", "规则", "镇街", "村居", "户编号", "身份证号", "申请编号", "状态", "首次发现", "最近发现", "核查期限", "金额（元）",
                          "处理方式", "追回金额", "处理日期", "不属实原因", "备注"]
            return CSVCells.file(header: header, rows: leads.map { l in
                [l.id, l.rule, l.township, l.village, l.household, l.person.map(PrivacyMask.id) ?? "", l.application ?? "", state(l),
                 l.firstSeen, l.lastSeen, l.verifyBy, l.amount ?? "", l.action ?? "", l.amountSettled ?? "", l.outcomeDate ?? "",
                 l.reason ?? "", l.note ?? ""]
            })
        case .table:
            if leads.isEmpty { return "no leads\(filter.status == nil && filter.rule == nil && filter.township == nil ? "" : " match the filters")\n" }
            return SummaryTable.render(header: ["id", "rule", "township 镇街", "household 户", "person", "status 状态", "first seen", "last seen", "amount"],
                                       rows: leads.map { l in
                                           [l.id, l.rule, l.township, l.household, l.person.map(PrivacyMask.id) ?? "", state(l), l.firstSeen,
                                            l.lastSeen, l.amount ?? ""]
                                       }, rightAligned: [8]) + "\(leads.count) lead(s)\n"
        }
    }

    static func json(_ l: Lead, overdue: Bool) -> String {
        let s = JSONText.optionalString
        let pairs: [(String, String)] = [
            ("id", s(l.id)), ("rule", s(l.rule)), ("household", s(l.household)), ("person", s(l.person)), ("application", s(l.application)),
            ("township", s(l.township)), ("village", s(l.village)), ("status", s(l.status.rawValue)), ("status_label", s(l.status.label)),
            ("present", l.present ? "true" : "false"), ("overdue", overdue ? "true" : "false"),
            ("first_seen", s(l.firstSeen)), ("last_seen", s(l.lastSeen)), ("verify_by", s(l.verifyBy)), ("amount", s(l.amount)),
            ("action", s(l.action)), ("amount_settled", s(l.amountSettled)), ("outcome_date", s(l.outcomeDate)),
            ("reason", s(l.reason)), ("note", s(l.note)), ("closed_at", s(l.closedAt)),
        ]
        return JSONText.object(pairs)
    }
}
