import Foundation
import HechaCore
@testable import HechaRules
import Testing

/// Deeply nested expressions and long chains of functions are refused where they cross the
/// limit, quickly, instead of overflowing the stack while parsing, checking or evaluating.
struct NestingDepthTests {
    func errors(when condition: String, functions: String = "") -> [String] {
        Fixtures.errors(Fixtures.header + functions + """
            rules:
              - id: r
                when: \(condition)
            """)
    }

    @Test func fiveThousandBracketsStopAtTheLimit() {
        let e = errors(when: "\"" + String(repeating: "(", count: 5_000) + "true" + String(repeating: ")", count: 5_000) + "\"")
        // `when: "` puts the first bracket at column 12; the 201st is where the limit is crossed
        #expect(e.first == """
            region.yaml:11:212: error: syntax error: the expression is nested more than 200 levels deep here
              hint: split it into `let:` values or shared functions, each of a few levels
            """)
    }

    @Test func fiveThousandNotsStopAtTheLimit() {
        let e = errors(when: String(repeating: "not ", count: 5_000) + "true")
        #expect(e.first?.hasPrefix("region.yaml:11:\(11 + 200 * 4): error: syntax error: the expression is nested more than 200 levels deep here") == true)
    }

    @Test func fiveThousandTermsStopAtTheLimit() {
        let e = errors(when: Array(repeating: "1", count: 5_000).joined(separator: " + ") + " > 0")
        #expect(e.first?.contains("error: syntax error: the expression is nested more than 200 levels deep here") == true)
    }

    @Test func nestingBelowTheLimitStillWorks() throws {
        let deep = String(repeating: "(", count: 150) + "true" + String(repeating: ")", count: 150)
        #expect(errors(when: "\"" + deep + " and " + String(repeating: "not ", count: 40) + "false\"").isEmpty)
    }

    static func sharedChain(_ count: Int) -> String {
        var text = "functions:\n  f0: household.per_capita_income\n"
        for i in 1..<count { text += "  f\(i): f\(i - 1) + 1\n" }
        return text
    }

    @Test(.timeLimit(.minutes(1))) func aChainOfTwoThousandFunctionsIsRefusedQuickly() {
        let started = Date()
        let e = errors(when: "f1999 > 0", functions: NestingDepthTests.sharedChain(2_000))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(!e.isEmpty)
        #expect(e.allSatisfy { $0.contains("is nested more than 1000 levels deep here, counting the") })
        #expect(e.contains { $0.contains("(f1999 → f1998 → f1997 → … → f1502 → f1501 → f1500)") })
        // once for the chain of definitions, once for the rule that uses it
        #expect(e.count == 2)
    }

    @Test(.timeLimit(.minutes(1))) func aChainOfTwoThousandLetValuesIsRefusedQuickly() {
        var lets = ""
        for i in 1..<2_000 { lets += "      v\(i): v\(i - 1) + 1\n" }
        let started = Date()
        let e = Fixtures.errors(Fixtures.header + """
            rules:
              - id: r
                let:
                  v0: household.per_capita_income
            \(lets)    when: v1999 > 0
            """)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(e.count == 1)
        #expect(e.first?.contains("is nested more than 1000 levels deep here, counting the") == true)
    }

    /// A chain just within the limit is checked in linear time and evaluated on the evaluator's
    /// worker threads without running out of stack.
    @Test(.timeLimit(.minutes(1))) func aChainWithinTheLimitIsCheckedAndEvaluated() throws {
        let started = Date()
        let region = try Fixtures.load(Fixtures.header + NestingDepthTests.sharedChain(450) + """
            rules:
              - id: r
                when: f449 > 700
                amount: f449
            """)
        #expect(Date().timeIntervalSince(started) < 5)
        let result = EvaluationFixture.evaluate(region, households: 3)
        #expect(result.failures.isEmpty)
        #expect(result.findings.map(\.amount) == [Exact(749), Exact(749), Exact(749)])
    }
}
