import ConnectorKit
import Dispatch
import Foundation
import HechaCore
import HechaLedger
import HechaReports
import HechaRules
import HechaWarehouse

/// What `hecha run` is asked to do.
public struct RunRequest: Sendable {
    /// The region file to run.
    public var regionFile: String
    /// The output folder, replaced whole only when the run succeeds.
    public var outputDirectory: String
    /// The reference date; nil for the region file's `as_of`.
    public var asOf: Day?
    /// The `rulesets/` folder; nil to find it from the region file (``RulesetLocation``).
    public var rulesetsDirectory: String?
    /// The language of report.html.
    public var language: ReportLanguage
    /// The lead ledger file to follow the leads in, or nil for a run without one.
    public var ledgerFile: String?
    /// Leave the run's roster and facts in memory when it ends, for a process that exits after
    /// its runs (the command line): freeing a city's data object by object takes about a second.
    /// The next run of the process that keeps its data frees them before it reads anything.
    public var keepsDataUntilExit = false
    /// How many threads the run uses at most: sources read at once, households evaluated at once,
    /// and the pieces of one large file (``ReadRequest/threads``) on the threads left over when
    /// every source has one; with more than one, the inputs are also hashed for the manifest
    /// beside the roster. Nil: one a core.
    public var threads: Int?

    /// A request to run `regionFile` into `outputDirectory`.
    public init(regionFile: String, outputDirectory: String, asOf: Day? = nil, rulesetsDirectory: String? = nil,
                language: ReportLanguage = .chinese, ledgerFile: String? = nil) {
        self.ledgerFile = ledgerFile
        self.regionFile = regionFile
        self.outputDirectory = outputDirectory
        self.asOf = asOf
        self.rulesetsDirectory = rulesetsDirectory
        self.language = language
    }
}

/// The outcome of one source's reading.
public struct SourceOutcome: Sendable {
    /// The source's key under `sources:`.
    public var id: String
    /// The source's title (its connector's, or its program's spec).
    public var title: String
    /// The roster source has two: its roster files, then its fact files.
    public var reports: [SourceReport]

    /// Every file's counts, in reading order.
    public var files: [FileCounts] { reports.flatMap(\.files) }
    /// Every rejected row, with its file, line and reason.
    public var rejects: [RejectedRow] { reports.flatMap(\.rejects) }
    /// What reading it from a warehouse table did, for a source kept there.
    public var warehouse: WarehouseFigures? = nil
    /// The source's counts over all its files.
    public var total: FileCounts { FileCounts.sum(files, as: id) }
}

/// A region's data once read: the roster, the facts kept from every source, and the counts.
public struct RegionData: Sendable {
    /// The roster: households, members and the person index.
    public var roster: Roster
    /// The facts kept for people and households on the roster, by collection.
    public var facts: FactStore
    /// Each source's counts and rejects.
    public var sources: [SourceOutcome]
    /// Roster, each source, all sources.
    public var timings: [StageTiming]
}

/// How long one stage of a run took (wall-clock seconds). Sources are read concurrently, so
/// their times overlap; `sources (all, concurrently)` is the wall time of reading them all.
public struct StageTiming: Sendable {
    /// The stage's name (`roster`, a source id, `evaluation`, `writing`, …).
    public var stage: String
    /// Its wall-clock time in seconds.
    public var seconds: Double
    /// The process's resident memory when the stage ended, in bytes (nil where not known; for
    /// one source among several read concurrently it is not attributed).
    public var residentBytes: Int?
    /// The bytes the roster's rows (after the roster) or the facts (after the sources) hold.
    public var heldBytes: Int?

    /// A timing of `stage`.
    public init(stage: String, seconds: Double, residentBytes: Int? = nil, heldBytes: Int? = nil) {
        self.stage = stage
        self.seconds = seconds
        self.residentBytes = residentBytes
        self.heldBytes = heldBytes
    }
}

/// The process's resident memory (Linux: `/proc/self/statm`), or nil where not available.
public enum ResidentMemory {
    /// The resident set size in bytes now, or nil.
    public static func current() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// A monotonic clock for stage timings.
enum StageClock {
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}

/// Everything a run produced.
public struct RunOutcome: Sendable {
    /// The region as loaded and checked.
    public var region: LoadedRegion
    /// Each source's counts and rejects.
    public var sources: [SourceOutcome]
    /// The rules' findings and any rule that failed.
    public var evaluation: EvaluationResult
    /// Town, village and names of the roster's households, for human-facing outputs.
    public var households: HouseholdDirectory
    /// The output folder (see ``RunOutputs`` for its files).
    public var outputDirectory: String
    /// The path of `findings.jsonl` in the output folder.
    public var findingsFile: String
    /// Configuration, roster, each source, all sources, evaluation, writing.
    public var timings: [StageTiming] = []
    /// True when some rule failed: the outputs went to ``RegionRun/incompleteFolder(of:)`` and the
    /// requested output folder was left exactly as it was.
    public var previousOutputKept = false
    /// What the run changed in the lead ledger, when it used one.
    public var ledger: LedgerRunFigures?
}

/// A whole run for one region: load and check the configuration, read the roster and then every
/// other source against its person index, evaluate, write the outputs.
public struct RegionRun: Sendable {
    /// The connectors that region files may name under `sources:`.
    public let registry: ConnectorRegistry

    /// A runner with the connectors of `registry`.
    public init(registry: ConnectorRegistry) { self.registry = registry }

    /// Loads and checks a region file and its ruleset chain, and its `sources:` against the known
    /// connectors, without reading data.
    public func validate(regionFile: String, asOf: Day? = nil, rulesetsDirectory: String? = nil) throws(HostError) -> LoadedRegion {
        let dir = RulesetLocation.find(explicit: rulesetsDirectory, regionFile: regionFile)
        var loader = RegionLoader(rulesetsDirectory: dir, catalog: registry.factCatalog)
        loader.externalSpecs = ExternalSpecReader.provider
        let region: LoadedRegion
        do {
            region = try loader.load(regionPath: regionFile, asOf: asOf)
        } catch {
            throw HostError(.configuration, error)
        }
        var problems: [Diagnostic] = []
        var rosterSources = 0
        for s in region.sources {
            if s.command != nil {
                problems += ExternalSpecReader.folderProblems(s)
                continue
            }
            guard let c = registry.connector(id: s.id) else {
                problems.append(.error("unknown source '\(s.id)'\(NameSuggestion.didYouMean(s.id, in: registry.ids))", at: s.declaredAt,
                                       hint: "the known connectors are: \(registry.ids.joined(separator: ", "))"))
                continue
            }
            if c is any RosterConnector.Type { rosterSources += 1 }
            if s.warehouse != nil {
                if let problem = WarehouseSourceReader.unsupported(c) {
                    problems.append(.error("source '\(s.id)' cannot be a warehouse table: \(problem)", at: s.declaredAt,
                                           hint: "give it a folder of export files (path:) instead"))
                }
                continue
            }
            var isDir: ObjCBool = false
            if !FileManager.default.fileExists(atPath: s.path, isDirectory: &isDir) || !isDir.boolValue {
                problems.append(.error("the folder of source '\(s.id)' does not exist: \(s.displayPath)", at: s.declaredAt,
                                       hint: "path: is relative to the region file's folder"))
            } else {
                problems += ExportFileCheck.missing(c.exportFiles, in: s)
            }
        }
        problems += ConfigurationChecks.encodings(region) + ConfigurationChecks.datedParameters(region)
        if rosterSources != 1 {
            let rosterIDs = registry.connectors.filter { $0 is any RosterConnector.Type }.map { $0.id }
            problems.append(.error(rosterSources == 0
                                   ? "no roster source: configure \(rosterIDs.joined(separator: " or ")) under sources:"
                                   : "more than one roster source is configured",
                                   at: SourceLocation(file: region.file, line: 1)))
        }
        if !problems.isEmpty { throw HostError(.configuration, problems) }
        return region
    }

    /// Runs the region and writes its output folder (``RunOutputs``) atomically.
    public func run(_ request: RunRequest, progress: @Sendable (RunProgress) -> Void = { _ in }) throws(HostError) -> RunOutcome {
        let started = Date()
        var mark = StageClock.now()
        var timings: [StageTiming] = []
        func stage(_ name: String) {
            let t = StageClock.now()
            timings.append(StageTiming(stage: name, seconds: t - mark, residentBytes: ResidentMemory.current()))
            mark = t
        }
        // the data an earlier run of this process left goes before any is read
        if request.keepsDataUntilExit { ParkedRunData.release() }
        let region = try validate(regionFile: request.regionFile, asOf: request.asOf, rulesetsDirectory: request.rulesetsDirectory)
        let ledger = try LedgerRunStep.open(request.ledgerFile, region: region)
        stage("configuration")
        // the output folder is claimed before any data is read: a folder holding a user's files,
        // or one another run is writing, is refused now rather than after the whole run
        let reservation: OutputFolderReservation
        do throws(OutputFolderError) {
            reservation = try OutputFolderReservation(request.outputDirectory)
        } catch {
            throw HostError(.output, Diagnostic.error(error.description))
        }
        defer { reservation.release() }
        // the inputs are hashed for the manifest on the core the roster leaves idle (on one
        // thread, when the manifest is written)
        let digests = InputDigests()
        if request.threads.map({ $0 > 1 }) ?? true {
            digests.prefetch(folders: region.sources.filter { $0.warehouse == nil }.map(\.path))
        }
        defer { digests.finish() }
        let data = try read(region, started: started, threads: request.threads, progress: progress)
        timings += data.timings
        mark = StageClock.now()
        let (roster, facts, outcomes, entries) = (data.roster, data.facts, data.sources, region.sources)
        // 3. evaluate
        let evaluating = Date()
        let evaluation = Evaluator(region: region).evaluate(roster: roster, facts: facts, configuredSources: Set(entries.map(\.id)),
                                                            threads: request.threads)
        progress(.evaluated(findings: evaluation.findings.count, rules: evaluation.ran.count, households: roster.households.count,
                            seconds: Date().timeIntervalSince(evaluating)))
        stage("evaluation")
        // 4. write the output folder; findings that are incomplete never replace the last good run
        let households = HouseholdDirectory(roster: roster, only: Set(evaluation.findings.map(\.household)))
        var input = try ReportInputBuilder.build(region: region, sources: outcomes, entries: entries, evaluation: evaluation,
                                                 households: households, language: request.language, digests: digests)
        input.failedRules = FailedRule.grouped(evaluation.failures)
        let written = input.failedRules.isEmpty ? request.outputDirectory : RegionRun.incompleteFolder(of: request.outputDirectory)
        var files: [OutputFile] = []
        func publish(_ input: ReportInput) throws(HostError) {
            files = RunOutputs.files(input, started: RunClock.iso(started), now: { RunClock.iso(Date()) })
            do throws(OutputFolderError) {
                if input.failedRules.isEmpty {
                    try OutputFolder.replace(reservation, with: files)
                } else {
                    try OutputFolder.replace(written, with: files)
                }
            } catch {
                throw HostError(.output, Diagnostic.error(error.description))
            }
        }
        // a ledger changes only with a good run, and only once its output folder is in place
        var figures: LedgerRunFigures?
        if let ledger, input.failedRules.isEmpty {
            figures = try ledger.apply(host: self, region: region, data: data, evaluation: evaluation, households: households,
                                       at: RunClock.iso(started)) {
                (f: LedgerRunFigures) throws(HostError) in
                input.ledger = f
                try publish(input)
            }
        } else {
            try publish(input)
        }
        progress(.written(folder: written, files: files.count))
        stage("writing the output folder")
        if let hashing = digests.secondsTaken {
            timings.append(StageTiming(stage: "  input hashes (beside the roster)", seconds: hashing))
        }
        if request.keepsDataUntilExit { ParkedRunData.park(data) }
        let findingsFile = URL(fileURLWithPath: written).appendingPathComponent("findings.jsonl").path
        return RunOutcome(region: region, sources: outcomes, evaluation: evaluation, households: households,
                          outputDirectory: written, findingsFile: findingsFile, timings: timings,
                          previousOutputKept: !input.failedRules.isEmpty, ledger: figures)
    }

    /// Where a run whose findings are incomplete writes them: beside the output folder, never over it.
    public static func incompleteFolder(of folder: String) -> String {
        let trimmed = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        return trimmed + ".incomplete"
    }

    /// Reads the roster, then every source against its person index, on `threads` threads (nil:
    /// one a core) at once.
    public func read(_ region: LoadedRegion, started: Date = Date(), threads: Int? = nil,
                     progress: @Sendable (RunProgress) -> Void = { _ in }) throws(HostError) -> RegionData {
        var timings: [StageTiming] = []
        var mark = StageClock.now()
        // 1. the roster
        guard let rosterEntry = region.sources.first(where: { registry.connector(id: $0.id) is any RosterConnector.Type }),
            let rosterType = registry.connector(id: rosterEntry.id) as? any RosterConnector.Type
        else { throw HostError(.configuration, .error("no roster source")) }
        let rosterConnector = rosterType.init()
        let rosterReport = SourceReport(sourceID: rosterEntry.id)
        let roster: Roster
        do {
            roster = try rosterConnector.readRoster(RosterRequest(source: config(rosterEntry), report: rosterReport))
        } catch {
            throw HostError(.data, error)
        }
        progress(.rosterRead(source: rosterEntry.id, households: roster.households.count, persons: roster.index.personCount,
                             seconds: Date().timeIntervalSince(started)))
        timings.append(StageTiming(stage: "roster (\(rosterEntry.id))", seconds: StageClock.now() - mark, residentBytes: ResidentMemory.current(),
                                   heldBytes: roster.heldBytes))
        mark = StageClock.now()
        // 2. every source (the roster connector too, for its household facts), in parallel
        let facts = FactStore()
        let entries = region.sources
        let reports = entries.map { SourceReport(sourceID: $0.id) }
        let errors = Mutex<[(Int, Diagnostic)]>([])
        let index = roster.index
        let done = Atomic<Int>(0)
        let sourceTimes = Mutex<[Int: Double]>([:])
        let warehouseFigures = Mutex<[Int: WarehouseFigures]>([:])
        // the roster's valid ids, sent to a warehouse that holds a source's table
        let personIDs = entries.contains { $0.warehouse != nil } ? RegionRun.validPersonIDs(roster) : []
        // largest sources first, so that the last one to finish is a small one
        let sizes = entries.map { RegionRun.folderSize($0.path) }
        let order = entries.indices.sorted { sizes[$0] > sizes[$1] }
        // at most `threads` sources at once; a large export is read in pieces only on the threads
        // left over when every source has one (on two cores nine sources keep both busy, and
        // splitting their files would only add work and memory)
        let threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let fileThreads = max(1, threads - entries.count + 1)
        let nextSource = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(threads, entries.count)) { _ in
            while true {
                let n = nextSource.add(1, ordering: .relaxed).oldValue
                if n >= entries.count { return }
                let i = order[n]
                let entry = entries[i]
                let type = registry.connector(id: entry.id), program = entry.warehouse == nil ? ConnectorProgram(entry) : nil
                guard type != nil || program != nil else { continue }
                let began = Date()
                let startedAt = StageClock.now()
                defer { sourceTimes.withLock { $0[i] = StageClock.now() - startedAt } }
                do throws(Diagnostic) {
                    if entry.warehouse != nil, let type {
                        let figures = try WarehouseSourceReader(entry: entry, connector: type)
                            .read(personIDs: personIDs, index: index, facts: facts, report: reports[i])
                        warehouseFigures.withLock { $0[i] = figures }
                    } else if let program {
                        try ExternalSourceReader(entry: entry, program: program).read(index: index, facts: facts, report: reports[i])
                    } else if let type {
                        try type.init().read(ReadRequest(source: config(entry), index: index, facts: facts, report: reports[i], threads: fileThreads))
                    }
                    let files = (entry.id == rosterEntry.id ? rosterReport.files : []) + reports[i].files
                    for f in files { progress(.fileRead(source: entry.id, file: f.file, rows: f.read, rejected: f.rejected)) }
                    let bytes = entry.warehouse != nil ? 0 : files.reduce(0) { $0 + RegionRun.size(of: entry, file: $1.file) }
                    progress(.sourceRead(source: entry.id, rows: files.reduce(0) { $0 + $1.read }, bytes: bytes, seconds: Date().timeIntervalSince(began),
                                         done: done.add(1, ordering: .relaxed).newValue, of: entries.count))
                } catch {
                    errors.withLock { $0.append((i, error)) }
                }
            }
        }
        let perSource = sourceTimes.withLock { $0 }
        for (i, entry) in entries.enumerated() {
            timings.append(StageTiming(stage: "  source \(entry.id)", seconds: perSource[i] ?? 0))
        }
        timings.append(StageTiming(stage: "sources (all, concurrently)", seconds: StageClock.now() - mark, residentBytes: ResidentMemory.current(),
                                   heldBytes: facts.heldBytes))
        let failed = errors.withLock { $0 }.sorted { $0.0 < $1.0 }.map(\.1)
        if !failed.isEmpty { throw HostError(.data, failed) }
        var outcomes: [SourceOutcome] = []
        for (i, entry) in entries.enumerated() {
            let title = registry.connector(id: entry.id)?.title ?? entry.title ?? entry.id
            let own = entry.id == rosterEntry.id ? [rosterReport, reports[i]] : [reports[i]]
            outcomes.append(SourceOutcome(id: entry.id, title: title, reports: own, warehouse: warehouseFigures.withLock { $0[i] }))
        }
        return RegionData(roster: roster, facts: facts, sources: outcomes, timings: timings)
    }

    /// The roster's members' valid id numbers, each once (the keys a warehouse join matches on).
    static func validPersonIDs(_ roster: Roster) -> [String] {
        var seen = Set<String>()
        for m in 0..<roster.memberCount {
            if let id = roster.personID(ofMember: m), IDNumber(id).isValid { seen.insert(id) }
        }
        return seen.sorted()
    }

    func config(_ e: SourceEntry) -> SourceConfig {
        SourceConfig(id: e.id, path: e.path, displayPath: e.displayPath, encoding: e.encoding, options: e.options, declaredAt: e.declaredAt)
    }
}

import Synchronization
