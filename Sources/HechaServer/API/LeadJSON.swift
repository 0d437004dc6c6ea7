import HechaCore
import HechaLedger
import HechaReports

/// A lead as the list returns it: what a case worker needs to pick one (id numbers masked).
struct LeadSummaryJSON: Encodable, Sendable {
    var id: String
    var rule: String
    var rule_title: String?
    var household: String
    var person: String?
    var application: String?
    var township: String
    var village: String
    var status: String
    var status_label: String
    var overdue: Bool
    var present: Bool
    var first_seen: String
    var last_seen: String
    var verify_by: String
    var amount: String?

    init(_ l: Lead, day: String, title: String?) {
        id = l.id; rule = l.rule; rule_title = title; household = l.household; person = l.person.map(PrivacyMask.id)
        application = l.application; township = l.township; village = l.village; status = l.status.rawValue
        status_label = l.status.label; overdue = l.isOverdue(on: day); present = l.present; first_seen = l.firstSeen
        last_seen = l.lastSeen; verify_by = l.verifyBy; amount = l.amount
    }
}

/// `GET /api/leads`: one page.
struct LeadPageJSON: Encodable, Sendable {
    var leads: [LeadSummaryJSON]
    var total: Int
    var page: Int
    var pages: Int
    var page_size: Int
    var day: String
}

/// One status change of the lead's history.
struct LeadEventJSON: Encodable, Sendable {
    var at: String, by: String, kind: String
    var from: String?, to: String?, note: String?

    init(_ e: LeadEvent) {
        at = e.at; by = e.by; kind = e.kind
        from = e.from.flatMap { LeadStatus(rawValue: $0)?.label } ?? e.from
        to = e.to.flatMap { LeadStatus(rawValue: $0)?.label } ?? e.to
        note = e.note.map(PrivacyMask.idsInText)
    }
}

/// A decisive value of the evidence.
struct EvidenceJSON: Encodable, Sendable {
    var label: String
    var text: String
    var personal: Bool
}

/// A member of the lead's household.
struct MemberJSON: Encodable, Sendable {
    var name: String, id: String, relation: String
    var coresident: Bool, covered: Bool, concerned: Bool
}

/// The household's contact details.
struct ContactJSON: Encodable, Sendable {
    var phone: String, address: String
}

/// `GET /api/leads/{id}`: the lead with its evidence, masked; `POST …/reveal` answers the
/// personal parts unmasked.
struct LeadDetailJSON: Encodable, Sendable {
    var lead: LeadSummaryJSON
    var action: String?
    var amount_settled: String?
    var outcome_date: String?
    var reason: String?
    var note: String?
    var closed_at: String?
    var purged_at: String?
    var verify: String?
    /// False when the workbench runs without `--region` or the household left the roster.
    var evidence_available: Bool
    var evidence_note: String?
    var evidence: [EvidenceJSON]
    var members: [MemberJSON]
    var contact: ContactJSON?
    var explanation: String?
    var events: [LeadEventJSON]
    /// What the outcome form offers.
    var statuses: [ChoiceJSON]
    var actions: [ChoiceJSON]
    var dismiss_reasons: [String]
}

/// A choice of a form: the value sent and the label shown.
struct ChoiceJSON: Encodable, Sendable {
    var value: String
    var label: String
}

/// `POST /api/leads/{id}/reveal`: the personal data of a lead, unmasked (and logged).
struct RevealJSON: Encodable, Sendable {
    var person: String?
    var evidence: [EvidenceJSON]
    var members: [MemberJSON]
    var contact: ContactJSON?
}

extension LeadDossier {
    /// The decisive values, personal ones masked unless `unmasked`.
    func evidenceJSON(unmasked: Bool) -> [EvidenceJSON] {
        details.map { EvidenceJSON(label: $0.label, text: $0.personal && !unmasked ? PrivacyMask.personal($0.text) : $0.text, personal: $0.personal) }
    }

    /// The members, names and ids masked unless `unmasked`.
    func membersJSON(unmasked: Bool) -> [MemberJSON] {
        members.map { m in
            MemberJSON(name: unmasked ? m.name : PrivacyMask.name(m.name), id: unmasked ? m.id : PrivacyMask.id(m.id), relation: m.relation,
                       coresident: m.coresident, covered: m.covered, concerned: m.concerned)
        }
    }

    /// Phone and address, masked unless `unmasked`.
    func contactJSON(unmasked: Bool) -> ContactJSON {
        unmasked ? ContactJSON(phone: phone, address: address)
            : ContactJSON(phone: phone.isEmpty ? "" : PrivacyMask.personal(phone), address: address.isEmpty ? "" : PrivacyMask.personal(address))
    }
}
