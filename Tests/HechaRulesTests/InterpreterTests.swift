import HechaCore
@testable import HechaRules
import Testing

/// Evaluates expressions over one hand-made household.
struct InterpreterTests {
    func evaluate(_ expression: String, vehicles: [Value?] = [], asOf: String = "2024-12-31") throws -> Value {
        try evaluateWithEvidence(expression, vehicles: vehicles, asOf: asOf).value
    }

    /// The value, and the lines of the vehicle rows (line 2 is the first vehicle) cited as evidence.
    func evaluateWithEvidence(_ expression: String, vehicles: [Value?] = [], asOf: String = "2024-12-31") throws -> (value: Value, lines: [Int]) {
        let region = try Fixtures.load(Fixtures.header.replacingOccurrences(of: "as_of: 2024-12-31", with: "as_of: \(asOf)") + """
            rules:
              - id: probe
                when: >
                  \(expression)
            """)
        let roster = Fixtures.oneHouseholdRoster()
        let facts = FactStore()
        for (i, price) in vehicles.enumerated() {
            facts.add(Record(schema: Fixtures.vehicle, fields: [.string("小型轿车"), .string("正常"), price ?? .unknown],
                             source: SourceRef(source: "vehicle-registry", file: "v.csv", line: i + 2)), collection: "vehicles", key: "P1")
        }
        let views = ViewBuilder(catalog: region.catalog, roster: roster, facts: facts)
        let rule = region.rules[0]
        var months: [Value] = []
        var m = region.auditFrom
        while m <= region.auditTo { months.append(.month(m)); m = m.adding(1) }
        let interpreter = Interpreter(context: EvaluationContext(asOf: region.asOf, auditFrom: region.auditFrom, auditTo: region.auditTo,
                                                                 auditMonths: .list(months), calendar: nil))
        var frame = Frame(slotCount: rule.slotCount, household: views.household(0).value)
        let value = try interpreter.eval(rule.condition, &frame)
        return (value, frame.evidence.map(\.line))
    }

    /// `any` cites the element that made it true, and nothing when it is false or unknown; `all`
    /// cites every element that held.
    @Test func quantifiersCiteTheElementsThatDecided() throws {
        let prices: [Value?] = [.number(Exact(100)), .number(Exact(300)), .number(Exact(250)), nil]
        let some = try evaluateWithEvidence("any(household.members.vehicles, v -> v.price > 200)", vehicles: prices)
        #expect(some.value == .bool(true) && some.lines == [3])
        let every = try evaluateWithEvidence("all(household.members.vehicles, v -> v.price > 50)", vehicles: Array(prices.prefix(3)))
        #expect(every.value == .bool(true) && every.lines == [2, 3, 4])
        let notEvery = try evaluateWithEvidence("all(household.members.vehicles, v -> v.price > 200) or false", vehicles: prices)
        #expect(notEvery.value == .bool(false) && notEvery.lines.isEmpty)
        let unknownAll = try evaluateWithEvidence("all(household.members.vehicles, v -> v.price > 50)", vehicles: prices)
        #expect(unknownAll.value == .unknown)
        let none = try evaluateWithEvidence("any(household.members.vehicles, v -> v.price > 900)", vehicles: prices)
        #expect(none.value == .unknown && none.lines.isEmpty)
        let noneKnown = try evaluateWithEvidence("any(household.members.vehicles, v -> v.price > 900)", vehicles: Array(prices.prefix(3)))
        #expect(noneKnown.value == .bool(false) && noneKnown.lines.isEmpty)
        // nested: each outer element cites the inner one that decided
        let nested = try evaluateWithEvidence(
            "any(household.members, m -> any(m.vehicles, v -> v.price > 200) and all(m.vehicles, v -> v.price is known or true))",
            vehicles: prices)
        #expect(nested.value == .bool(true))
    }

    @Test func unknownMakesComparisonsUnknownNotFalse() throws {
        #expect(try evaluate("household.village == \"x\"") == .unknown)
        #expect(try evaluate("not (household.village == \"x\")") == .unknown)
        #expect(try evaluate("household.village is unknown") == .bool(true))
        #expect(try evaluate("household.village == \"x\" or true") == .bool(true))
        #expect(try evaluate("household.village == \"x\" and false") == .bool(false))
    }

    @Test func aggregatesOverFacts() throws {
        let prices: [Value?] = [.number(Exact(100)), nil, .number(Exact(250))]
        #expect(try evaluate("count(household.members.vehicles) == 3", vehicles: prices) == .bool(true))
        #expect(try evaluate("any(household.members.vehicles, v -> v.price > 200)", vehicles: prices) == .bool(true))
        #expect(try evaluate("any(household.members.vehicles, v -> v.price > 300)", vehicles: prices) == .unknown)
        #expect(try evaluate("all(household.members.vehicles, v -> v.price is known)", vehicles: prices) == .bool(false))
        #expect(try evaluate("sum(filter(household.members.vehicles, v -> v.price is known), v -> v.price) == 350", vehicles: prices) == .bool(true))
        #expect(try evaluate("max(household.members.vehicles, v -> coalesce(v.price, 0)) == 250", vehicles: prices) == .bool(true))
        #expect(try evaluate("max_by(household.members.vehicles, v -> v.price).price == 250", vehicles: prices) == .bool(true))
        #expect(try evaluate("count(distinct([1, 2, 2, 3])) == 3") == .bool(true))
        #expect(try evaluate("sum([]) == 0") == .bool(true))
    }

    @Test func datesMonthsAndDatedParameters() throws {
        #expect(try evaluate("add_months(2024-01-31, 1) == 2024-02-29") == .bool(true))
        #expect(try evaluate("count(months(2024-11, 2025-02)) == 4") == .bool(true))
        #expect(try evaluate("month(2024-07-01) == 2024-07 and first_day(2024-02) == 2024-02-01 and last_day(2024-02) == 2024-02-29") == .bool(true))
        #expect(try evaluate("param(\"standard\", 2024-06-30) == 800 and param(\"standard\", 2024-07-01) == 850") == .bool(true))
        #expect(try evaluate("param(\"standard\") == 850") == .bool(true))
        #expect(try evaluate("year(2024-05) == 2024 and days_between(2024-02-28, 2024-03-01) == 2") == .bool(true))
        #expect(try evaluate("\"x\" in param(\"kinds\") and \"q\" not in param(\"kinds\")") == .bool(true))
    }

    @Test func exactArithmetic() throws {
        #expect(try evaluate("2000 / 3 * 3 == 2000") == .bool(true))
        #expect(try evaluate("round(2000 / 3, 2) == 666.67") == .bool(true))
        #expect(try evaluate("round(0.125, 2) == 0.13") == .bool(true))
        #expect(try evaluate("max(0, 1 - 2) == 0") == .bool(true))
    }

    @Test func aParameterNotInForceIsAnErrorWithItsPlace() {
        #expect(throws: EvaluationError.self) { try evaluate("param(\"standard\", 2023-12-31) > 0") }
        do {
            _ = try evaluate("param(\"standard\", 2023-12-31) > 0")
        } catch let error as EvaluationError {
            #expect(error.message.contains("has no value in force on 2023-12-31"))
            #expect(error.location?.line == 12)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func divisionByZeroIsAnError() {
        #expect(throws: EvaluationError.self) { try evaluate("1 / (household.per_capita_income - 300) > 0") }
    }

    @Test func workdaysWithoutCalendarIsAnError() {
        #expect(throws: EvaluationError.self) { try evaluate("workdays(2024-01-02, 2024-01-05) > 0") }
    }

    /// `x -> x.field` and `x -> x.field <op> steady` are applied without evaluating the body term by
    /// term; each must give what the same lambda written in a general form gives, unknowns included.
    @Test func simpleLambdasAgreeWithTheirGeneralForm() throws {
        let prices: [Value?] = [.number(Exact(100)), nil, .number(Exact(250)), .number(Exact(200))]
        let pairs: [(simple: String, general: String)] = [
            ("v -> v.price > 200", "v -> if true then v.price > 200 else false"),
            ("v -> 200 < v.price", "v -> if true then v.price > 200 else false"),
            ("v -> 200 >= v.price", "v -> if true then v.price <= 200 else false"),
            ("v -> v.price == 200", "v -> if true then v.price == 200 else false"),
            ("v -> v.price != 200", "v -> if true then v.price != 200 else false"),
            ("v -> v.status == \"正常\"", "v -> if true then v.status == \"正常\" else false"),
            ("v -> v.price <= household.per_capita_income", "v -> if true then v.price <= household.per_capita_income else false"),
        ]
        for (simple, general) in pairs {
            for builtin in ["any", "all", "count", "filter", "map"] {
                let a = try evaluate("\(builtin)(household.members.vehicles, \(simple)) == \(builtin)(household.members.vehicles, \(general))", vehicles: prices)
                let b = try evaluate("\(builtin)(household.members.vehicles, \(simple)) is unknown", vehicles: prices)
                let c = try evaluate("\(builtin)(household.members.vehicles, \(general)) is unknown", vehicles: prices)
                #expect(b == c, "\(builtin) with \(simple)")
                if b == .bool(false) { #expect(a == .bool(true), "\(builtin) with \(simple)") }
            }
        }
        for builtin in ["min_by", "max_by", "map", "sum", "min", "max"] {
            let a = try evaluate("\(builtin)(household.members.vehicles, v -> v.price) == \(builtin)(household.members.vehicles, v -> if true then v.price else 0)", vehicles: prices)
            let b = try evaluate("\(builtin)(household.members.vehicles, v -> v.price) is unknown", vehicles: prices)
            let c = try evaluate("\(builtin)(household.members.vehicles, v -> if true then v.price else 0) is unknown", vehicles: prices)
            #expect(b == c, "\(builtin)")
            if b == .bool(false) { #expect(a == .bool(true), "\(builtin)") }
        }
        #expect(try evaluate("max_by(household.members.vehicles, v -> v.price).price == 250", vehicles: prices) == .bool(true))
        #expect(try evaluate("count(household.members.vehicles, v -> 100 < v.price) == 2", vehicles: prices) == .bool(true))
        #expect(try evaluate("sum(household.members.vehicles, v -> v.price) is unknown", vehicles: prices) == .bool(true))
        #expect(try evaluate("min(household.members.vehicles, v -> v.price) is unknown", vehicles: prices) == .bool(true))
        #expect(try evaluate("sum(filter(household.members.vehicles, v -> v.price is known), v -> v.price) == 550", vehicles: prices) == .bool(true))
    }

    @Test func lambdaShapesAreRecognised() {
        let field = Term.field(.slot(3), 2)
        func shape(_ body: Term) -> String {
            switch Lambda(slot: 3, body: body).shape {
            case .general: return "general"
            case .field(let i): return "field \(i)"
            case .compareField(let i, let op, _): return "field \(i) \(op.rawValue)"
            }
        }
        #expect(shape(field) == "field 2")
        #expect(shape(.compare(.less, field, .constant(.number(Exact(1))))) == "field 2 <")
        #expect(shape(.compare(.less, .constant(.number(Exact(1))), field)) == "field 2 >")
        #expect(shape(.compare(.equal, field, .slot(1))) == "field 2 ==")
        #expect(shape(.compare(.equal, field, .global(.asOf))) == "field 2 ==")
        // the other side reads the element, or costs a call: evaluated in full
        #expect(shape(.compare(.equal, field, .slot(3))) == "general")
        #expect(shape(.compare(.equal, field, .field(.slot(3), 1))) == "general")
        #expect(shape(.compare(.equal, field, .call(BuiltinRegistry.named("month")!, [.global(.asOf)], lambda: nil, at: SourceLocation(file: "x", line: 1)))) == "general")
        #expect(shape(.field(.slot(2), 2)) == "general")
    }

    @Test func sharedValuesTellMonthsDaysAndOtherValuesApart() {
        let shared = SharedValues()
        let month = Value.month(Month(ordinal: 24_300)), day = Value.date(Day(ordinal: 24_300))
        shared.store(0, month, .number(Exact(1)), nil)
        shared.store(0, day, .number(Exact(2)), nil)
        shared.store(0, .string("A"), .number(Exact(3)), nil)
        shared.store(0, .bool(true), .number(Exact(4)), nil)
        #expect(shared.value(0, month)?.value == .number(Exact(1)))
        #expect(shared.value(0, day)?.value == .number(Exact(2)))
        #expect(shared.value(0, .string("A"))?.value == .number(Exact(3)))
        #expect(shared.value(0, .bool(true))?.value == .number(Exact(4)))
        #expect(shared.value(0, .bool(false)) == nil)
        #expect(shared.value(0, .string("B")) == nil)
        #expect(shared.value(1, month) == nil)
        shared.store(0, month, .number(Exact(5)), [])
        #expect(shared.value(0, month)?.value == .number(Exact(5)))
        #expect(shared.value(0, month)?.evidence == [])
        shared.reset()
        #expect(shared.value(0, month) == nil)
    }
}
