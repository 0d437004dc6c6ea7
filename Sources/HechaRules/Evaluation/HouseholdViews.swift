import HechaCore

/// A household as rules see it, built for one evaluation pass.
struct HouseholdView {
    var id: String
    var record: Record
    var value: Value
    var members: [MemberView]
    var applications: [Record]
    /// The members a member rule is applied to: each person once (the first row listing them).
    var memberSubjects: [(id: String, member: MemberView)]
    /// The applications an application rule is applied to: each application id once.
    var applicationSubjects: [(id: String, application: Record)]
}

struct MemberView {
    var record: Record
}

/// Builds household and member records extended with their fact collections.
struct ViewBuilder: Sendable {
    static let memberID = RosterSchema.member.index(of: "id")!
    static let memberCoresident = RosterSchema.member.index(of: "coresident")!
    static let memberCovered = RosterSchema.member.index(of: "covered")!
    static let householdStatus = RosterSchema.household.index(of: "status")!
    static let householdProgram = RosterSchema.household.index(of: "program")!

    let catalog: FactCatalog
    let roster: Roster
    /// Which status is active, which collection holds the applications and which field names each.
    let data: DataVocabulary
    /// The fact tables of household collections and of person collections, with the view field each fills.
    let householdFacts: [(field: Int, table: FactTable, decoding: [Bool]?)]
    let personFacts: [(field: Int, table: FactTable, decoding: [Bool]?)]
    let keys: FactKeys
    let householdBase: Int
    let memberBase: Int
    let membersField: Int
    let membershipsField: Int
    let applicationsTable: FactTable?
    let applicationsField: Int?
    let applicationsMask: [Bool]?
    /// The roster fields decoded for the views, by position (`nil`: all): those the rules read,
    /// and a member's id, which names its findings.
    let householdMask: [Bool]?
    let memberMask: [Bool]?

    /// - Parameters:
    ///   - data: what the ruleset says about the data (``LoadedRegion/data``).
    ///   - reading: the fields the rules read ("payment.month"); facts and roster rows are decoded
    ///     with only these (and an application's or a member's id, which names its findings).
    ///     `nil`: every field.
    init(catalog: FactCatalog, roster: Roster, facts: FactStore, data: DataVocabulary = DataVocabulary(), reading fields: Set<String>? = nil) {
        self.catalog = catalog
        self.roster = roster
        self.data = data
        let applications = data.applications, applicationID = data.applicationID
        var hf: [(Int, FactTable, [Bool]?)] = []
        var pf: [(Int, FactTable, [Bool]?)] = []
        var applicationsMask: [Bool]?
        for (_, f) in catalog.facts {
            let mask = fields.map { read in
                f.record.fields.map { read.contains("\(f.record.name).\($0.name)") || (f.collection == applications && $0.name == applicationID) }
            }
            if f.collection == applications { applicationsMask = mask }
            switch f.key {
            case .household: hf.append((catalog.householdView.index(of: f.collection)!, facts.table(f.collection), mask))
            case .person: pf.append((catalog.memberView.index(of: f.collection)!, facts.table(f.collection), mask))
            }
        }
        self.applicationsMask = applicationsMask
        householdMask = fields.map { read in
            RosterSchema.household.fields.map { read.contains("\(catalog.householdView.name).\($0.name)") }
        }
        memberMask = fields.map { read in
            RosterSchema.member.fields.enumerated().map { i, f in
                i == ViewBuilder.memberID || read.contains("\(catalog.memberView.name).\(f.name)")
            }
        }
        householdFacts = hf
        personFacts = pf
        keys = facts.keys
        householdBase = RosterSchema.household.fields.count
        memberBase = RosterSchema.member.fields.count
        membersField = catalog.householdView.index(of: "members")!
        membershipsField = catalog.memberView.index(of: "memberships")!
        applicationsTable = applications.map { facts.table($0) }
        applicationsField = applications.flatMap { name in
            catalog.facts.contains { $0.1.key == .household && $0.1.collection == name } ? catalog.householdView.index(of: name) : nil
        }
    }

    func household(_ i: Int) -> HouseholdView {
        let householdID = roster.householdID(i)
        var memberViews: [MemberView] = []
        var memberValues: [Value] = []
        for m in roster.members(ofHousehold: i) {
            var fields = roster.memberValues(m, decoding: memberMask, reserving: catalog.memberView.fields.count)
            let personID = roster.personID(ofMember: m)
            fields.append(.list(memberships(personID)))
            while fields.count < catalog.memberView.fields.count { fields.append(.list([])) }
            if let pid = personID, let key = keys.id(pid) {
                for (field, table, decoding) in personFacts {
                    let list = table.records(keyID: key, decoding: decoding)
                    if !list.isEmpty { fields[field] = .list(list.map { .record($0) }) }
                }
            }
            let r = Record(schema: catalog.memberView, fields: fields, source: roster.memberSource(m))
            memberViews.append(MemberView(record: r))
            memberValues.append(.record(r))
        }
        var fields = roster.householdValues(i, decoding: householdMask, reserving: catalog.householdView.fields.count)
        fields.append(.list(memberValues))
        while fields.count < catalog.householdView.fields.count { fields.append(.list([])) }
        var applications: [Record] = []
        if let key = keys.id(householdID) {
            for (field, table, decoding) in householdFacts {
                let list = table.records(keyID: key, decoding: decoding)
                if !list.isEmpty { fields[field] = .list(list.map { .record($0) }) }
                if field == applicationsField { applications = list }
            }
            if applicationsField == nil, let applicationsTable {
                applications = applicationsTable.records(keyID: key, decoding: applicationsMask)
            }
        }
        let record = Record(schema: catalog.householdView, fields: fields, source: roster.householdSource(i))
        // a household lists a handful of members and applications: a scan finds repeats
        var memberSubjects: [(id: String, member: MemberView)] = []
        for member in memberViews {
            guard case .string(let pid) = member.record.fields[ViewBuilder.memberID],
                !memberSubjects.contains(where: { $0.id == pid }) else { continue }
            memberSubjects.append((pid, member))
        }
        var applicationSubjects: [(id: String, application: Record)] = []
        if !applications.isEmpty, let name = data.applicationID, let idField = applications[0].schema.index(of: name) {
            for app in applications {
                guard case .string(let aid) = app.fields[idField], !applicationSubjects.contains(where: { $0.id == aid }) else { continue }
                applicationSubjects.append((aid, app))
            }
        }
        return HouseholdView(id: householdID, record: record, value: .record(record), members: memberViews,
                             applications: applications, memberSubjects: memberSubjects, applicationSubjects: applicationSubjects)
    }

    /// Every membership of a person across the roster (this household included).
    func memberships(_ personID: String?) -> [Value] {
        guard let pid = personID else { return [] }
        let households = roster.index.households(ofPerson: pid)
        var out: [Value] = []
        for j in households {
            for m in roster.members(ofHousehold: j, person: pid) {
                let status = roster.householdValue(j, field: ViewBuilder.householdStatus)
                let active: Value = data.activeStatus.map { .bool(status == .string($0)) } ?? .unknown
                let fields: [Value] = [
                    .string(roster.householdID(j)), roster.householdValue(j, field: ViewBuilder.householdProgram), status, active,
                    roster.memberValue(m, field: ViewBuilder.memberCoresident), roster.memberValue(m, field: ViewBuilder.memberCovered),
                ]
                out.append(.record(Record(schema: RosterSchema.membership, fields: fields, source: roster.memberSource(m))))
            }
        }
        return out
    }
}
