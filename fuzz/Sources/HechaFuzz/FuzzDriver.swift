import BuiltInConnectors
import ConnectorKit
import Dispatch
import Foundation
import HechaHost
import HechaRules
import Synchronization
import TestSupport

/// Feeds mutated copies of the demo region's exports to the real connectors, in process, and
/// checks after each input: no crash, no hang (a bounded time per input), and counts that add up
/// (`read = accepted + rejected + duplicates + unmatched`, one reject row per rejected count); a
/// run that fails must fail with a data error that names a file. Then, for the other half of the
/// time, mutated region files and national rulesets (``ConfigurationFuzz``): the loader, the rule
/// checker and the evaluator must refuse clearly or work, never crash or hang.
///
/// `hecha-fuzz SECONDS [SEED]` — prints the seed, and on a failure the input that caused it
/// (kept under `fuzz/findings/`), then exits with 1. With `HECHA_FUZZ_VERBOSE` set, each clear
/// error's first line is printed too.
@main
struct FuzzDriver {
    static let perInputSeconds = 20.0

    static func main() throws {
        let args = CommandLine.arguments
        let seconds = args.count > 1 ? Double(args[1]) ?? 60 : 60
        let seed = args.count > 2 ? UInt64(args[2]) ?? 0 : UInt64(Date().timeIntervalSince1970 * 1000)
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let work = NSTemporaryDirectory() + "hecha-fuzz-\(getpid())"
        let fm = FileManager.default
        try fm.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: work) }
        try fm.copyItem(atPath: repo + "/rulesets/regions/demo.yaml", toPath: work + "/demo.yaml")
        try fm.copyItem(atPath: repo + "/rulesets/regions/demo", toPath: work + "/demo")
        let host = RegionRun(registry: ConnectorRegistry(BuiltInConnectors.all))
        let region = try host.validate(regionFile: work + "/demo.yaml", rulesetsDirectory: repo + "/rulesets")
        var inputs: [(path: String, original: [UInt8])] = []
        for source in region.sources {
            for name in try fm.contentsOfDirectory(atPath: source.path).sorted() {
                let path = source.path + "/" + name
                inputs.append((path, Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
            }
        }
        say("fuzzing \(inputs.count) files for \(seconds / 2) s, seed \(seed)")
        var mutator = FieldMutator(random: SplitMix64(seed: seed))
        let end = Date().addingTimeInterval(seconds / 2)
        var count = 0, failed = 0, rejected = 0
        while Date() < end {
            let target = inputs[mutator.random.next(below: inputs.count)]
            let mutated = mutator.mutate(target.original, isJSONLines: target.path.hasSuffix(".jsonl"))
            try Data(mutated).write(to: URL(fileURLWithPath: target.path))
            let verdict = check(host: host, region: region)
            count += 1
            switch verdict {
            case .ok(let r): rejected += r
            case .failedClearly: failed += 1
            case .broken(let why):
                let kept = repo + "/fuzz/findings/" + "\(seed)-\(count)-" + (target.path as NSString).lastPathComponent
                try? fm.createDirectory(atPath: repo + "/fuzz/findings", withIntermediateDirectories: true)
                try Data(mutated).write(to: URL(fileURLWithPath: kept))
                say("FAILED on input \(count) (\(target.path.dropFirst(work.count + 1))): \(why)\n  input kept at \(kept)")
                exit(1)
            }
            try Data(target.original).write(to: URL(fileURLWithPath: target.path))
        }
        say("\(count) inputs: \(failed) ended with a clear error, \(rejected) rows rejected, no crash, no hang, counts added up")
        try fuzzConfiguration(seconds: seconds / 2, seed: seed, repo: repo, work: work, host: host, region: region)
    }

    /// The configuration half: the region file and a copy of the national ruleset, mutated.
    static func fuzzConfiguration(seconds: Double, seed: UInt64, repo: String, work: String, host: RegionRun,
                                  region: LoadedRegion) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: work + "/rulesets", withIntermediateDirectories: true)
        try fm.copyItem(atPath: repo + "/rulesets/national.yaml", toPath: work + "/rulesets/national.yaml")
        try fm.copyItem(atPath: repo + "/rulesets/calendars", toPath: work + "/rulesets/calendars")
        let data = try host.read(region)
        let originals = try [work + "/demo.yaml", work + "/rulesets/national.yaml"].map { ($0, try String(contentsOfFile: $0, encoding: .utf8)) }
        var fuzz = ConfigurationFuzz(mutator: TextMutator(random: SplitMix64(seed: seed ^ 0xC0F1)), work: work, host: host, data: data)
        say("fuzzing the region file and the national ruleset for \(seconds) s")
        let end = Date().addingTimeInterval(seconds)
        var count = 0
        while Date() < end {
            count += 1
            if let bad = fuzz.runOnce(originals: originals) {
                let kept = repo + "/fuzz/findings/" + "\(seed)-config-\(count)-" + (bad.file as NSString).lastPathComponent
                try? fm.createDirectory(atPath: repo + "/fuzz/findings", withIntermediateDirectories: true)
                try bad.text.write(toFile: kept, atomically: true, encoding: .utf8)
                say("FAILED on configuration \(count): \(bad.why)\n  input kept at \(kept)")
                exit(1)
            }
        }
        say("\(count) configurations: no crash, no hang, every refusal named its place")
    }

    /// Writes a line at once (not buffered), so progress shows when the output is a file.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    enum Verdict {
        case ok(rejected: Int)
        case failedClearly
        case broken(String)
    }

    /// Reads the region on another thread, waiting at most ``perInputSeconds``.
    static func check(host: RegionRun, region: LoadedRegion) -> Verdict {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.set(Result { () throws(HostError) in try host.read(region) })
            done.signal()
        }
        guard done.wait(timeout: .now() + perInputSeconds) == .success else {
            return .broken("no result after \(perInputSeconds) s (a hang?)")
        }
        switch box.get()! {
        case .failure(let error):
            guard error.code == .data || error.code == .configuration, error.message.contains("demo/data/") else {
                return .broken("an error that names no input file (exit \(error.code)): \(error.message.prefix(300))")
            }
            if ProcessInfo.processInfo.environment["HECHA_FUZZ_VERBOSE"] != nil {
                say("  clear error: \(error.message.split(separator: "\n").first ?? "")")
            }
            return .failedClearly
        case .success(let data):
            var rejected = 0
            for s in data.sources {
                for f in s.files where !f.addsUp {
                    return .broken("counts do not add up for \(f.file): \(f)")
                }
                let counted = s.files.reduce(0) { $0 + $1.rejected }
                guard counted == s.rejects.count else {
                    return .broken("\(s.id): \(counted) rows counted rejected, \(s.rejects.count) reject rows")
                }
                rejected += counted
            }
            return .ok(rejected: rejected)
        }
    }
}

/// The result of one read, handed from the reading thread to the waiting one.
final class ResultBox: Sendable {
    private let value = Mutex<Result<RegionData, HostError>?>(nil)
    func set(_ r: Result<RegionData, HostError>) { value.withLock { $0 = r } }
    func get() -> Result<RegionData, HostError>? { value.withLock { $0 } }
}
