import Foundation
import HechaCore
@testable import HechaRules
import Testing

/// The built-in functions are described once, in their family's file: the registry is what the
/// checker and the interpreter consult, and the rule-language documentation lists every entry.
struct BuiltinRegistryTests {
    @Test func everyBuiltinIsNamedOnceAndItsSignatureShowsHowToCallIt() {
        let names = BuiltinRegistry.all.map(\.name)
        #expect(Set(names).count == names.count)
        for f in BuiltinRegistry.all {
            #expect(f.signature.hasPrefix(f.name + "("), "\(f.name): \(f.signature)")
            #expect(BuiltinRegistry.named(f.name)?.name == f.name)
        }
        #expect(BuiltinRegistry.reservedNames.contains("param"))
    }

    @Test func theRuleLanguageDocumentationListsEveryBuiltin() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rulesets/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for f in BuiltinRegistry.all {
            #expect(text.contains("`\(f.name)("), "rulesets/README.md does not document \(f.name)")
        }
    }

    @Test func aCallIsCheckedByItsFamilysTypeRule() {
        // the type rule of days_between (DateBuiltins) names the argument and shows the signature
        let e = Fixtures.errors(Fixtures.header + """
            rules:
              - id: r
                when: days_between(household.enrolled, household.town) > 3
            """).first ?? "(no error)"
        #expect(e == "region.yaml:11:54: error: the second argument of days_between must be a date, not text\n  hint: days_between(a, b): calendar days from a to b")
    }
}
