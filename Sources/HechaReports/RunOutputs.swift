import HechaCore

/// The files of a run's output folder, from one ``ReportInput``:
///
/// ```
/// report.html                the report for people (masked)
/// findings.csv               every finding, for Excel (masked)
/// by-township/<镇街>.csv      the same, one file per township, to hand out work (masked)
/// findings.jsonl             every finding, for machines (full ids; owner-only)
/// rejects/<source>.csv       every rejected row of a source (raw rows hold full ids; owner-only)
/// manifest.json              version, configuration, parameters, inputs and counts, outputs, times
/// ```
///
/// Everything but the manifest's two times depends only on the input, so the same inputs give
/// byte-identical files. The manifest comes last and lists the SHA-256 of every other file.
public enum RunOutputs {
    /// - Parameters:
    ///   - started: the run's start time (ISO 8601).
    ///   - now: the current time, asked for when the manifest is written (the run's end).
    public static func files(_ input: ReportInput, started: String, now: @escaping @Sendable () -> String) -> [OutputFile] {
        var files: [OutputFile] = []
        files.append(OutputFile(path: "report.html", text: HTMLReport.text(input)))
        files.append(OutputFile(path: "findings.csv", text: FindingsCSV.text(input)))
        for (name, text) in FindingsCSV.byTownship(input) {
            files.append(OutputFile(path: "by-township/" + name, text: text))
        }
        files.append(OutputFile(path: "findings.jsonl", ownerOnly: true, text: FindingWriter.text(input.findings)))
        for s in input.sources {
            files.append(OutputFile(path: RejectsCSV.path(forSource: s.id), ownerOnly: true, text: RejectsCSV.text(s.rejects)))
        }
        var hashed: [(path: String, sha256: String)] = []
        for f in files {
            // the contents above are plain values: asking for them cannot fail
            hashed.append((f.path, SHA256.hex((try? f.contents()) ?? [])))
        }
        let outputs = hashed
        files.append(OutputFile(path: OutputFolder.marker) {
            Array(ManifestWriter.text(input, outputs: outputs, times: .init(started: started, finished: now())).utf8)
        })
        return files
    }
}
