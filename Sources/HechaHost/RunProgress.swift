/// What a run reports while it goes, for the terminal: the command-line tool shows these as a
/// progress line on a terminal and as plain log lines otherwise. Events about sources arrive from
/// several threads at once.
public enum RunProgress: Sendable {
    /// The roster is read.
    case rosterRead(source: String, households: Int, persons: Int, seconds: Double)
    /// One source's files are read (rows of all its files, their bytes).
    case sourceRead(source: String, rows: Int, bytes: Int, seconds: Double, done: Int, of: Int)
    /// One input file is read (for `--verbose`).
    case fileRead(source: String, file: String, rows: Int, rejected: Int)
    /// Every rule was applied to every household.
    case evaluated(findings: Int, rules: Int, households: Int, seconds: Double)
    /// The output folder is in place.
    case written(folder: String, files: Int)
}
