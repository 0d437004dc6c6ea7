import Foundation
import HechaLedger
import Hummingbird
import Testing
import TestSupport

/// A worker of township A never sees, opens, changes or exports a lead of township B; an admin
/// sees all of them.
@Suite struct WorkbenchAccessTests {
    @Test(arguments: LedgerBackend.available) func aWorkerListsOnlyTheirTownshipsLeadsWhateverTheyAsk(backend: LedgerBackend) async throws {
        let store = try WorkbenchFixture.ledger(backend)
        let all = try store.leads()
        let ownCount = all.filter { $0.township == WorkbenchFixture.townA }.count
        #expect(ownCount > 0 && all.contains { $0.township == WorkbenchFixture.townB })
        try await WorkbenchFixture.serve(store) { client in
            var a = WorkbenchClient(client)
            try await a.login("worker-a", WorkbenchFixture.password)
            for query in ["status=all&page_size=200", "status=all&page_size=200&township=\(WorkbenchFixture.townB.urlQuery)"] {
                let answer = try await a.get("/api/leads?" + query)
                #expect(answer.status == .ok)
                let leads = answer.json["leads"] as? [[String: Any]] ?? []
                #expect(leads.count == ownCount)
                #expect(leads.allSatisfy { $0["township"] as? String == WorkbenchFixture.townA })
                #expect(answer.json["total"] as? Int == ownCount)
            }
            let facets = try await a.get("/api/facets")
            #expect(facets.json["townships"] as? [String] == [WorkbenchFixture.townA])
        }
    }

    @Test(arguments: LedgerBackend.available) func aLeadOfAnotherTownshipAnswers404ToDetailRevealAndOutcomeAndIsUnchanged(backend: LedgerBackend) async throws {
        let store = try WorkbenchFixture.ledger(backend)
        let foreign = try #require(try store.leads().first { $0.township == WorkbenchFixture.townB })
        let eventsBefore = try store.events(of: foreign.id)
        try await WorkbenchFixture.serve(store) { client in
            var a = WorkbenchClient(client)
            try await a.login("worker-a", WorkbenchFixture.password)
            let missing = try await a.get("/api/leads/ffffffffffffffff")
            let detail = try await a.get("/api/leads/\(foreign.id)")
            #expect(detail.status == .notFound)
            #expect(detail.text == missing.text, "a foreign lead must answer exactly as a lead that does not exist")
            let reveal = try await a.post("/api/leads/\(foreign.id)/reveal")
            #expect(reveal.status == .notFound)
            let outcome = try await a.post("/api/leads/\(foreign.id)/outcome", json: ["status": "in-progress"])
            #expect(outcome.status == .notFound)
            #expect(!detail.text.contains(foreign.household) && !outcome.text.contains(foreign.household))
        }
        #expect(try store.lead(foreign.id)?.status == foreign.status)
        #expect(try store.events(of: foreign.id) == eventsBefore)
        #expect(try store.accessLog().isEmpty)
    }

    @Test(arguments: LedgerBackend.available) func aWorkersExportHoldsOnlyTheirTownship(backend: LedgerBackend) async throws {
        let store = try WorkbenchFixture.ledger(backend)
        let foreignHouseholds = Set(try store.leads().filter { $0.township != WorkbenchFixture.townA }.map(\.household))
        let own = try store.leads().filter { $0.township == WorkbenchFixture.townA }
        try await WorkbenchFixture.serve(store) { client in
            var a = WorkbenchClient(client)
            try await a.login("worker-a", WorkbenchFixture.password)
            let csv = try await a.get("/api/leads.csv?township=\(WorkbenchFixture.townB.urlQuery)")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(own.allSatisfy { csv.text.contains($0.id) })
            #expect(foreignHouseholds.allSatisfy { !csv.text.contains($0) }, "another township's household is in the export")
        }
    }

    @Test(arguments: LedgerBackend.available) func anAdminSeesEveryLeadAndTheStatisticsAWorkerDoesNot(backend: LedgerBackend) async throws {
        let store = try WorkbenchFixture.ledger(backend)
        let total = try store.leads().count
        let foreign = try #require(try store.leads().first { $0.township == WorkbenchFixture.townB })
        try await WorkbenchFixture.serve(store) { client in
            var admin = WorkbenchClient(client)
            try await admin.login("admin", WorkbenchFixture.password)
            #expect(try await admin.get("/api/leads?status=all").json["total"] as? Int == total)
            #expect(try await admin.get("/api/leads/\(foreign.id)").status == .ok)
            let stats = try await admin.get("/api/stats")
            #expect(stats.status == .ok)
            #expect((stats.json["total"] as? [String: Any])?["found"] as? Int == total)
            let towns = (stats.json["by_township_and_rule"] as? [[String: Any]] ?? []).compactMap { $0["township"] as? String }
            #expect(towns.contains(WorkbenchFixture.townA) && towns.contains(WorkbenchFixture.townB))
            var worker = WorkbenchClient(client)
            try await worker.login("worker-b", WorkbenchFixture.password)
            #expect(try await worker.get("/api/stats").status == .notFound)
            #expect(try await worker.get("/stats").status == .notFound)
        }
    }

    @Test(arguments: LedgerBackend.available) func theLeadIsMaskedUntilRevealedAndEachRevealIsLogged(backend: LedgerBackend) async throws {
        let store = try WorkbenchFixture.ledger(backend)
        let lead = try #require(try store.leads().first { $0.township == WorkbenchFixture.townA && $0.person != nil })
        let person = try #require(lead.person)
        try await WorkbenchFixture.serve(store) { client in
            var a = WorkbenchClient(client)
            try await a.login("worker-a", WorkbenchFixture.password)
            let detail = try await a.get("/api/leads/\(lead.id)")
            #expect(detail.status == .ok)
            #expect(!detail.text.contains(person), "the full id number is in the masked lead")
            #expect(detail.json["evidence_available"] as? Bool == true)
            #expect((detail.json["explanation"] as? String)?.isEmpty == false)
            #expect(!(detail.json["members"] as? [Any] ?? []).isEmpty)
            let full = try await a.post("/api/leads/\(lead.id)/reveal")
            #expect(full.status == .ok)
            #expect(full.text.contains(person))
        }
        let log = try store.accessLog(lead: lead.id)
        #expect(log.count == 1)
        #expect(log.first?.user == "worker-a")
    }
}

extension String {
    /// Percent-encoded for a query string.
    var urlQuery: String { addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? self }
}
