/// The host's exit codes: operators' schedulers tell configuration problems from data problems.
public enum HechaExitCode: Int32, Sendable {
    /// The run finished; findings (possibly none) were written.
    case success = 0
    /// A region file, ruleset or calendar is wrong: fix the YAML named in the message.
    case configuration = 2
    /// An input file is missing or unreadable, or a rule could not be evaluated on the data.
    case data = 3
    /// The output folder cannot be written.
    case output = 4
}
