import HechaCore

/// How one region of a several-region run ended, for the summary at the end.
public struct RegionResult: Sendable {
    /// The region file and its name.
    public var entry: RegionList.Entry
    /// The region's output folder (left as it was when the region failed).
    public var outputDirectory: String
    /// `success`, or the exit code the region alone would have ended with.
    public var code: HechaExitCode
    /// The first error of a failed region.
    public var firstError: Diagnostic?
    /// The findings written, for a region that ran to the end.
    public var findings: Int?

    /// The result of `entry`'s run into `outputDirectory`.
    public init(entry: RegionList.Entry, outputDirectory: String, code: HechaExitCode, firstError: Diagnostic? = nil, findings: Int? = nil) {
        self.entry = entry
        self.outputDirectory = outputDirectory
        self.code = code
        self.firstError = firstError
        self.findings = findings
    }

    /// How bad an exit code is, the worst first: configuration (2), then data (3), then output (4),
    /// the order in which a run meets them, so that the code of a several-region run names the
    /// earliest stage at which some region stopped.
    static func rank(_ code: HechaExitCode) -> Int {
        switch code {
        case .configuration: return 3
        case .data: return 2
        case .output: return 1
        case .success: return 0
        }
    }

    /// The exit code of a several-region run: the worst of its regions' (``rank(_:)``), 0 when all succeeded.
    public static func worst(_ results: [RegionResult]) -> HechaExitCode {
        results.map(\.code).max { rank($0) < rank($1) } ?? .success
    }
}

/// One region's line of `--format json`'s summary of a several-region run, on stdout.
public struct RegionResultRecord: Codable, Sendable, Equatable {
    /// The region's name (its file's name without `.yaml`).
    public var region: String
    /// The region file.
    public var file: String
    /// `ok` or `failed`.
    public var status: String
    /// The exit code the region alone would have ended with.
    public var exitCode: Int32
    /// The findings written, for a region that ran to the end.
    public var findings: Int?
    /// The region's output folder.
    public var output: String
    /// The first error of a failed region, as text.
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case region, file, status, findings, output, error
        case exitCode = "exit_code"
    }

    /// The record of `result`, its error in `language`.
    public init(_ result: RegionResult, language: MessageLanguage) {
        region = result.entry.name
        file = result.entry.file
        status = result.code == .success ? "ok" : "failed"
        exitCode = result.code.rawValue
        findings = result.findings
        output = result.outputDirectory
        error = result.firstError.map { DiagnosticRenderer(format: .text, language: language).text(RegionResultSummary.withoutHint($0)) }
    }
}
