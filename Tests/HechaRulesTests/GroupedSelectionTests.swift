import HechaCore
@testable import HechaRules
import Testing

/// Selections of a household's list by one field's equality (`filter(household.payments, p ->
/// p.month == m)`) are answered from integer keys made once per household (``ListGroup``): the
/// value and the evidence must be exactly those of applying the lambda to every element, on
/// plain lists and on lists the keys cannot serve (an unknown month, a value of another kind).
struct GroupedSelectionTests {
    /// Payments of household H1, one per entry: its month (nil: unknown) and amount; line i + 2.
    func household(_ payments: [(month: String?, amount: Int)], unknownEnrolment: Bool) throws -> (region: LoadedRegion, household: Value) {
        let region = try Fixtures.load(Fixtures.header + """
            rules:
              - id: probe
                when: "true"
            """)
        let views = ViewBuilder(catalog: region.catalog, roster: Fixtures.oneHouseholdRoster(), facts: FactStore())
        let base = views.household(0).record
        var fields = base.fields
        if unknownEnrolment { fields[RosterSchema.household.index(of: "enrolled")!] = .unknown }
        fields[region.catalog.householdView.index(of: "payments")!] = .list(payments.enumerated().map { i, p in
            .record(Record(schema: Fixtures.payment,
                           fields: [.string("H1"), p.month.map { .month(Month(iso: $0)!) } ?? .unknown, .number(Exact(p.amount))],
                           source: SourceRef(source: "civil-affairs", file: "payments.csv", line: i + 2)))
        })
        return (region, .record(Record(schema: base.schema, fields: fields, source: base.source)))
    }

    /// `expression` evaluated twice on the same household: with the household's shared values
    /// (grouped) and without (every element applied); the value, the evidence lines, and whether
    /// a group was made.
    func both(_ expression: String, _ payments: [(month: String?, amount: Int)], unknownEnrolment: Bool = false) throws
        -> (grouped: (Value, [Int]), plain: (Value, [Int]), groupsMade: Int) {
        let (region, household) = try household(payments, unknownEnrolment: unknownEnrolment)
        let rule = try Fixtures.load(Fixtures.header + """
            functions:
              paid(m): sum(filter(household.payments, p -> p.month == m), p -> p.amount)
              has_payment(m): any(household.payments, p -> p.month == m)
            rules:
              - id: probe
                when: >
                  \(expression)
            """).rules[0]
        var months: [Value] = []
        var m = region.auditFrom
        while m <= region.auditTo { months.append(.month(m)); m = m.adding(1) }
        let interpreter = Interpreter(context: EvaluationContext(asOf: region.asOf, auditFrom: region.auditFrom, auditTo: region.auditTo,
                                                                 auditMonths: .list(months), calendar: nil))
        let code = interpreter.compile(rule.condition)
        let shared = SharedValues()
        var grouped = Frame(slotCount: rule.slotCount, household: household)
        grouped.shared = shared
        let g = try code(&grouped)
        var plain = Frame(slotCount: rule.slotCount, household: household)
        let p = try code(&plain)
        return ((g, grouped.evidence.map(\.line)), (p, plain.evidence.map(\.line)), shared.groups.compactMap { $0 }.filter { $0.kind >= 0 }.count)
    }

    static let year: [(month: String?, amount: Int)] = [
        ("2024-01", 800), ("2024-02", 800), ("2024-02", 50), ("2024-04", 800), ("2024-05", 800), ("2024-01", 10), ("2024-12", 850),
    ]

    @Test(arguments: [
        "count(filter(audit_months, m -> has_payment(m))) == 5",
        "sum(audit_months, m -> paid(m)) == 4110",
        "paid(audit_from) == 810 and paid(audit_to) == 850",
        "count(audit_months, m -> count(household.payments, p -> p.month == m) > 1) == 2",
        "any(audit_months, m -> has_payment(m) and paid(m) > 840)",
        "not has_payment(add_months(audit_from, 2))",
    ])
    func aGroupedSelectionGivesTheValueAndEvidenceOfThePlainOne(expression: String) throws {
        let r = try both(expression, Self.year)
        #expect(r.grouped.0 == .bool(true), "\(r.grouped.0)")
        #expect(r.grouped.0 == r.plain.0)
        #expect(r.grouped.1 == r.plain.1, "the evidence: \(r.grouped.1) against \(r.plain.1)")
        #expect(r.groupsMade == 1, "the payments were grouped by month once")
    }

    @Test func theEvidenceCitesTheMatchingRowsInListOrder() throws {
        let r = try both("has_payment(audit_from) and count(household.payments, p -> p.month == audit_to) == 1", Self.year)
        #expect(r.grouped.0 == .bool(true))
        #expect(r.grouped.1 == [2, 8] && r.plain.1 == [2, 8], "\(r.grouped.1) \(r.plain.1)")
        let filtered = try both("count(filter(household.payments, p -> p.month == audit_from)) == 2", Self.year)
        // filter notes the rows it keeps and count notes them again (a finding cites each row once)
        #expect(filtered.grouped.1 == [2, 7, 2, 7] && filtered.plain.1 == [2, 7, 2, 7], "\(filtered.grouped.1) \(filtered.plain.1)")
    }

    @Test func anUnknownMonthKeepsAnyUnknownWhenNothingMatches() throws {
        let payments = Self.year + [(nil, 5)]
        let r = try both("has_payment(add_months(audit_from, 2)) or false", payments)
        #expect(r.plain.0 == .unknown)
        #expect(r.grouped.0 == .unknown && r.grouped.1 == r.plain.1)
        #expect(r.groupsMade == 0, "a list with an unknown month is read element by element")
        let matched = try both("paid(audit_from) == 810", payments)
        #expect(matched.grouped.0 == .bool(true) && matched.grouped.1 == matched.plain.1)
    }

    @Test func anUnknownValueIsComparedElementByElement() throws {
        // the household's enrolment date is unknown here: every comparison with it is unknown
        let r = try both("has_payment(month(household.enrolled)) or false", Self.year, unknownEnrolment: true)
        #expect(r.plain.0 == .unknown && r.grouped.0 == .unknown)
        #expect(r.grouped.1 == r.plain.1)
    }

    @Test func anEmptyListSelectsNothing() throws {
        let r = try both("not has_payment(audit_from) and paid(audit_from) == 0", [])
        #expect(r.grouped.0 == .bool(true) && r.plain.0 == .bool(true))
    }
}
