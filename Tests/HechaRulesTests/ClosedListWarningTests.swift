import HechaCore
@testable import HechaRules
import Testing

/// A comparison with a value a closed-list field never takes is a warning with its place.
struct ClosedListWarningTests {
    func warnings(_ when: String) throws -> [String] {
        let region = try Fixtures.load(Fixtures.header + """
            rules:
              - id: probe
                when: \(when)
            """)
        return region.warnings.map(\.description)
    }

    @Test func aValueOutsideTheListIsAWarningWithItsPlaceAndTheNearOne() throws {
        let w = try warnings("household.program == \"特困\"")
        #expect(w.count == 1)
        #expect(w.first?.contains("region.yaml:11:32: warning: '特困' is never a value of program (城市低保 | 农村低保 | 特困供养), so '==' here is always false; did you mean '特困供养'?") == true,
                "\(w)")
    }

    @Test func listsLambdasAndNotEqualAreChecked() throws {
        #expect(try warnings("household.status in [\"在保\", \"暂停\"]").count == 1)
        #expect(try warnings("any(household.members, m -> m.household != \"x\") and household.category != \"D\"").first?.contains("always true") == true)
    }

    @Test func valuesOnTheListAndOpenFieldsAreQuiet() throws {
        #expect(try warnings("household.program == \"特困供养\" and household.status in [\"在保\", \"停保\"]").isEmpty)
        #expect(try warnings("household.town == \"任何镇\"").isEmpty)
    }
}
