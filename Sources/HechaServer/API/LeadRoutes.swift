import Foundation
import HTTPTypes
import Hummingbird
import HechaLedger
import HechaReports
import HechaRules

/// The leads: `GET /api/leads`, `GET /api/leads/{id}`, `POST /api/leads/{id}/outcome`,
/// `POST /api/leads/{id}/reveal`, `GET /api/leads.csv`, `GET /api/facets`. A worker reaches only
/// the leads of their township; any other lead answers 404, as a lead that does not exist.
struct LeadRoutes: Sendable {
    let state: WorkbenchState

    func add(to router: Router<WorkbenchContext>) {
        router.get("/api/leads") { request, context in try await list(request, context) }
        router.get("/api/leads.csv") { request, context in try await export(request, context) }
        router.get("/api/facets") { _, context in try await facets(context) }
        router.get("/api/leads/{id}") { _, context in try await detail(context) }
        router.post("/api/leads/{id}/outcome") { request, context in try await outcome(request, context) }
        router.post("/api/leads/{id}/reveal") { _, context in try await reveal(context) }
    }

    func list(_ request: Request, _ context: WorkbenchContext) async throws -> Response {
        let session = try WorkbenchState.session(context)
        let q = request.uri.queryParameters
        func text(_ key: String) -> String? {
            guard let v = q[key[...]].map(String.init), !v.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return v.trimmingCharacters(in: .whitespaces)
        }
        var statuses: [LeadStatus] = [.open, .inProgress]
        if let s = text("status"), s == "all" {
            statuses = []
        } else if let s = text("status") {
            statuses = []
            for part in s.split(separator: ",") {
                guard let st = LeadStatus(input: String(part)) else {
                    throw APIError.badInput("unknown status '\(part)'; use one of: \(LeadStatus.accepted), or all", field: "status")
                }
                statuses.append(st)
            }
        }
        var page = 1
        if let p = text("page") {
            guard let n = Int(p), n >= 1 else { throw APIError.badInput("page must be a whole number from 1", field: "page") }
            page = n
        }
        var pageSize = 50
        if let p = text("page_size") {
            guard let n = Int(p), (1...LeadQuery.maximumPageSize).contains(n) else {
                throw APIError.badInput("page_size must be a whole number from 1 to \(LeadQuery.maximumPageSize)", field: "page_size")
            }
            pageSize = n
        }
        // a worker's scope is their township whatever they ask; an admin may narrow to one
        let township = session.user.scope ?? text("township")
        let query = LeadQuery(township: township, statuses: statuses, rule: text("rule"), village: text("village"),
                              household: text("household"), page: page, pageSize: pageSize)
        let ledger = state.ledger, evidence = state.evidence
        let result = try await offload { try ledger.leadPage(query) }
        return JSONResponse.make(LeadPageJSON(
            leads: result.leads.map { LeadSummaryJSON($0, day: result.day, title: evidence?.title(of: $0.rule)) },
            total: result.total, page: result.page, pages: result.pages, page_size: result.pageSize, day: result.day))
    }

    /// The lead of the path, when this user may see it; else 404.
    func lead(_ context: WorkbenchContext, _ session: WorkbenchSession) async throws -> Lead {
        guard let id = context.parameters.get("id") else { throw APIError.notFound }
        let ledger = state.ledger
        guard let lead = try await offload({ try ledger.lead(id) }), session.user.mayAccess(lead) else { throw APIError.notFound }
        return lead
    }

    func detail(_ context: WorkbenchContext) async throws -> Response {
        let session = try WorkbenchState.session(context)
        let lead = try await lead(context, session)
        let ledger = state.ledger, evidence = state.evidence
        let (events, day, reasons) = try await offload { (try ledger.events(of: lead.id), try ledger.lastRunDay() ?? "", try state.dismissReasons()) }
        let dossier = lead.purgedAt == nil ? evidence?.dossier(for: lead) : nil
        let note: String? = lead.purgedAt != nil ? "此线索的个人信息已于 \(lead.purgedAt!) 按保存期限清除。"
            : evidence == nil ? "工作台未加载地区数据（启动时加 --region），只显示台账中的信息。"
            : dossier == nil ? "该户或该规则已不在地区数据中，无法显示证据。"
            : dossier!.stillFound ? nil : "按当前数据重新核对，此线索已不再成立；下列证据为当前数据。"
        let detail = LeadDetailJSON(
            lead: LeadSummaryJSON(lead, day: day, title: dossier?.title ?? evidence?.title(of: lead.rule)),
            action: lead.action, amount_settled: lead.amountSettled, outcome_date: lead.outcomeDate, reason: lead.reason,
            note: lead.note, closed_at: lead.closedAt, purged_at: lead.purgedAt, verify: dossier?.verify,
            evidence_available: dossier != nil, evidence_note: note,
            evidence: dossier?.evidenceJSON(unmasked: false) ?? [], members: dossier?.membersJSON(unmasked: false) ?? [],
            contact: dossier?.contactJSON(unmasked: false), explanation: dossier?.explanation,
            events: events.map(LeadEventJSON.init),
            statuses: LeadStatus.allCases.map { ChoiceJSON(value: $0.rawValue, label: $0.label) },
            actions: LeadAction.allCases.map { ChoiceJSON(value: $0.id, label: $0.rawValue) },
            dismiss_reasons: reasons)
        return JSONResponse.make(detail)
    }

    /// The personal data of the lead's household, unmasked; each call is written to the access log.
    func reveal(_ context: WorkbenchContext) async throws -> Response {
        let session = try WorkbenchState.session(context)
        let lead = try await lead(context, session)
        guard lead.purgedAt == nil, let dossier = state.evidence?.dossier(for: lead) else {
            throw APIError(status: .conflict, message: "no personal data to show for this lead", field: nil)
        }
        let ledger = state.ledger
        try await offload { try ledger.logAccess(user: session.user.name, lead: lead.id, what: "members, evidence, contact", at: ledgerTimestamp()) }
        return JSONResponse.make(RevealJSON(person: lead.person, evidence: dossier.evidenceJSON(unmasked: true),
                                            members: dossier.membersJSON(unmasked: true), contact: dossier.contactJSON(unmasked: true)))
    }

    /// Records a case worker's outcome: all of it or, on any bad field, nothing.
    func outcome(_ request: Request, _ context: WorkbenchContext) async throws -> Response {
        let session = try WorkbenchState.session(context)
        let lead = try await lead(context, session)
        let body = try await JSONBody.object(request, context)
        let fields = ["status", "reason", "action", "amount", "date", "note"]
        try JSONBody.only(body, fields)
        let status = try JSONBody.string(body, "status", required: true)!
        let reason = try JSONBody.string(body, "reason"), action = try JSONBody.string(body, "action")
        let amount = try JSONBody.string(body, "amount", number: true), date = try JSONBody.string(body, "date")
        let note = try JSONBody.string(body, "note")
        if let note, note.count > 2000 { throw APIError.badInput("note is longer than 2000 characters", field: "note") }
        let ledger = state.ledger
        let reasons = try await offload { try state.dismissReasons() }
        let update = try LeadRoutes.update(status: status, reason: reason, action: action, amount: amount, date: date, note: note,
                                           reasons: reasons)
        let user = session.user
        let changed = try await offload {
            do {
                return try ledger.set(lead.id, update, by: user.name, at: ledgerTimestamp(), township: user.scope)
            } catch {
                throw APIError(status: .conflict, message: (error as? LedgerError)?.message ?? "\(error)", field: nil)
            }
        }
        let updated = try await offload { try ledger.lead(lead.id) }
        let day = try await offload { try ledger.lastRunDay() ?? "" }
        return JSONResponse.make(OutcomeJSON(changed: changed, lead: LeadSummaryJSON(updated ?? lead, day: day, title: nil)))
    }

    /// The outcome as checked by the ledger's rules; a bad field is a 400 naming it.
    static func update(status: String, reason: String?, action: String?, amount: String?, date: String?, note: String?,
                       reasons: [String]) throws(APIError) -> LeadUpdate {
        do {
            return try LeadUpdate(status: status, reason: reason, action: action, amount: amount, date: date, note: note,
                                  settings: LedgerSettings(dismissReasons: reasons))
        } catch {
            throw APIError.badInput(error.message, field: error.field)
        }
    }

    /// The worker's township worksheet (`hecha leads export`), or for an admin the township asked
    /// for; an admin without one gets every lead as CSV.
    func export(_ request: Request, _ context: WorkbenchContext) async throws -> Response {
        let session = try WorkbenchState.session(context)
        let asked = request.uri.queryParameters["township"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let township = session.user.scope ?? asked
        let ledger = state.ledger
        let text: String = try await offload {
            if let township { return try TownshipExchange.export(ledger, township: township).text }
            return try LeadListing.text(ledger, filter: .init(), format: .csv)
        }
        let name = "leads-\(township ?? "all").csv"
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "leads.csv"
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                                               .contentDisposition: "attachment; filename=\"leads.csv\"; filename*=UTF-8''\(encoded)"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func facets(_ context: WorkbenchContext) async throws -> Response {
        let session = try WorkbenchState.session(context)
        let ledger = state.ledger
        let f = try await offload { try ledger.leadFacets(township: session.user.scope) }
        return JSONResponse.make(FacetsJSON(rules: f.rules, villages: f.villages, townships: f.townships,
                                            statuses: LeadStatus.allCases.map { ChoiceJSON(value: $0.rawValue, label: $0.label) }))
    }
}

/// `POST …/outcome`: whether anything changed (the same outcome twice changes nothing), and the lead now.
struct OutcomeJSON: Encodable, Sendable {
    var changed: Bool
    var lead: LeadSummaryJSON
}

/// The filters' choices.
struct FacetsJSON: Encodable, Sendable {
    var rules: [String]
    var villages: [String]
    var townships: [String]
    var statuses: [ChoiceJSON]
}
