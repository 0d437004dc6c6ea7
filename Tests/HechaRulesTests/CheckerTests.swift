import HechaCore
@testable import HechaRules
import Testing

/// Golden error messages: every problem names the file, line and column inside the YAML.
struct CheckerTests {
    func firstError(_ rules: String) -> String {
        Fixtures.errors(Fixtures.header + rules).first ?? "(no error)"
    }

    @Test func unknownFieldSuggestsTheNearName() {
        let e = firstError("""
            rules:
              - id: r
                when: >
                  any(household.members, m ->
                      m.coresident and m.covred)
            """)
        #expect(e.hasPrefix("region.yaml:13:30: error: 'member' has no field 'covred'; did you mean 'covered'?"))
    }

    @Test func typeMismatchPointsAtTheOperator() {
        let e = firstError("""
            rules:
              - id: r
                when: household.per_capita_income + household.town > 3
            """)
        #expect(e == "region.yaml:11:39: error: '+' needs numbers, not a number and text")
    }

    @Test func syntaxErrorAtTheEnd() {
        let e = firstError("""
            rules:
              - id: r
                when: count(household.members) >
            """)
        #expect(e == "region.yaml:11:37: error: syntax error: expected a value, found end of expression")
    }

    @Test func unknownFunctionAndParameter() {
        #expect(firstError("""
            rules:
              - id: r
                when: cout(household.members) > 1
            """) == "region.yaml:11:11: error: unknown function 'cout'; did you mean 'count'?\n  hint: functions are the built-ins (see rulesets/README.md) and the ruleset's `functions:`")
        #expect(firstError("""
            rules:
              - id: r
                when: household.per_capita_income > param("limt")
            """).hasPrefix("region.yaml:11:47: error: unknown parameter 'limt'; did you mean 'limit'?"))
    }

    @Test func conditionMustBeBoolean() {
        #expect(firstError("""
            rules:
              - id: r
                when: household.per_capita_income + 1
            """).hasPrefix("region.yaml:11:11: error: the condition (when:) of rule 'r' must be a condition (true/false), but this expression is a number"))
    }

    @Test func memberOnlyInMemberRules() {
        #expect(firstError("""
            rules:
              - id: r
                when: member.covered
            """).hasPrefix("region.yaml:11:11: error: 'member' is only available in rules with applies_to: member"))
    }

    @Test func recursionIsReported() {
        #expect(firstError("""
            functions:
              a: b + 1
              b: a + 1
            rules:
              - id: r
                when: a > 1
            """).contains("refers to itself (a → b → a)"))
    }

    @Test func mapParametersMustBeIndexed() {
        #expect(firstError("""
            rules:
              - id: r
                when: param("table") > 1
            """).contains("parameter 'table' is a map: pick one entry"))
        let ok = Fixtures.errors(Fixtures.header + """
            rules:
              - id: r
                when: param("table")[household.category] > 1
            """)
        #expect(ok.isEmpty)
    }

    @Test func comparingDifferentTypesIsAnError() {
        #expect(firstError("""
            rules:
              - id: r
                when: household.enrolled > 2024-01
            """).hasPrefix("region.yaml:11:30: error: cannot compare a date with a month"))
    }

    @Test func unknownKeysAndRulesAreReported() {
        let errors = Fixtures.errors(Fixtures.header + """
            rulez: []
            rules:
              - id: r
                wen: true
            """)
        #expect(errors.contains { $0.hasPrefix("region.yaml:9:1: error: unknown key 'rulez'; did you mean 'rules'?") })
        #expect(errors.contains { $0.hasPrefix("region.yaml:12:5: error: unknown key 'wen' in a rule; did you mean 'when'?") })
    }

    @Test func yamlSyntaxErrorsHaveAPlace() {
        let errors = Fixtures.errors("as_of: [2024-12-31\n")
        #expect(errors.first?.hasPrefix("region.yaml:2:1: error: YAML syntax") == true)
    }

    @Test func quotedAndPlainScalarsMapPositions() {
        let e = firstError("""
            rules:
              - id: r
                when: "household.sttus == 1"
            """)
        #expect(e.hasPrefix("region.yaml:11:22: error: 'household' has no field 'sttus'; did you mean 'status'?"))
    }
}

struct UnusedDefinitionTests {
    @Test func unusedLetValuesAndFunctionsAreCheckedToo() {
        let errors = Fixtures.errors(Fixtures.header + """
            functions:
              spare: count(household.membrs)
            rules:
              - id: r
                let:
                  unused: household.townn
                when: true
            """)
        #expect(errors.contains { $0.hasPrefix("region.yaml:10:26: error: 'household' has no field 'membrs'; did you mean 'members'?") })
        #expect(errors.contains { $0.hasPrefix("region.yaml:14:25: error: 'household' has no field 'townn'; did you mean 'town'?") })
    }
}
