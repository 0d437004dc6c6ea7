import HechaCore
@testable import HechaRules
import Testing

struct ParameterTests {
    @Test func datedValueInForceIsTheLastStartedEntry() throws {
        let region = try Fixtures.load(Fixtures.header + "rules: []\n")
        let s = try #require(region.parameters.settings["standard"])
        #expect(s.isDated)
        #expect(s.value(on: Day(iso: "2023-12-31")!) == nil)
        #expect(s.value(on: Day(iso: "2024-01-01")!) == .value(.number(Exact(800))))
        #expect(s.value(on: Day(iso: "2024-06-30")!) == .value(.number(Exact(800))))
        #expect(s.value(on: Day(iso: "2024-07-01")!) == .value(.number(Exact(850))))
    }

    @Test func childReplacesListsAndMergesMaps() throws {
        let base = Fixtures.file("base.yaml", Fixtures.header.replacingOccurrences(of: "as_of: 2024-12-31\naudit_window: {from: 2024-01, to: 2024-12}\n", with: "") + "rules: []\n")
        let region = Fixtures.file("region.yaml", """
            extends: \(base)
            as_of: 2024-12-31
            audit_window: {from: 2024-01, to: 2024-12}
            parameters:
              kinds: [z]
              table: {B: 6}
              standard: 900
            """)
        let loaded = try RegionLoader(rulesetsDirectory: Fixtures.rulesets, catalog: Fixtures.catalog).load(regionPath: region)
        #expect(loaded.parameters.settings["kinds"]?.value(on: Day(iso: "2024-01-01")!) == .value(.list([.string("z")])))
        #expect(loaded.parameters.settings["table"]?.value(on: Day(iso: "2024-01-01")!) == .map(["A": .number(Exact(1)), "B": .number(Exact(6))]))
        #expect(loaded.parameters.settings["standard"]?.isDated == false)
    }

    @Test func datedValuesMustBeInOrder() {
        let errors = Fixtures.errors(Fixtures.header.replacingOccurrences(
            of: "[{from: 2024-01-01, value: 800}, {from: 2024-07-01, value: 850}]",
            with: "[{from: 2024-07-01, value: 850}, {from: 2024-01-01, value: 800}]") + "rules: []\n")
        #expect(errors.first?.contains("must be in increasing 'from' order") == true)
    }

    @Test func wrongValueTypeIsAnError() {
        let errors = Fixtures.errors(Fixtures.header.replacingOccurrences(of: "default: 100", with: "default: lots") + "rules: []\n")
        #expect(errors.first?.hasPrefix("region.yaml:4:34: error: limit must be a number, not 'lots'") == true)
    }

    @Test func regionMustSetParametersWithoutDefault() {
        let errors = Fixtures.errors(Fixtures.header + """
            rules:
              - id: r
                when: param("unset") > 1
            """)
        #expect(errors.first?.hasPrefix("region.yaml:1: error: parameter 'unset' has no value") == true)
    }

    @Test func nationalParametersHaveTheirCatalogueDefaults() throws {
        let region = try Fixtures.load("""
            extends: national
            as_of: 2024-12-31
            audit_window: {from: 2024-01, to: 2024-12}
            parameters: {standard: {urban: 1, rural: 1, extreme: 1}}
            rules:
              disable: [deceased-still-paid, dual-enrollment, vehicle-owned, property-excess, business-registered,
                        deposits-over-limit, income-over-standard, official-relative, subsidy-large, overpaid, underpaid,
                        approval-late, disbursement-late, review-overdue, invalid-id]
            """)
        let d = Day(iso: "2024-12-31")!
        let p = region.parameters.settings
        #expect(p["vehicle.exempt_types"]?.value(on: d) == .value(.list(["普通二轮摩托车", "三轮汽车", "拖拉机", "残疾人专用车"].map(Value.string))))
        #expect(p["payment.tolerance"]?.value(on: d) == .value(.number(Exact(1))))
        #expect(p["deadlines.approval_workdays"]?.value(on: d) == .value(.number(Exact(15))))
        #expect(p["review.interval_months"]?.value(on: d) == .map(["A": .number(Exact(1)), "B": .number(Exact(3)), "C": .number(Exact(6))]))
        #expect(region.disabled.map(\.id).contains("vehicle-owned"))
    }
}
