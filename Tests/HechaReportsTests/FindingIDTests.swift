import HechaCore
import HechaReports
import Testing

struct FindingIDTests {
    let base = Finding(rule: "deceased-still-paid", household: "H001", person: "420525194703150027", amount: Exact(5600),
                       evidence: [SourceRef(source: "public-security", file: "死亡人员.csv", line: 4),
                                  SourceRef(source: "civil-affairs", file: "发放记录.csv", line: 30)])

    @Test func sixteenHexCharacters() {
        let id = FindingID.of(base)
        #expect(id.count == 16)
        #expect(id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    /// Next month: rows moved, more payments after the death, a larger amount — the same lead.
    @Test func stableAcrossMonths() {
        var later = base
        later.amount = Exact(6400)
        later.evidence = [SourceRef(source: "civil-affairs", file: "发放记录.csv", line: 97),
                          SourceRef(source: "civil-affairs", file: "发放记录.csv", line: 98),
                          SourceRef(source: "public-security", file: "死亡人员.csv", line: 11)]
        #expect(FindingID.of(later) == FindingID.of(base))
    }

    @Test func differsByRuleHouseholdPersonApplicationAndEvidenceFiles() {
        var other = base
        other.rule = "dual-enrollment"
        #expect(FindingID.of(other) != FindingID.of(base))
        other = base; other.household = "H002"
        #expect(FindingID.of(other) != FindingID.of(base))
        other = base; other.person = "420525197001010011"
        #expect(FindingID.of(other) != FindingID.of(base))
        other = base; other.application = "SQ1"
        #expect(FindingID.of(other) != FindingID.of(base))
        other = base; other.evidence.append(SourceRef(source: "vehicle-registry", file: "机动车登记.csv", line: 3))
        #expect(FindingID.of(other) != FindingID.of(base))
    }

    @Test func writtenFirstInEachLine() {
        #expect(FindingWriter.line(base).hasPrefix("{\"id\": \"\(FindingID.of(base))\", \"rule\": "))
    }
}
