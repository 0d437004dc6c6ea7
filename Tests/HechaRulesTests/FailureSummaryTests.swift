import HechaCore
@testable import HechaRules
import Testing

/// A rule failing for many households is reported once per cause, with a count and an example.
struct FailureSummaryTests {
    @Test func aStandardThatBeginsTooLateIsOneCauseNamingTheParameterAndItsFirstDate() throws {
        let region = try Fixtures.load(Fixtures.header + """
            rules:
              - id: below-standard
                when: household.per_capita_income < param("standard", add_days(household.enrolled, -400))
            """)
        let result = EvaluationFixture.evaluate(region, households: 50)
        #expect(result.failures.count == 50)
        let summary = FailureSummary(result.failures)
        #expect(summary.groups.count == 1)
        let group = try #require(summary.groups.first)
        #expect(group.households == 50)
        #expect(group.rule == "below-standard")
        #expect(group.cause.hasPrefix("parameter 'standard' is read on dates before its first value, which is from 2024-01-01 ("))
        #expect(group.cause.hasSuffix("add an entry from the start of the audit window or earlier, or begin the window on 2024-01-01"))
        let text = summary.text()
        #expect(text.hasPrefix("error: 50 rule evaluation(s) failed, for 1 distinct cause(s)"))
        #expect(text.contains("  rule below-standard: 50 household(s), e.g. household H1\n"))
        #expect(text.contains("e.g. parameter 'standard' has no value in force on 2023-02-"))
        // one line per cause, not one per household
        #expect(text.split(separator: "\n").count == 4)
    }

    @Test func distinctCausesAreCountedApartMostHouseholdsFirst() {
        func failure(_ rule: String, _ household: String, _ message: String, member: String? = nil) -> EvaluationFailure {
            EvaluationFailure(rule: rule, household: household, subject: member,
                              error: EvaluationError(message: message, location: SourceLocation(file: "r.yaml", line: 3, column: 7)))
        }
        let summary = FailureSummary([
            failure("a", "H1", "division by zero"),
            failure("b", "H1", "the amount is unknown", member: "member P1"),
            failure("b", "H1", "the amount is unknown", member: "member P2"),
            failure("b", "H2", "the amount is unknown", member: "member P3"),
        ])
        #expect(summary.groups.map(\.rule) == ["b", "a"])
        #expect(summary.groups.map(\.households) == [2, 1])
        #expect(summary.groups.map(\.subjects) == [3, 1])
        #expect(summary.text().contains("  rule b: 2 household(s) (3 subjects), e.g. household H1, member P1\n    r.yaml:3:7: the amount is unknown\n"))
    }
}
