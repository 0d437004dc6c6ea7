import HechaCore
@testable import HechaRules
import Testing

/// A rule's `show:`, `verify:` and `concerned:`: the decisive values a finding carries.
struct ShowTests {
    /// Evaluates the region's rules on one household (one member P1) with these vehicle prices.
    func findings(_ rules: String, prices: [Int]) throws -> [Finding] {
        let region = try Fixtures.load(Fixtures.header + rules)
        let roster = Fixtures.oneHouseholdRoster()
        let facts = FactStore()
        for (i, price) in prices.enumerated() {
            facts.add(Record(schema: Fixtures.vehicle, fields: [.string("小型轿车"), .string("正常"), .number(Exact(price))],
                             source: SourceRef(source: "vehicle-registry", file: "v.csv", line: i + 2)), collection: "vehicles", key: "P1")
        }
        let result = Evaluator(region: region).evaluate(roster: roster, facts: facts, configuredSources: ["vehicle-registry", "civil-affairs"])
        #expect(result.failures.isEmpty)
        return result.findings
    }

    let carRule = """
        rules:
          - id: cars
            let:
              cars: filter(household.members.vehicles, v -> v.price >= param("limit"))
            when: count(cars) > 0
            verify: 核实车辆是否仍在名下
            concerned: first(household.members).id
            show:
              车辆: cars
              合计: sum(cars, v -> v.price) / 3
              户主: {value: household.head_name, personal: true}
              有车: count(cars) > 0
        """

    @Test func recordsAreShownFieldByFieldAndNumbersToTheFen() throws {
        let f = try #require(try findings(carRule, prices: [150, 50, 250]).first)
        #expect(f.details.map(\.label) == ["车辆1·type", "车辆1·status", "车辆1·price", "车辆2·type", "车辆2·status", "车辆2·price",
                                         "合计", "户主", "有车"])
        #expect(f.details.map(\.text) == ["小型轿车", "正常", "150", "小型轿车", "正常", "250", "133.33", "A", "是"])
        #expect(f.details.first { $0.label == "户主" }?.personal == true)
        #expect(f.details.first { $0.label == "合计" }?.personal == false)
        #expect(f.concerned == "P1")
        // the shown values are not evidence: only the two cars over the limit are cited
        #expect(f.evidence.map(\.line) == [2, 4])
    }

    @Test func oneRecordIsShownWithoutANumber() throws {
        let f = try #require(try findings(carRule, prices: [150]).first)
        #expect(f.details.prefix(3).map(\.label) == ["车辆·type", "车辆·status", "车辆·price"])
    }

    @Test func theDetailsTextDependsOnTheValuesOnly() throws {
        let a = try #require(try findings(carRule, prices: [150]).first)
        let b = try #require(try findings(carRule, prices: [150, 50]).first)
        let c = try #require(try findings(carRule, prices: [150, 400]).first)
        #expect(a.detailsText == b.detailsText)
        #expect(a.detailsText != c.detailsText)
    }

    @Test func theVerifyTextIsKept() throws {
        let region = try Fixtures.load(Fixtures.header + carRule)
        #expect(region.rules[0].verify == "核实车辆是否仍在名下")
    }

    @Test func showErrorsHaveTheirPlace() {
        let errors = Fixtures.errors(Fixtures.header + """
            rules:
              - id: bad
                when: true
                show:
                  表: param("table")
                  错: household.nosuch
            """)
        #expect(errors.contains { $0.contains("region.yaml:13:10:") && $0.contains("is a map") }, "\(errors)")
        let second = Fixtures.errors(Fixtures.header + """
            rules:
              - id: bad
                when: true
                show:
                  错: household.nosuch
            """)
        #expect(second.contains { $0.contains("region.yaml:13:20:") && $0.contains("no field 'nosuch'") }, "\(second)")
    }
}
