import HechaCore
@testable import HechaRules
import Testing

/// A computation too large for exact numbers fails the rule for that household (exit 3 in a run)
/// or, when it is all constants, is a mistake in the file (exit 2); it never stops the process.
struct ArithmeticOverflowTests {
    func region(amount: String) throws -> LoadedRegion {
        try Fixtures.load(Fixtures.header + """
            rules:
              - id: big
                when: household.per_capita_income > 0
                amount: \(amount)
            """)
    }

    @Test func constantsTooLargeAreAConfigurationError() {
        let e = Fixtures.errors(Fixtures.header + """
            rules:
              - id: big
                when: household.per_capita_income > 0
                amount: 1000000000000000000 * 1000000000000000000 * 1000000000000000000
            """)
        // the second '*' is where the product stops fitting
        #expect(e.first?.hasPrefix("region.yaml:12:55: error: 1000000000000000000000000000000000000 * 1000000000000000000: the result is too large") == true)
    }

    @Test func aProductTooLargeFailsTheRuleForEachHousehold() throws {
        let result = EvaluationFixture.evaluate(try region(amount: "household.per_capita_income * 1000000000000000000 * 1000000000000000000"),
                                                households: 2)
        #expect(result.failures.count == 2)
        let f = try #require(result.failures.first)
        #expect(f.rule == "big")
        #expect(f.household == "H1")
        #expect(f.description.contains("region.yaml:12:"))
        #expect(f.error.message == "the result is too large to compute exactly (more than 38 digits): 300000000000000000000 * 1000000000000000000")
    }

    /// An amount that fits an exact number but no sum of money fails too: totals of many of them
    /// would overflow in the report.
    @Test func anAmountTooLargeForMoneyFailsTheRule() throws {
        let result = EvaluationFixture.evaluate(try region(amount: "household.per_capita_income * 1000000000000000000 * 100000000000000000"))
        #expect(result.findings.allSatisfy { $0.amount == nil })
        #expect(result.failures.first?.error.message == "the amount 30000000000000000000000000000000000000 is too large to be a sum of money (the limit is 10^15)")
    }

    @Test func fortyEightDivisionsBySevenFailTheRule() throws {
        let divisions = Array(repeating: "7", count: 48).joined(separator: " / ")
        let result = EvaluationFixture.evaluate(try region(amount: "household.per_capita_income / \(divisions)"))
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.error.message.hasPrefix("the result is too large to compute exactly") == true)
    }

    @Test func sumsThatOverflowFailTheRule() throws {
        let result = EvaluationFixture.evaluate(try region(
            amount: "sum(map([1, 2, 3], x -> household.per_capita_income * 500000000000000000 * 1000000000000000000))"))
        #expect(result.failures.first?.error.message.hasPrefix("the result is too large to compute exactly (more than 38 digits): sum:") == true)
    }
}
