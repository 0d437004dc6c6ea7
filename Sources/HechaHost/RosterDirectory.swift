import HechaCore
import HechaReports

extension HouseholdDirectory {
    /// Town, village, head and member names, phone and address of households of the roster, for the human-facing
    /// outputs.
    ///
    /// The households `only` lists (all when nil): a run needs those with findings, not a city's
    /// whole roster a second time.
    public init(roster: Roster, only: Set<String>? = nil) {
        func text(_ v: Value) -> String {
            if case .string(let s) = v { return s }
            return ""
        }
        var all: [String: HouseholdInfo] = [:]
        // the households asked for are found by id, not by testing each of the roster's
        let positions = only.map { ids in ids.compactMap { roster.index.householdByID[$0] } } ?? Array(0..<roster.householdCount)
        for h in positions.lazy.map(roster.household) {
            var names: [String: String] = [:]
            for m in h.members {
                let id = text(m.record["id"])
                if !id.isEmpty, names[id] == nil { names[id] = text(m.record["name"]) }
            }
            // the head's contact first, then the first member's that has one
            let headID = text(h.record["head_id"])
            let ordered = h.members.filter { text($0.record["id"]) == headID } + h.members
            let phone = ordered.lazy.map { text($0.record["phone"]) }.first { !$0.isEmpty } ?? ""
            let address = ordered.lazy.map { text($0.record["address"]) }.first { !$0.isEmpty } ?? ""
            all[h.id] = HouseholdInfo(town: text(h.record["town"]), village: text(h.record["village"]),
                                      headName: text(h.record["head_name"]), memberNames: names, phone: phone, address: address)
        }
        self.init(all)
    }
}
