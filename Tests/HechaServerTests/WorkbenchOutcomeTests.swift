import Foundation
import HechaLedger
import Hummingbird
import Testing
import TestSupport

/// Recording outcomes through the API: every field checked, a bad one named, nothing half-applied.
@Suite struct WorkbenchOutcomeTests {
    @Test(arguments: [
        (#"{"status": "maybe"}"#, "status"),
        (#"{"note": "no status"}"#, "status"),
        (#"{"status": "dismissed"}"#, "reason"),
        (#"{"status": "dismissed", "reason": "不认识的原因"}"#, "reason"),
        (#"{"status": "confirmed", "action": "追回", "amount": "12.345"}"#, "amount"),
        (#"{"status": "confirmed", "action": "没收"}"#, "action"),
        (#"{"status": "confirmed", "action": "追回", "date": "2025-02-30"}"#, "date"),
        (#"{"status": "in-progress", "reason": "车辆已过户"}"#, "reason"),
        (#"{"status": "in-progress", "colour": "red"}"#, "colour"),
        (#"{"status": 7}"#, "status"),
    ])
    func aBadFieldIs400NamingItAndChangesNothing(body: String, field: String) async throws {
        let store = try WorkbenchFixture.ledger()
        let lead = try #require(try store.leads().first { $0.township == WorkbenchFixture.townA })
        try await WorkbenchFixture.serve(store) { client in
            var c = WorkbenchClient(client)
            try await c.login("worker-a", WorkbenchFixture.password)
            let a = try await c.post("/api/leads/\(lead.id)/outcome", raw: body)
            #expect(a.status == .badRequest)
            #expect(a.json["field"] as? String == field, "\(body) → \(a.text)")
            #expect((a.json["error"] as? String)?.isEmpty == false)
        }
        #expect(try store.lead(lead.id) == lead)
        #expect(try store.events(of: lead.id).count == 1)
    }

    @Test(arguments: LedgerBackend.available) func aBodyThatIsNotAJSONObjectIs400(backend: LedgerBackend) async throws {
        let store = try WorkbenchFixture.ledger(backend)
        let lead = try #require(try store.leads().first { $0.township == WorkbenchFixture.townA })
        try await WorkbenchFixture.serve(store) { client in
            var c = WorkbenchClient(client)
            try await c.login("worker-a", WorkbenchFixture.password)
            for body in ["", "not json", "[1, 2]", #"{"status": "#] {
                #expect(try await c.post("/api/leads/\(lead.id)/outcome", raw: body).status == .badRequest)
            }
            #expect(try await c.get("/api/leads?status=bogus").json["field"] as? String == "status")
            #expect(try await c.get("/api/leads?page=0").json["field"] as? String == "page")
        }
        #expect(try store.lead(lead.id) == lead)
    }

    @Test(arguments: LedgerBackend.available) func aConfirmedOutcomeIsRecordedWholeWithItsEvent(backend: LedgerBackend) async throws {
        let store = try WorkbenchFixture.ledger(backend)
        let lead = try #require(try store.leads().first { $0.township == WorkbenchFixture.townA })
        try await WorkbenchFixture.serve(store) { client in
            var c = WorkbenchClient(client)
            try await c.login("worker-a", WorkbenchFixture.password)
            let body: [String: Any] = ["status": "confirmed", "action": "recover", "amount": 1234.5, "date": "2025-01-15", "note": "已追回"]
            let a = try await c.post("/api/leads/\(lead.id)/outcome", json: body)
            #expect(a.status == .ok, "\(a.text)")
            // the same outcome again changes nothing
            #expect(try await c.post("/api/leads/\(lead.id)/outcome", json: body).json["changed"] as? Bool == false)
            let detail = try await c.get("/api/leads/\(lead.id)")
            #expect((detail.json["events"] as? [[String: Any]])?.last?["by"] as? String == "worker-a")
        }
        let now = try #require(try store.lead(lead.id))
        #expect(now.status == .confirmed)
        #expect(now.action == "追回")
        #expect(now.amountSettled == "1234.50")
        #expect(now.outcomeDate == "2025-01-15")
        #expect(now.note == "已追回")
        #expect(try store.events(of: lead.id).count == 2)
    }

    @Test(arguments: LedgerBackend.available) func aDismissalTakesItsReasonFromTheRulesetsClosedList(backend: LedgerBackend) async throws {
        let store = try WorkbenchFixture.ledger(backend)
        let lead = try #require(try store.leads().first { $0.township == WorkbenchFixture.townA })
        let reason = try #require(WorkbenchFixture.evidence.settings.dismissReasons.first)
        #expect(try store.lastRunDismissReasons() == WorkbenchFixture.evidence.settings.dismissReasons)
        // without the region, the reasons the last run recorded in the ledger are used
        try await WorkbenchFixture.serve(store, evidence: nil) { client in
            var c = WorkbenchClient(client)
            try await c.login("worker-a", WorkbenchFixture.password)
            let detail = try await c.get("/api/leads/\(lead.id)")
            #expect(detail.json["evidence_available"] as? Bool == false)
            #expect(detail.json["dismiss_reasons"] as? [String] == WorkbenchFixture.evidence.settings.dismissReasons)
            #expect(try await c.post("/api/leads/\(lead.id)/outcome", json: ["status": "dismissed", "reason": reason]).status == .ok)
        }
        #expect(try store.lead(lead.id)?.reason == reason)
    }
}
