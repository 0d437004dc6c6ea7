import HechaCore

/// The state of one evaluation (one rule, one subject): slots, and the evidence collected so far.
///
/// Evidence is collected only when `collecting`: the evaluator first decides every rule without
/// it (most subjects fire nothing) and evaluates again, collecting, for a subject that fires.
struct Frame {
    var slots: [Value?]
    var evidence: [SourceRef] = []
    var collecting = true
    /// Non-nil when the evaluation is being explained.
    var trace: Trace? = nil
    /// Shared function values of the household being evaluated.
    var shared: SharedValues? = nil
    var household: Value
    var member: Value = .unknown
    var application: Value = .unknown

    init(slotCount: Int, household: Value) {
        slots = Array(repeating: nil, count: slotCount)
        self.household = household
    }

    /// Forgets the evidence noted since `mark` (the count of evidence before a sub-condition).
    @inline(__always)
    mutating func dropEvidence(from mark: Int) {
        if evidence.count > mark { evidence.removeSubrange(mark...) }
    }

    /// The evidence noted since `mark`, to remember with a shared value; `nil` when none is collected.
    func evidence(since mark: Int) -> [SourceRef]? {
        collecting ? Array(evidence[mark...]) : nil
    }

    mutating func note(_ v: Value) {
        if collecting, case .record(let r) = v, let s = r.source { evidence.append(s) }
    }
}
