import HechaCore

/// The summary printed at the end of a several-region run: one line per region (ok with its
/// findings and output folder, or failed with its exit code and first error), then the run's
/// exit code. English templates; the command line translates them.
public enum RegionResultSummary {
    /// The summary of `results`; `share` and `total` say which part of the list ran.
    public static func text(_ results: [RegionResult], share: RegionShare?, total: Int) -> String {
        var out = "\n"
        if let share {
            out += "Regions of share \(share): \(results.count) of \(total)\n"
        } else {
            out += "Regions: \(results.count)\n"
        }
        for r in results {
            if r.code == .success {
                out += "  \(r.entry.name): ok — \(r.findings ?? 0) findings, written to \(r.outputDirectory)\n"
            } else {
                out += "  \(r.entry.name): failed (exit \(r.code.rawValue)) — \(r.outputDirectory) left as it was\n"
                if let e = r.firstError { out += "    \(firstLine(e))\n" }
            }
        }
        let failed = results.filter { $0.code != .success }.count
        if failed == 0 {
            out += "All \(results.count) regions ok\n"
        } else {
            let code = RegionResult.worst(results).rawValue
            out += "\(failed) of \(results.count) regions failed: exit code \(code), the worst of theirs (configuration 2, then data 3, then output 4)\n"
        }
        return out
    }

    /// The first line of a diagnostic, without its hint.
    static func firstLine(_ d: Diagnostic) -> String {
        String(withoutHint(d).description.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    /// A diagnostic on one line: the hint is for the region's own error output above.
    static func withoutHint(_ d: Diagnostic) -> Diagnostic {
        var d = d
        d.hint = nil
        return d
    }
}
