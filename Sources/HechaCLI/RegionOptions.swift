import ArgumentParser
import Foundation
import HechaCore
import HechaHost

/// The region file used when none is given: the shipped demo region.
let demoRegion = "rulesets/regions/demo.yaml"

/// The region options of `run`, `validate`, `rules` and `what-if`. Only `run` takes several
/// `--region`s or a folder of region files; the others take one file and say so when given more.
struct RegionOptions: ParsableArguments {
    @Option(name: .long, help: "The region file (default: the shipped demo region, \(demoRegion)). `run` also takes several --region, or a folder of region files.")
    var region: [String] = []

    @Option(name: .customLong("as-of"), help: "Evaluate at this date (YYYY-MM-DD) instead of the region file's as_of.")
    var asOf: String?

    @Option(name: .long, help: "The rulesets folder (default: found above the region file).")
    var rulesets: String?

    /// The one region file of a command that runs one region.
    func regionFile(_ language: MessageLanguage = .chinese) throws -> String {
        if let file = try Self.one(region, language) { return file }
        return try demoRegionFile(language)
    }

    /// The one region file of `--region` given `values` times, or nil when it is not given; several,
    /// or a folder, is an error saying that only `hecha run` takes them.
    static func one(_ values: [String], _ language: MessageLanguage) throws -> String? {
        if values.count > 1 {
            throw ValidationError(in: language, "--region is given \(values.count) times; this command takes one region file (only `hecha run` takes several)")
        }
        guard let file = values.first else { return nil }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError(in: language, "--region \(file) is a folder; this command takes one region file (only `hecha run` takes a folder of them)")
        }
        return file
    }

    /// The region files and folders given, or the demo region when none is.
    func regionArguments(_ language: MessageLanguage = .chinese) throws -> [String] {
        region.isEmpty ? [try demoRegionFile(language)] : region
    }

    private func demoRegionFile(_ language: MessageLanguage) throws -> String {
        guard FileManager.default.fileExists(atPath: demoRegion) else {
            throw ValidationError(in: language, "no --region given and the demo region \(demoRegion) is not here; run from the project folder or pass --region FILE")
        }
        return demoRegion
    }

    /// The `--as-of` date, or nil for the region file's own.
    func day(_ language: MessageLanguage = .chinese) throws -> Day? {
        guard let asOf else { return nil }
        guard let d = Day(iso: asOf) else { throw ValidationError(in: language, "--as-of '\(asOf)' is not a date; write YYYY-MM-DD") }
        return d
    }
}
