import HechaCore
import HechaRules

extension RegionRun {
    /// Refuses a list in which two region files have the same region code, before anything runs.
    /// Each file is loaded with its ruleset chain (not its data); a file that does not load is
    /// left to fail as a region of its own when it runs.
    public func checkCodes(_ list: RegionList, asOf: Day? = nil, rulesetsDirectory: String? = nil) throws(HostError) {
        var codes: [(file: String, code: String)] = []
        for e in list.entries {
            let dir = RulesetLocation.find(explicit: rulesetsDirectory, regionFile: e.file)
            var loader = RegionLoader(rulesetsDirectory: dir, catalog: registry.factCatalog)
            loader.externalSpecs = ExternalSpecReader.provider
            if let region = try? loader.load(regionPath: e.file, asOf: asOf) { codes.append((e.file, region.code)) }
        }
        let problems = RegionList.sameCodes(codes)
        if !problems.isEmpty { throw HostError(.configuration, problems) }
    }
}
