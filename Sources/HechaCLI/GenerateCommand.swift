import ArgumentParser
import Foundation
import HechaCore
import HechaGenerator
import HechaHost

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic region of any size: the region file, every agency's export and the findings it must produce.",
        discussion: """
            The same seed gives the same bytes. OUT/region.yaml says `extends: national`: run it from inside the project, \
            or pass `--rulesets` to `hecha run`. OUT/expected-findings.jsonl lists the findings (rule, household, person, \
            application, amount) that `hecha run` must produce on it. `--preset demo` writes the demo region instead \
            (rulesets/regions/demo: its data, PLANTED.md and expected-findings.jsonl; the region file is \
            rulesets/regions/demo.yaml): `hecha generate --preset demo --out rulesets/regions/demo`.
            """
    )

    @Option(name: .long, help: "A ready-made region (demo); its size and seed are fixed.")
    var preset: GeneratorPreset?

    @Option(name: .long, help: "Persons on the roster.")
    var persons: Int = 10_000

    @Option(name: .long, help: "The random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "The output folder (created when missing).")
    var out: String

    @Option(name: .customLong("vehicle-rows"), help: "Rows of the vehicle register (default: 30 per roster person).")
    var vehicleRows: Int?

    @Option(name: .customLong("death-rows"), help: "Rows of the death register (default: 2 per roster person).")
    var deathRows: Int?

    func validate() throws {
        guard preset != nil || persons >= 500 else { throw ValidationError("--persons must be at least 500 (room for the planted cases)") }
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let start = Date()
        let report: GeneratorReport
        do {
            let options = preset?.options(output: out)
                ?? GeneratorOptions(persons: persons, seed: seed, output: out, vehicleRows: vehicleRows, deathRows: deathRows)
            report = try RegionGenerator.generate(options)
        } catch {
            throw fail(HostError(.output, .error("\(error)")), in: .english)
        }
        let rows = report.files.reduce(0) { $0 + $1.rows }
        let bytes = report.files.reduce(0) { $0 + $1.bytes }
        print("\(report.regionFile): \(report.households) households, \(report.persons) persons; "
              + "\(report.files.count) files, \(rows) rows, \(bytes / 1_000_000) MB, \(report.badRows) rows to reject; "
              + "\(report.findings.count) expected findings; \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }
}

extension GeneratorPreset: ExpressibleByArgument {}
