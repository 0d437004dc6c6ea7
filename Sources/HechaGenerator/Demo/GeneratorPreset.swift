/// A ready-made region `hecha generate --preset NAME` writes: a fixed place, size and seed.
public enum GeneratorPreset: String, CaseIterable, Sendable {
    /// The demo county shipped in `rulesets/regions/demo` (read by `rulesets/regions/demo.yaml`):
    /// 远安县 with seven townships, every rule firing and near misses that must not, the messy forms
    /// and one bad row of each kind, `PLANTED.md` and `expected-findings.jsonl`. Regenerate it with
    /// `swift run hecha generate --preset demo --out rulesets/regions/demo`.
    case demo

    /// The options that write the preset into `output`.
    public func options(output: String) -> GeneratorOptions {
        switch self {
        case .demo:
            var o = GeneratorOptions(persons: 720, seed: 420_525_2024, output: output, vehicleRows: 220, deathRows: 120)
            o.preset = self
            return o
        }
    }

    var profile: RegionProfile {
        switch self {
        case .demo:
            let towns = [("鸣凤镇", false, 100), ("花林寺镇", false, 101), ("旧县镇", true, 102), ("洋坪镇", true, 103),
                         ("茅坪场镇", true, 104), ("嫘祖镇", true, 105), ("河口乡", true, 200)]
            return RegionProfile(
                city: "宜昌市", districts: [(420525, "远安县")],
                towns: towns.map { RegionProfile.Town(name: $0.0, district: 0, rural: $0.1, code: $0.2) },
                // rulesets/regions/demo.yaml's parameters
                standards: RegionProfile.Standards(urbanBefore: 80_000, urbanFromJuly: 85_000, rural: 60_000, extreme: 104_000),
                householdSequenceDigits: 4, messiness: 5, badRate: 0, outsiderRows: 0.3, showcase: true)
        }
    }
}
