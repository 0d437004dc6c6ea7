import ConnectorKit
import Dispatch
import Foundation
import HechaCore
import HechaReports
import HechaRules

/// What `hecha run` is asked to do.
public struct RunRequest: Sendable {
    public var regionFile: String
    public var outputDirectory: String
    public var asOf: Day?
    public var rulesetsDirectory: String?

    public init(regionFile: String, outputDirectory: String, asOf: Day? = nil, rulesetsDirectory: String? = nil) {
        self.regionFile = regionFile
        self.outputDirectory = outputDirectory
        self.asOf = asOf
        self.rulesetsDirectory = rulesetsDirectory
    }
}

/// The outcome of one source's reading.
public struct SourceOutcome: Sendable {
    public var id: String
    public var title: String
    /// The roster source has two: its roster files, then its fact files.
    public var reports: [SourceReport]

    public var files: [FileCounts] { reports.flatMap(\.files) }
    public var rejects: [RejectedRow] { reports.flatMap(\.rejects) }
    public var total: FileCounts {
        var t = FileCounts(file: id)
        for f in files {
            t.read += f.read; t.accepted += f.accepted; t.rejected += f.rejected
            t.duplicates += f.duplicates; t.unmatched += f.unmatched
        }
        return t
    }
}

/// How long one stage of a run took (wall-clock seconds). Sources are read concurrently, so
/// their times overlap; `sources (all)` is the wall time of reading them all.
public struct StageTiming: Sendable {
    public var stage: String
    public var seconds: Double
}

/// Everything a run produced.
public struct RunOutcome: Sendable {
    public var region: LoadedRegion
    public var sources: [SourceOutcome]
    public var evaluation: EvaluationResult
    public var findingsFile: String
    /// Configuration, roster, each source, all sources, evaluation, writing.
    public var timings: [StageTiming] = []
}

/// A monotonic clock for stage timings.
enum StageClock {
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}

/// A whole run for one region: load and check the configuration, read the roster and then every
/// other source against its person index, evaluate, write the outputs.
public struct RegionRun: Sendable {
    public let registry: ConnectorRegistry

    public init(registry: ConnectorRegistry) { self.registry = registry }

    /// Loads and checks a region file and its ruleset chain, and its `sources:` against the known
    /// connectors, without reading data.
    public func validate(regionFile: String, asOf: Day? = nil, rulesetsDirectory: String? = nil) throws(HostError) -> LoadedRegion {
        let dir = RulesetLocation.find(explicit: rulesetsDirectory, regionFile: regionFile)
        let loader = RegionLoader(rulesetsDirectory: dir, catalog: registry.factCatalog)
        let region: LoadedRegion
        do {
            region = try loader.load(regionPath: regionFile, asOf: asOf)
        } catch {
            throw HostError(.configuration, error.description)
        }
        var problems: [Diagnostic] = []
        var rosterSources = 0
        for s in region.sources {
            guard let c = registry.connector(id: s.id) else {
                problems.append(.error("unknown source '\(s.id)'\(NameSuggestion.didYouMean(s.id, in: registry.ids))", at: s.declaredAt,
                                       hint: "the known connectors are: \(registry.ids.joined(separator: ", "))"))
                continue
            }
            if c is any RosterConnector.Type { rosterSources += 1 }
            var isDir: ObjCBool = false
            if !FileManager.default.fileExists(atPath: s.path, isDirectory: &isDir) || !isDir.boolValue {
                problems.append(.error("the folder of source '\(s.id)' does not exist: \(s.displayPath)", at: s.declaredAt,
                                       hint: "path: is relative to the region file's folder"))
            }
        }
        if rosterSources != 1 {
            let rosterIDs = registry.connectors.filter { $0 is any RosterConnector.Type }.map { $0.id }
            problems.append(.error(rosterSources == 0
                                   ? "no roster source: configure \(rosterIDs.joined(separator: " or ")) under sources:"
                                   : "more than one roster source is configured",
                                   at: SourceLocation(file: region.file, line: 1)))
        }
        if !problems.isEmpty { throw HostError(.configuration, DiagnosticList(problems).description) }
        return region
    }

    /// Runs the region and writes `findings.jsonl` into the output folder.
    public func run(_ request: RunRequest, log: @Sendable (String) -> Void = { _ in }) throws(HostError) -> RunOutcome {
        var timings: [StageTiming] = []
        var mark = StageClock.now()
        func stage(_ name: String) {
            let t = StageClock.now()
            timings.append(StageTiming(stage: name, seconds: t - mark))
            mark = t
        }
        let region = try validate(regionFile: request.regionFile, asOf: request.asOf, rulesetsDirectory: request.rulesetsDirectory)
        stage("configuration")
        // 1. the roster
        guard let rosterEntry = region.sources.first(where: { registry.connector(id: $0.id) is any RosterConnector.Type }),
            let rosterType = registry.connector(id: rosterEntry.id) as? any RosterConnector.Type
        else { throw HostError(.configuration, "no roster source") }
        let rosterConnector = rosterType.init()
        let rosterReport = SourceReport(sourceID: rosterEntry.id)
        let roster: Roster
        do {
            roster = try rosterConnector.readRoster(RosterRequest(source: config(rosterEntry), report: rosterReport))
        } catch {
            throw HostError(.data, error.description)
        }
        log("\(rosterEntry.id): roster of \(roster.households.count) households, \(roster.index.personCount) persons")
        stage("roster (\(rosterEntry.id))")
        // 2. every source (the roster connector too, for its household facts), in parallel
        let facts = FactStore()
        let entries = region.sources
        let reports = entries.map { SourceReport(sourceID: $0.id) }
        let errors = Mutex<[(Int, Diagnostic)]>([])
        let sourceTimes = Mutex<[Int: Double]>([:])
        let index = roster.index
        DispatchQueue.concurrentPerform(iterations: entries.count) { i in
            let entry = entries[i]
            guard let type = registry.connector(id: entry.id) else { return }
            let started = StageClock.now()
            do throws(Diagnostic) {
                try type.init().read(ReadRequest(source: config(entry), index: index, facts: facts, report: reports[i]))
            } catch {
                errors.withLock { $0.append((i, error)) }
            }
            let took = StageClock.now() - started
            sourceTimes.withLock { $0[i] = took }
        }
        let perSource = sourceTimes.withLock { $0 }
        for (i, entry) in entries.enumerated() {
            timings.append(StageTiming(stage: "  source \(entry.id)", seconds: perSource[i] ?? 0))
        }
        stage("sources (all, concurrently)")
        let failed = errors.withLock { $0 }.sorted { $0.0 < $1.0 }.map(\.1)
        if !failed.isEmpty { throw HostError(.data, DiagnosticList(failed).description) }
        var outcomes: [SourceOutcome] = []
        for (i, entry) in entries.enumerated() {
            let title = registry.connector(id: entry.id)?.title ?? entry.id
            let own = entry.id == rosterEntry.id ? [rosterReport, reports[i]] : [reports[i]]
            outcomes.append(SourceOutcome(id: entry.id, title: title, reports: own))
        }
        // 3. evaluate
        let evaluation = Evaluator(region: region).evaluate(roster: roster, facts: facts, configuredSources: Set(entries.map(\.id)))
        stage("evaluation")
        // 4. write
        let findingsFile = URL(fileURLWithPath: request.outputDirectory).appendingPathComponent("findings.jsonl").path
        do {
            try AtomicFile.write(FindingWriter.text(evaluation.findings), to: findingsFile, ownerOnly: true)
        } catch {
            throw HostError(.output, "cannot write \(findingsFile): \(error.localizedDescription); check that the output folder is writable")
        }
        stage("writing findings")
        return RunOutcome(region: region, sources: outcomes, evaluation: evaluation, findingsFile: findingsFile, timings: timings)
    }

    func config(_ e: SourceEntry) -> SourceConfig {
        SourceConfig(id: e.id, path: e.path, displayPath: e.displayPath, encoding: e.encoding, options: e.options, declaredAt: e.declaredAt)
    }
}

import Synchronization
