import ConnectorKit
@testable import ConnectorTesting
import Testing

/// The JSON Lines the conformance suite writes for a connector to read are valid JSON whatever
/// the text: control characters are escaped, as in every JSON line Hecha writes.
struct ConformanceJSONTextTests {
    @Test func controlCharactersInAFieldAreEscaped() {
        #expect(JSONLinesConformance.text([("名称", .string("a\u{1}b\"c\n"))]) == #"{"名称": "a\u0001b\"c\n"}"#)
    }
}
