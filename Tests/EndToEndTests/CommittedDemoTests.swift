import Foundation
import Testing

/// The committed demo region cannot drift from its generator.
@Suite(.serialized) struct CommittedDemoTests {
    @Test func rulesetsRegionsDemoIsThePresetByteForByte() throws {
        let (_, _, _, dir) = try DemoPresetTests.generated.get()
        let committed = Repository.path("rulesets/regions/demo")
        let hand = ["report.png"]  // kept by hand: the README's picture of the report
        #expect(DemoPresetTests.files(under: committed).filter { !hand.contains($0) } == DemoPresetTests.files(under: dir),
                "rulesets/regions/demo holds other files than the preset writes")
        for f in DemoPresetTests.files(under: dir) {
            #expect(FileManager.default.contentsEqual(atPath: committed + "/" + f, andPath: dir + "/" + f),
                    "rulesets/regions/demo/\(f) differs from `hecha generate --preset demo`: regenerate it")
        }
    }
}
