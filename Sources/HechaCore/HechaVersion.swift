/// The version of Hecha, recorded in every run's manifest so that a run can be reproduced with the
/// same program. Change it here only.
public enum HechaVersion {
    public static let current = "0.1.0"
}
