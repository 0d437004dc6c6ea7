import Foundation
@testable import HechaLedger
import HechaRules
import Testing

/// Statuses and outcomes as case workers type them, and the ruleset's closed list of reasons.
struct LeadUpdateTests {
    let settings = LedgerFixture.settings

    @Test func theNationalRulesetDeclaresTheReasonsRetentionAndDeadlines() {
        #expect(settings.dismissReasons.starts(with: ["车辆已过户", "非共同生活", "已死亡销户", "数据错误"]))
        #expect(settings.retentionMonths == 36)
        #expect(settings.verifyDays(for: "deceased-still-paid") == 15)
        #expect(settings.verifyDays(for: "approval-late") == LedgerSettings.defaultVerifyWithinDays)
    }

    @Test func idsAndChineseLabelsAreBothAccepted() throws {
        for (text, status) in [("open", LeadStatus.open), ("待核查", .open), ("in-progress", .inProgress), ("核查中", .inProgress),
                               ("属实", .confirmed), ("confirmed", .confirmed), ("不属实", .dismissed), ("Dismissed", .dismissed),
                               ("无法核实", .unverifiable), ("unverifiable", .unverifiable)] {
            #expect(LeadStatus(input: text) == status)
        }
        #expect(try LeadUpdate(status: "属实", action: "recover", amount: "1,200.5", date: "2025-01-15", settings: settings)
            == LeadUpdate(status: "confirmed", action: "追回", amount: "1200.50", date: "2025-01-15", settings: settings))
    }

    @Test func badInputSaysWhatToWrite() {
        func message(_ make: () throws -> LeadUpdate) -> String {
            do { _ = try make(); return "" } catch { return "\(error)" }
        }
        #expect(message { try LeadUpdate(status: "done", settings: settings) }.contains("unknown status 'done'; use one of: open (待核查)"))
        #expect(message { try LeadUpdate(status: "不属实", settings: settings) }.contains("needs a reason; use one of: 车辆已过户"))
        #expect(message { try LeadUpdate(status: "不属实", reason: "车辆已过护", settings: settings) }
            .contains("unknown dismiss reason '车辆已过护'; did you mean '车辆已过户'?"))
        #expect(message { try LeadUpdate(status: "属实", settings: settings) }.contains("needs an action; use one of: 停发 (stop)"))
        #expect(message { try LeadUpdate(status: "属实", action: "追回", amount: "12.345", settings: settings) }.contains("bad amount '12.345'"))
        #expect(message { try LeadUpdate(status: "属实", action: "追回", date: "2025/01/15", settings: settings) }.contains("bad date '2025/01/15'"))
        #expect(message { try LeadUpdate(status: "open", reason: "数据错误", settings: settings) }.contains("a reason is only for dismissed"))
    }

    @Test func aDismissReasonListInARulesetWithABadValueNamesItsPlace() throws {
        let dir = LedgerFixture.temporaryDirectory()
        try "ruleset: mine\nledger:\n  dismiss_reasons: []\n  retention: 12\n".write(toFile: dir + "/mine.yaml", atomically: true, encoding: .utf8)
        #expect {
            _ = try LedgerSettings.load(files: [dir + "/mine.yaml"])
        } throws: { e in
            let text = "\(e)"
            return text.contains("mine.yaml:3:20: error: ledger.dismiss_reasons must be a non-empty list")
                && text.contains("mine.yaml:4:3: error: unknown key 'retention' under ledger:")
        }
    }
}
