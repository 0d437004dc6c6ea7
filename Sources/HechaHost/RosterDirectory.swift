import HechaCore
import HechaReports

extension HouseholdDirectory {
    /// Town, village, head and member names of every household of the roster, for the
    /// human-facing outputs.
    public init(roster: Roster) {
        func text(_ v: Value) -> String {
            if case .string(let s) = v { return s }
            return ""
        }
        var all: [String: HouseholdInfo] = [:]
        for h in roster.households {
            var names: [String: String] = [:]
            for m in h.members {
                let id = text(m.record["id"])
                if !id.isEmpty, names[id] == nil { names[id] = text(m.record["name"]) }
            }
            all[h.id] = HouseholdInfo(town: text(h.record["town"]), village: text(h.record["village"]),
                                      headName: text(h.record["head_name"]), memberNames: names)
        }
        self.init(all)
    }
}
