import HechaCore
import HechaReports

extension HouseholdDirectory {
    /// Town, village, head and member names of households of the roster, for the human-facing
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
        for h in roster.households where only?.contains(h.id) ?? true {
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
