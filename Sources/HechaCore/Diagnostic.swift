/// A place in a file that a person can open: 1-based line and column (column 0 = whole line/row).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file, as the user gave it (or as found under the folder they gave).
    public var file: String
    /// The 1-based line (or CSV row); 0 = the whole file.
    public var line: Int
    /// The 1-based column; 0 = the whole line.
    public var column: Int

    /// A place in `file`.
    public init(file: String, line: Int, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// By file, then line, then column.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// `file:line:column` (or `file:line` when the column is unknown).
    public var description: String {
        if line <= 0 { return file }
        return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }
}

/// One problem found in a configuration or input file, printed as
/// `path:line:column: error: message` followed by an optional hint on how to fix it. It is the
/// one error model of the host: a command's error carries one or more of these, and the command
/// line prints them as text or as JSON Lines.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad it is: an error stops the command, a warning and a note do not.
    public enum Severity: String, Sendable { case error, warning, note }

    /// How bad it is.
    public var severity: Severity
    /// What is wrong, in English (the message catalog translates it where it is printed).
    public var message: String
    /// Where, when known.
    public var location: SourceLocation?
    /// What to do about it; printed on its own line after the message.
    public var hint: String?

    /// A diagnostic of `severity` at `location`, with what to do in `hint`.
    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// An error at `location`, with what to do in `hint`.
    public static func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    /// The diagnostic as English text: `place: error: message`, then `  hint: …` on its own line.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Several diagnostics reported together (a configuration is checked whole before stopping).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, in the order found.
    public var diagnostics: [Diagnostic]
    /// A list of `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    /// Each diagnostic's text, one after another.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while a file is checked, so that one run reports every problem it can.
public struct DiagnosticCollector: Sendable {
    /// Every diagnostic added so far, errors and warnings, in the order found.
    public private(set) var diagnostics: [Diagnostic] = []
    /// An empty collector.
    public init() {}
    /// True when at least one collected diagnostic is an error (warnings alone do not stop a load).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// Adds one diagnostic as it is.
    public mutating func add(_ d: Diagnostic) { diagnostics.append(d) }
    /// Adds an error at `location` with an optional hint on how to fix it.
    public mutating func error(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        diagnostics.append(.error(message, at: location, hint: hint))
    }
    /// Throws a `DiagnosticList` when any error was collected.
    public func check() throws(DiagnosticList) {
        if hasErrors { throw DiagnosticList(diagnostics) }
    }
}

/// Suggests the closest known name for a misspelt one ("did you mean …?").
public enum NameSuggestion {
    /// The candidate nearest to `name` by edit distance (case-insensitive), or nil when none is close enough to be a likely typo.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let a = Array(name.lowercased().unicodeScalars)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(a, Array(c.lowercased().unicodeScalars))
            let limit = max(2, min(a.count, c.unicodeScalars.count) / 3)
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// `"; did you mean 'x'?"` or the empty string.
    public static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String {
        if let c = closest(to: name, in: candidates) { return "; did you mean '\(c)'?" }
        return ""
    }
}
