import Foundation
import HechaReports
import HechaRules

/// The township's worksheet: `hecha leads export` writes its open leads with empty columns for
/// the case workers' findings; `hecha leads import` reads the filled-in file back. Every row is
/// applied or rejected with its line and reason; a row left empty is left open; importing the same
/// file twice changes nothing the second time.
public enum TownshipExchange {
    /// The columns describing the lead.
    static let leadColumns = ["线索编号", "规则", "镇街", "村居", "户编号", "身份证号", "申请编号", "金额（元）", "首次发现", "核查期限", "状态"]
    /// The columns the township fills in.
    public static let outcomeColumns = ["核查结果", "处理方式", "追回金额", "核查人", "核查日期", "备注"]

    /// The worksheet of `township`: its leads still to verify (open or in progress, still found).
    public static func export(_ store: LedgerStore, township: String) throws(LedgerError) -> (text: String, leads: Int) {
        let leads = try store.leads().filter { $0.township == township && $0.present && !$0.status.isClosed }
        let rows = leads.map { l in
            [l.id, l.rule, l.township, l.village, l.household, l.person.map(PrivacyMask.id) ?? "", l.application ?? "", l.amount ?? "",
             l.firstSeen, l.verifyBy, l.status.label] + Array(repeating: "", count: outcomeColumns.count)
        }
        return (CSVCells.file(header: leadColumns + outcomeColumns, rows: rows), leads.count)
    }

    /// What an import did.
    public struct ImportReport: Sendable, Equatable {
        /// Rows whose lead changed.
        public var applied = 0
        /// Rows that said what the ledger already holds.
        public var unchanged = 0
        /// Rows whose 核查结果 is empty: the lead stays as it is.
        public var empty = 0
        /// `file:line: error: reason`, one per rejected row.
        public var rejected: [String] = []
    }

    /// Reads a filled-in worksheet and applies every good row in one transaction.
    public static func importFile(_ path: String, into store: LedgerStore, by: String, settings: LedgerSettings,
                                  at: String) throws(LedgerError) -> ImportReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LedgerError("\(path): error: cannot read the file; hint: check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LedgerError("\(path): error: the file is not UTF-8 text; hint: in Excel, save as \"CSV UTF-8 (逗号分隔)\"")
        }
        let records: [(line: Int, cells: [String])]
        do {
            records = try CSVCells.records(text)
        } catch {
            throw LedgerError("\(path):\(error.message)")
        }
        guard let header = records.first else { throw LedgerError("\(path):1: error: the file is empty; hint: import a file written by `hecha leads export`") }
        var column: [String: Int] = [:]
        for (i, name) in header.cells.enumerated() { column[name.trimmingCharacters(in: .whitespaces)] = i }
        let needed = ["线索编号", "镇街"] + outcomeColumns
        let missing = needed.filter { column[$0] == nil }
        if !missing.isEmpty {
            throw LedgerError("\(path):1: error: missing column(s) \(missing.joined(separator: ", ")); hint: import a file written by `hecha leads export`, keeping its header row")
        }
        let township = records.dropFirst().lazy.compactMap { r -> String? in
            let t = r.cells.count > column["镇街"]! ? r.cells[column["镇街"]!].trimmingCharacters(in: .whitespaces) : ""
            return t.isEmpty ? nil : t
        }.first
        var report = ImportReport()
        do {
            try store.database.write { db in
                for r in records.dropFirst() {
                    func cell(_ name: String) -> String {
                        let i = column[name]!
                        return i < r.cells.count ? r.cells[i].trimmingCharacters(in: .whitespaces) : ""
                    }
                    let id = cell("线索编号")
                    let result = cell("核查结果")
                    if result.isEmpty {
                        report.empty += 1
                        continue
                    }
                    do {
                        guard !id.isEmpty else { throw LedgerError("the row has no 线索编号") }
                        guard let status = LeadStatus(input: result) else {
                            throw LedgerError("unknown 核查结果 '\(result)'; use one of: \(LeadStatus.accepted)")
                        }
                        let how = cell("处理方式")
                        let checker = cell("核查人"), remark = cell("备注")
                        let note = [checker.isEmpty ? nil : "核查人 \(checker)", remark.isEmpty ? nil : remark].compactMap { $0 }.joined(separator: "; ")
                        let update = try LeadUpdate(status: result, reason: status == .dismissed ? how : nil,
                                                    action: status == .confirmed ? how : nil, amount: cell("追回金额"),
                                                    date: cell("核查日期"), note: note, settings: settings)
                        if try LedgerStore.set(db, id, update, by: by, at: at, township: township) {
                            report.applied += 1
                        } else {
                            report.unchanged += 1
                        }
                    } catch let e as LedgerError {
                        report.rejected.append("\(path):\(r.line): error: \(e.message)")
                    }
                }
            }
        } catch let e as LedgerError {
            throw e
        } catch {
            throw store.database.explain(error, doing: "write to")
        }
        return report
    }
}
