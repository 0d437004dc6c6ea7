import Foundation
import HechaCore
@testable import HechaRules
import Testing

/// YAML aliases may repeat a value, never multiply a small file into billions of nodes.
struct YAMLAliasTests {
    /// A 1.6 KB region file whose last key is an alias standing for 10⁹ scalars: composing it
    /// hashed that key whole and never finished.
    static let billionLaughs: String = {
        var text = """
            # a region file that repeats a list by aliases nested nine deep
            as_of: 2024-12-31
            audit_window: {from: 2024-01, to: 2024-12}
            a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]

            """
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            let items = Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
            text += "\(name): &\(name) [\(items)]\n"
        }
        text += "? *i\n: the key above is the whole tree\n"
        text += String(repeating: "# padding to the size of the file that was reported\n", count: 19)
        return text
    }()

    @Test(.timeLimit(.minutes(1))) func billionLaughsIsRefusedAtTheAlias() {
        #expect((1_500...1_800).contains(YAMLAliasTests.billionLaughs.utf8.count))
        let started = Date()
        let errors = Fixtures.errors(YAMLAliasTests.billionLaughs)
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(errors.count == 1)
        // the alias that crosses 100,000 expanded nodes: the eighth *d, in the list of e: (line 8)
        #expect(errors.first?.hasPrefix("region.yaml:8:") == true)
        #expect(errors.first?.contains("error: YAML alias '*d' makes the file stand for more than 100000 nodes") == true)
        #expect(errors.first?.contains("hint: aliases may repeat a value, not multiply it") == true)
    }

    @Test func aliasesNestedTooDeepAreRefused() {
        var text = "as_of: 2024-12-31\nl0: &l0 x\n"
        for i in 1...25 { text += "l\(i): &l\(i) [*l\(i - 1)]\n" }
        let errors = Fixtures.errors(text)
        #expect(errors.first?.hasPrefix("region.yaml:23:") == true)
        #expect(errors.first?.contains("aliases nested more than 20 deep") == true)
    }

    @Test func aFewAliasesStillWork() throws {
        let region = try Fixtures.load("""
            as_of: 2024-12-31
            audit_window: &window {from: 2024-01, to: 2024-12}
            parameters:
              limit: {type: number, default: &hundred 100}
              kinds: {type: "[string]", default: &kinds [x, y]}
              ceiling: {type: number, default: *hundred}
              other_kinds: {type: "[string]", default: *kinds}
            rules:
              - id: r
                when: "count(household.members) * 2 > param('limit')"  # '*' inside text is not an alias
              - id: s
                when: >
                  household.per_capita_income
                    * 2 > param("limit")
            """)
        #expect(region.rules.map(\.id) == ["r", "s"])
        #expect(region.parameters.settings["ceiling"] != nil)
        #expect(region.auditFrom == Month(year: 2024, month: 1))
    }

    @Test func duplicateAliasKeysAreReportedWithoutExpanding() {
        let errors = Fixtures.errors("as_of: 2024-12-31\nbig: &big [a, b]\nm: {*big : 1, *big : 2}\n")
        #expect(errors.first?.contains("duplicate key(s) '*big'") == true)
    }
}
