import HechaCore

/// The stable id of a finding: the same lead gets the same id in every rerun and every later
/// month, so case workers' follow-up can be tracked over time.
///
/// It is the first 16 hexadecimal characters (64 bits) of the SHA-256 of these fields, each
/// followed by a line feed:
///
/// 1. `hecha-finding-v1` (a version tag: a change of recipe must change every id, not some);
/// 2. the rule id;
/// 3. the household id (户编号);
/// 4. the person's normalised id number, or empty;
/// 5. the application number (申请编号), or empty;
/// 6. the evidence key: the distinct `source/file` names of the evidence, sorted, joined by `|`.
///
/// Left out on purpose: line numbers (rows move when an export gains or loses rows) and the
/// amount (an overpayment grows month by month and is still the same lead). The evidence key keeps
/// apart leads of one rule about the same subject that rest on different records (e.g. a later
/// ruleset version whose rule also reads another source); connectors read fixed file names, so it
/// does not change between months.
public enum FindingID {
    /// The id of `f`: 16 lowercase hexadecimal characters, computed as described above.
    public static func of(_ f: Finding) -> String {
        let evidence = Set(f.evidence.map { "\($0.source)/\($0.file)" }).sorted().joined(separator: "|")
        let text = ["hecha-finding-v1", f.rule, f.household, f.person ?? "", f.application ?? "", evidence]
            .map { $0 + "\n" }.joined()
        return String(SHA256.hex(Array(text.utf8)).prefix(16))
    }
}
