import ConnectorKit
import HechaCore
import TestSupport
import Testing

/// `row.household(_:in:)` looks a plainly written 户编号 up by its bytes; on every form of the field
/// it must answer exactly as `row.text(_:)` followed by `index.containsHousehold(_:)`, and give the
/// roster's own id.
struct HouseholdLookupTests {
    /// Households of several id lengths (short ones are Swift's small strings, long ones are not).
    static let households = (0..<300).map { n -> String in
        switch n % 4 {
        case 0: return "H\(n)"
        case 1: return "4201020130\(String(format: "%06d", n))"
        case 2: return "户编号-\(n)-武汉市江岸区"
        default: return String(repeating: "9", count: 1 + n % 40) + "\(n)"
        }
    }
    static let index = PersonIndex(householdsByPerson: [:],
                                   householdByID: Dictionary(uniqueKeysWithValues: households.enumerated().map { ($1, $0) }))

    /// The field in one of its forms: on the roster or not, plain, padded, quoted, full-width, empty.
    static func field(_ r: inout SplitMix64) -> String {
        let id = r.next(below: 3) == 0 ? "X" + households[r.next(below: households.count)] : households[r.next(below: households.count)]
        switch r.next(below: 10) {
        case 0: return " \(id)\u{3000}"
        case 1: return "\"\(id)\""
        case 2: return "\"\(id.prefix(2))\"\"\(id.dropFirst(2))\""
        case 3: return ""
        case 4: return "  "
        case 5: return String(id.dropLast())
        default: return id
        }
    }

    @Test func theByteLookupAgreesWithTextAndTheDictionary() throws {
        var r = SplitMix64(seed: 20_261_202)
        let lines = (0..<2_000).map { _ in "\(Self.field(&r)),1" }
        let folder = try TempFolder(files: ["p.csv": "户编号,金额\n" + lines.joined(separator: "\n") + "\n"])
        let file = try SourceConfig(id: "civil-affairs", path: folder.path, displayPath: "d").openCSV("p.csv", required: ["户编号", "金额"])
        var outcomes: [String: Int] = [:]
        _ = try file.readRows(into: SourceReport(sourceID: "civil-affairs")) { row throws(RowReject) -> RowDecision<Int> in
            let general: String?
            do throws(RowReject) {
                let text = try row.text("户编号")
                general = Self.index.containsHousehold(text) ? text : nil
            } catch { general = "✗ \(error.reason)" }
            let fast: String?
            do throws(RowReject) { fast = try row.household("户编号", in: Self.index) } catch { fast = "✗ \(error.reason)" }
            #expect(fast == general, "line \(row.line): \(row.field("户编号") ?? "")")
            outcomes[fast == nil ? "unmatched" : fast!.hasPrefix("✗") ? "rejected" : "found", default: 0] += 1
            return .unmatched
        }
        // every outcome was exercised
        #expect(outcomes["found", default: 0] > 500 && outcomes["unmatched", default: 0] > 300 && outcomes["rejected", default: 0] > 100, "\(outcomes)")
    }

    @Test func theLookupGivesTheRostersOwnString() {
        for id in Self.households {
            var copy = String(decoding: Array(id.utf8), as: UTF8.self)   // the same text in storage of its own
            let found = copy.withUTF8 { Self.index.household(utf8: $0) }
            #expect(found == id)
            #expect(Self.index.household(named: id) == id)
        }
        var missing = "H-not-there"
        #expect(missing.withUTF8 { Self.index.household(utf8: $0) } == nil)
        #expect(PersonIndex(householdsByPerson: [:], householdByID: [:]).household(named: "H1") == nil)
    }
}
