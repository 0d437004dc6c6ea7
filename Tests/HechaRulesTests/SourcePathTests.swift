import HechaCore
import HechaRules
import Testing

/// A source folder outside the region file's folder must be allowed explicitly.
struct SourcePathTests {
    @Test func aRelativePathLeadingOutsideTheRegionIsRefusedUnlessAllowed() throws {
        let errors = Fixtures.errors(Fixtures.header + "sources:\n  civil-affairs: {path: ../../../../etc}\n")
        #expect(errors.contains { $0.contains("the path '../../../../etc' of source 'civil-affairs' leads outside the region file's folder")
            && $0.contains("outside_region: true") && !$0.contains("passwd") })
        for entry in ["{path: ../../../../etc, outside_region: true}", "{path: /etc}", "{path: data/../inside}"] {
            let text = Fixtures.header + "sources:\n  civil-affairs: \(entry)\n"
            #expect(!Fixtures.errors(text).contains { $0.contains("leads outside") }, "\(entry)")
        }
    }
}
