import Dispatch
import Foundation
import HechaCore
import HechaHost
import HechaRules
import TestSupport

/// Feeds mutated copies of the region file and the national ruleset (YAML structure, keys, values
/// and the rule expressions in them) to the real loader and checker, and each configuration that
/// loads to the evaluator over the demo's data: no crash, no hang, and every refusal is a
/// configuration error that names a YAML file's place.
struct ConfigurationFuzz {
    var mutator: TextMutator
    let work: String
    let host: RegionRun
    let data: RegionData

    /// One mutated configuration: the verdict, or nil when it was fine.
    mutating func runOnce(originals: [(path: String, text: String)]) -> (file: String, text: String, why: String)? {
        let target = originals[mutator.next(below: originals.count)]
        let mutated = mutator.mutate(target.text)
        try? mutated.write(toFile: target.path, atomically: true, encoding: .utf8)
        defer { try? target.text.write(toFile: target.path, atomically: true, encoding: .utf8) }
        let host = self.host, data = self.data, work = self.work
        let box = ConfigurationResult()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.set(ConfigurationFuzz.check(host: host, data: data, work: work))
            done.signal()
        }
        guard done.wait(timeout: .now() + FuzzDriver.perInputSeconds) == .success else {
            return (target.path, mutated, "no result after \(FuzzDriver.perInputSeconds) s (a hang?)")
        }
        return box.get().map { (target.path, mutated, $0) }
    }

    /// Nil when the configuration loaded and evaluated, or was refused clearly; otherwise why not.
    static func check(host: RegionRun, data: RegionData, work: String) -> String? {
        let region: LoadedRegion
        do {
            region = try host.validate(regionFile: work + "/demo.yaml", rulesetsDirectory: work + "/rulesets")
        } catch {
            guard error.code == .configuration, error.message.contains(".yaml") else {
                return "a refusal that is not a configuration error naming a YAML file (exit \(error.code)): \(error.message.prefix(300))"
            }
            return nil
        }
        let result = Evaluator(region: region).evaluate(roster: data.roster, facts: data.facts, configuredSources: Set(region.sources.map(\.id)))
        for f in result.failures where f.error.location == nil && !f.error.message.contains(".yaml") {
            return "an evaluation failure with no place: \(f)"
        }
        return nil
    }
}

/// The outcome of one check, handed from the checking thread to the waiting one.
final class ConfigurationResult: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    func set(_ v: String?) { lock.lock(); value = v; lock.unlock() }
    func get() -> String? { lock.lock(); defer { lock.unlock() }; return value }
}

/// Mutations of YAML text that keep it UTF-8 and mostly well-formed, so that they reach the
/// rule language and the values, not only the YAML parser: lines deleted or repeated, a
/// character changed, expressions nested deeply, huge numbers multiplied, anchors and aliases.
struct TextMutator {
    var random: SplitMix64

    mutating func next(below n: Int) -> Int { random.next(below: n) }

    static let characters: [Character] = [" ", ":", "-", "[", "]", "{", "}", "(", ")", "\"", "'", "*", "&", "#", "0", "9", "特", "\t", ",", "."]

    mutating func mutate(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return text }
        let i = next(below: lines.count)
        switch next(below: 9) {
        case 0: lines.remove(at: i)
        case 1: lines.insert(lines[i], at: i)
        case 2:
            var chars = Array(lines[i])
            if !chars.isEmpty { chars[next(below: chars.count)] = Self.characters[next(below: Self.characters.count)] }
            lines[i] = String(chars)
        case 3:  // an expression nested deeply
            let depth = 1 + next(below: 400)
            if let colon = lines[i].firstIndex(of: ":") {
                let head = lines[i][...colon], tail = lines[i][lines[i].index(after: colon)...]
                lines[i] = head + " " + String(repeating: "(", count: depth) + tail + String(repeating: ")", count: depth)
            }
        case 4: lines[i] += " * 1000000000000000000 * 1000000000000000000"
        case 5: lines[i] = lines[i].replacingOccurrences(of: "0", with: "99999999999999999999")
        case 6:
            let nots = String(repeating: "not ", count: 1 + next(below: 300))
            lines[i] = lines[i].replacingOccurrences(of: "when: ", with: "when: " + nots)
        case 7:  // an anchor and aliases of it
            lines.insert("x\(i): &a\(i) [1, 2, 3]", at: i)
            lines.insert("y\(i): [*a\(i), *a\(i), *a\(i)]", at: min(i + 1, lines.count))
        default: lines[i] = lines[i].replacingOccurrences(of: " / ", with: " / 0 / ")
        }
        return lines.joined(separator: "\n")
    }
}
