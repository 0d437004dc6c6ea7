#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What to generate.
public struct GeneratorOptions: Sendable {
    /// Roster persons (members of 低保/特困 households).
    public var persons: Int
    /// The random seed: the same seed and options give the same bytes.
    public var seed: UInt64
    /// The output folder: `region.yaml`, `expected-findings.jsonl` and `data/<agency>/…`.
    public var output: String
    /// Rows of the vehicle register (default 30 per roster person).
    public var vehicleRows: Int?
    /// Rows of the death register (default 2 per roster person).
    public var deathRows: Int?

    /// The preset these options write (`GeneratorPreset.options(output:)`); `nil` for a benchmark region.
    public var preset: GeneratorPreset?

    /// Options for a benchmark region of `persons` roster persons written to `output`.
    public init(persons: Int, seed: UInt64, output: String, vehicleRows: Int? = nil, deathRows: Int? = nil) {
        self.persons = persons
        self.seed = seed
        self.output = output
        self.vehicleRows = vehicleRows
        self.deathRows = deathRows
    }
}

/// What was generated.
public struct GeneratorReport: Sendable {
    /// `OUT/region.yaml`; for a preset, whose region file is kept by hand, `OUT/PLANTED.md`.
    public var regionFile: String
    /// Roster households written.
    public var households: Int
    /// Roster persons written.
    public var persons: Int
    /// Every file written, with its rows and bytes.
    public var files: [GeneratedFile]
    /// Sorted by rule, household, person, application.
    public var findings: [ExpectedFinding]
    /// Rows written to be rejected, in all files.
    public var badRows: Int { files.reduce(0) { $0 + $1.badRows } }
}

/// Writes a whole synthetic region — the region file, every agency's export in the formats the
/// connectors read, and the findings the data must produce — deterministically from a seed.
///
/// The roster follows realistic proportions (households of 1–6, 城市/农村/特困, 20–40 townships);
/// agency files are mostly about people outside the roster, as real exports are; a small rate of
/// rows is messy (id, date and money forms, quoting, duplicates) or bad (rejected). Background
/// data provably fires no rule; planted cases fire every rule, and `expected-findings.jsonl` lists
/// their findings, computed from the model with exact arithmetic.
public enum RegionGenerator {
    /// Writes the region `options` describe and returns what it wrote; throws when a file cannot be written.
    public static func generate(_ options: GeneratorOptions) throws -> GeneratorReport {
        let builder = RegionBuilder(persons: options.persons, seed: options.seed, profile: options.preset?.profile ?? .benchmark)
        builder.build()
        let findings = builder.expectedFindings()
        builder.checkAgainstPlan(findings)
        let w = Writer(builder: builder, options: options)
        let files = try w.writeAll()
        let expectedPath = options.output + "/expected-findings.jsonl"
        var text: [UInt8] = []
        for f in findings { text.put(FindingLine.json(f)); text.newline() }
        try FileOutput.write(expectedPath, [text])
        let regionPath: String
        if let preset = options.preset {
            regionPath = options.output + "/PLANTED.md"
            try FileOutput.write(regionPath, [Array(PlantedDocument(builder: builder, preset: preset, findings: findings, files: files).text.utf8)])
        } else {
            regionPath = options.output + "/region.yaml"
            try FileOutput.write(regionPath, [Array(w.regionYAML().utf8)])
        }
        return GeneratorReport(regionFile: regionPath, households: builder.households.count, persons: builder.persons.count,
                               files: files, findings: findings)
    }
}

/// One line of `expected-findings.jsonl`: the keys and key order of `findings.jsonl`, without evidence.
public enum FindingLine {
    static func quoted(_ s: String?) -> String { s.map { "\"" + $0 + "\"" } ?? "null" }

    /// One line of `expected-findings.jsonl` for `f` (rule, household, person, application, amount; null when absent).
    public static func json(_ f: ExpectedFinding) -> String {
        "{\"rule\": \(quoted(f.rule)), \"household\": \(quoted(f.household)), \"person\": \(quoted(f.person)), "
            + "\"application\": \(quoted(f.application)), \"amount\": \(quoted(f.amount))}"
    }
}
