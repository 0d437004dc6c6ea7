import HechaCore
@testable import HechaRules
import Testing

/// birth_date, age and sex from an id number, and contains for text.
struct IDNumberFactsTests {
    let probe = InterpreterTests()

    @Test func birthDateAgeAndSexComeFromTheIdNumber() throws {
        #expect(try probe.evaluate("birth_date(\"420525194703150027\") == 1947-03-15") == .bool(true))
        #expect(try probe.evaluate("sex(\"420525194703150027\") == \"女\"") == .bool(true))
        #expect(try probe.evaluate("sex(\"420525197001010011\") == \"男\"") == .bool(true))
        // a birthday counts from its day
        #expect(try probe.evaluate("age(\"420525194703150027\", 2024-03-14) == 76") == .bool(true))
        #expect(try probe.evaluate("age(\"420525194703150027\", 2024-03-15) == 77") == .bool(true))
        // 29 February: a year older on 1 March in other years
        #expect(try probe.evaluate("age(\"420525200002290011\", 2023-02-28) == 22") == .bool(true))
        #expect(try probe.evaluate("age(\"420525200002290011\", 2023-03-01) == 23") == .bool(true))
    }

    @Test func anIdWithoutABirthDateGivesUnknownNotAGuess() throws {
        for id in ["42052519470230002X", "4205251947031", "", "A20525194703150027"] {
            #expect(try probe.evaluate("birth_date(\"\(id)\") is unknown and sex(\"\(id)\") is unknown and age(\"\(id)\", as_of) is unknown") == .bool(true), "\(id)")
        }
    }

    @Test func containsFindsAPartOfAText() throws {
        #expect(try probe.evaluate("contains(\"远安县鸣凤镇\", \"鸣凤\")") == .bool(true))
        #expect(try probe.evaluate("contains(\"远安县鸣凤镇\", \"洋坪\")") == .bool(false))
    }

    @Test func argumentsAreTypeChecked() {
        let errors = Fixtures.errors(Fixtures.header + """
            rules:
              - id: bad
                when: age(household.head_id) > 60
            """)
        #expect(errors.contains { $0.contains("age") }, "\(errors)")
    }
}
