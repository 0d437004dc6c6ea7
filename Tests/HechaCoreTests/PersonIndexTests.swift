import HechaCore
import Testing

/// The person index answers exactly like a set of the roster's ids, with and without Strings.
struct PersonIndexTests {
    /// An 18-character id for a 17-digit body, with its check character.
    static func id(body: UInt64) -> String {
        let digits = Array(String(body).utf8)
        let padded = [UInt8](repeating: 0x30, count: 17 - digits.count) + digits
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(padded, weights).reduce(0) { $0 + Int($1.0 - 0x30) * $1.1 }
        return String(decoding: padded + [Array("10X98765432".utf8)[sum % 11]], as: UTF8.self)
    }

    @Test func membershipMatchesASetOfTheRostersIds() {
        var rng = SystemRandomNumberGenerator()
        var bodies = Set<UInt64>()
        while bodies.count < 20_000 { bodies.insert(UInt64.random(in: 42_010_219_000_000_000...42_010_220_999_999_999, using: &rng)) }
        var byPerson: [String: [Int]] = [:]
        for (i, b) in bodies.enumerated() { byPerson[Self.id(body: b), default: []].append(i % 7) }
        byPerson[Self.id(body: bodies.first!)]!.append(99)   // someone in two households
        let index = PersonIndex(householdsByPerson: byPerson, householdByID: [:])
        #expect(index.personCount == bodies.count)
        for b in bodies {
            #expect(index.containsPerson(body: b))
            #expect(index.containsPerson(Self.id(body: b)))
        }
        var misses = 0
        for _ in 0..<200_000 {
            let b = UInt64.random(in: 42_010_219_000_000_000...42_010_220_999_999_999, using: &rng)
            #expect(index.containsPerson(body: b) == bodies.contains(b))
            if !bodies.contains(b) { misses += 1 }
        }
        #expect(misses > 0)
        #expect(index.households(ofPerson: Self.id(body: bodies.first!)).last == 99)
        #expect(index.households(ofPerson: "nobody").isEmpty)
    }
}
