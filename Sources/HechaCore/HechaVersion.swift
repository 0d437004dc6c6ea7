/// The version of Hecha, recorded in every run's manifest so that a run can be reproduced with the
/// same program. Change it here only.
public enum HechaVersion {
    /// The version text (semantic versioning), e.g. `0.1.0`.
    public static let current = "0.1.0"
}
