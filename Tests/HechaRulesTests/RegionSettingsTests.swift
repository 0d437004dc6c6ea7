import Foundation
import HechaCore
@testable import HechaRules
import Testing

/// Mistakes in a region file's own settings are configuration errors with their place and the fix.
struct RegionSettingsTests {
    @Test func anUnknownKeyInASourceEntrySuggestsTheNearOne() {
        let e = Fixtures.errors(Fixtures.header + """
            sources:
              civil-affairs: {path: data/civil-affairs, encodng: gb18030}
            """)
        #expect(e == ["""
            region.yaml:10:45: error: unknown key 'encodng' in source 'civil-affairs'; did you mean 'encoding'?
              hint: a source entry's keys are: path, encoding, outside_region, command, timeout_seconds
            """])
    }

    @Test func aConnectorsOwnOptionKeysAreAccepted() throws {
        var loader = RegionLoader(rulesetsDirectory: Fixtures.rulesets, catalog: Fixtures.catalog)
        loader.sourceOptionKeys = ["civil-affairs": ["sheet"]]
        let region = try loader.load(regionPath: Fixtures.file("region.yaml", Fixtures.header + """
            sources:
              civil-affairs: {path: data/civil-affairs, encoding: gb18030, sheet: 2}
            """))
        #expect(region.sources.first?.options == ["sheet": "2"])
        #expect(region.sources.first?.encoding == "gb18030")
    }

    @Test func anImpossibleDateSaysWhichDayIsImpossible() {
        #expect(Fixtures.errors(Fixtures.header.replacingOccurrences(of: "as_of: 2024-12-31", with: "as_of: 2024-06-31")).first == """
            region.yaml:1:8: error: as_of '2024-06-31' is not a date: June has 30 days
              hint: correct the day; dates are written YYYY-MM-DD
            """)
        #expect(Fixtures.errors(Fixtures.header.replacingOccurrences(of: "as_of: 2024-12-31", with: "as_of: 2023-02-29")).first?
            .contains("error: as_of '2023-02-29' is not a date: 2023 is not a leap year: February 2023 has 28 days") == true)
        #expect(Day.whyImpossible("2024-13-01") == "there is no month 13: months go from 01 to 12")
        #expect(Day.whyImpossible("2024-02-29") == nil)
        let inRule = Fixtures.errors(Fixtures.header + """
            rules:
              - id: r
                when: household.enrolled < 2024-04-31
            """)
        #expect(inRule.first?.contains("error: syntax error: '2024-04-31' is not a valid date: April has 30 days") == true)
    }

    @Test func asOfOutsideTheCalendarIsAnError() throws {
        let text = Fixtures.header.replacingOccurrences(of: "as_of: 2024-12-31", with: "as_of: 2031-01-15\ncalendar: china")
        #expect(Fixtures.errors(text).first == """
            region.yaml:1:8: error: as_of 2031-01-15 is outside the calendar 'china', which covers 2023 to 2026
              hint: choose a date in those years, or add the year 2031 to the calendar file
            """)
        let loader = RegionLoader(rulesetsDirectory: Fixtures.rulesets, catalog: Fixtures.catalog)
        let path = Fixtures.file("region.yaml", Fixtures.header.replacingOccurrences(of: "as_of: 2024-12-31", with: "as_of: 2024-12-31\ncalendar: china"))
        #expect(throws: DiagnosticList.self) { try loader.load(regionPath: path, asOf: Day(iso: "2022-06-30")) }
        #expect(try loader.load(regionPath: path, asOf: Day(iso: "2025-06-30")).asOf == Day(iso: "2025-06-30"))
    }
}

/// Likely mistakes that do not stop a run are warnings, kept with the loaded region.
struct RegionWarningTests {
    @Test func aMapKeyOutsideTheDeclaredOnesIsAWarning() throws {
        let base = Fixtures.file("base.yaml", """
            ruleset: base
            parameters:
              review.interval_months: {type: "{number}", default: {A: 1, B: 3, C: 6}}
            """)
        let region = URL(fileURLWithPath: base).deletingLastPathComponent().appendingPathComponent("region.yaml").path
        try """
            extends: base.yaml
            as_of: 2024-12-31
            audit_window: {from: 2024-01, to: 2024-12}
            parameters:
              review: {interval_months: {B: 2, D: 3}}
            """.write(toFile: region, atomically: true, encoding: .utf8)
        let loaded = try RegionLoader(rulesetsDirectory: Fixtures.rulesets, catalog: Fixtures.catalog).load(regionPath: region)
        #expect(loaded.warnings.count == 1)
        let w = try #require(loaded.warnings.first)
        #expect(w.severity == .warning)
        #expect(w.message == "parameter 'review.interval_months' has no key 'D' in its declaration; its keys are A, B, C")
        #expect(w.location?.line == 5 && w.location?.column == 36)
    }
}
