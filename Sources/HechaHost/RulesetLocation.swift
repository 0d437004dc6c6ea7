import Foundation

/// Finds the `rulesets/` folder: an explicit option, else the nearest folder above the region
/// file that holds `national.yaml`, else `./rulesets`.
public enum RulesetLocation {
    /// The rulesets folder for `regionFile`: `explicit` when given, else the nearest one above it, else `rulesets`.
    public static func find(explicit: String?, regionFile: String) -> String {
        if let explicit { return explicit }
        var dir = URL(fileURLWithPath: regionFile).standardizedFileURL.deletingLastPathComponent()
        for _ in 0..<8 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("national.yaml").path) { return dir.path }
            let candidate = dir.appendingPathComponent("rulesets")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("national.yaml").path) { return candidate.path }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return "rulesets"
    }
}
