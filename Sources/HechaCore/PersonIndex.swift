import Foundation

/// Normalised person id → the households (by position in the roster) where that person is a member,
/// and household id → position. Agency connectors keep only records whose key is in here.
///
/// Persons are found by the 17-digit body of their id in an open-addressing table (no String is
/// hashed, and a million persons need no dictionary of Strings); a person listed in several
/// households points into a side table.
///
/// A class: the index is built once and read by every connector's row loop, on several threads;
/// handing it around must not copy (and retain) each of its tables.
public final class PersonIndex: Sendable {
    /// Body + 1 → the one household (≥ 0), or −1 − an index into `multiple`.
    let bodies: BodyTable
    /// Ids that are not valid 18-character ids (a roster never lists them as persons; kept so the
    /// index answers for any id it was given).
    private let others: [String: Int32]
    private let multiple: [[Int]]
    /// 户编号 → the household's position in the roster.
    public let householdByID: [String: Int]
    /// The same, looked up by the id's bytes (``household(utf8:)``).
    private let householdTable: HouseholdTable
    /// The number of distinct persons indexed (a person in several households counts once).
    public let personCount: Int

    /// Collects memberships, then makes the index.
    struct Builder {
        var bodies: BodyTable
        var others: [String: Int32] = [:]
        var multiple: [[Int]] = []
        var count = 0

        /// `capacity`: at least the number of persons to be added.
        init(capacity: Int) { bodies = BodyTable(capacity: capacity) }

        /// Records that person `id` is a member of household `household` (once per household).
        mutating func add(_ id: String, household: Int) {
            if let body = PersonIndex.body(id) {
                add(body: body, household: household)
            } else if let code = merged(others[id], household: household) {
                others[id] = code
            }
        }

        /// The same for a valid id given by its 17-digit body.
        mutating func add(body: UInt64, household: Int) {
            if let code = merged(bodies.value(body + 1), household: household) { bodies.set(body + 1, code) }
        }

        /// The code to store for a person whose code is `existing` (nil: not seen yet) and who is
        /// also a member of `household`; nil when the code stays as it is.
        private mutating func merged(_ existing: Int32?, household: Int) -> Int32? {
            guard let h = existing else {
                count += 1
                return Int32(household)
            }
            if h >= 0 {
                guard Int(h) != household else { return nil }
                multiple.append([Int(h), household])
                return -Int32(multiple.count)
            }
            if multiple[Int(-1 - h)].last != household { multiple[Int(-1 - h)].append(household) }
            return nil
        }

        func index(householdByID: [String: Int]) -> PersonIndex {
            PersonIndex(bodies: bodies, others: others, multiple: multiple, householdByID: householdByID, personCount: count)
        }
    }

    private init(bodies: BodyTable, others: [String: Int32], multiple: [[Int]], householdByID: [String: Int], personCount: Int) {
        self.bodies = bodies
        self.others = others
        self.multiple = multiple
        self.householdByID = householdByID
        householdTable = HouseholdTable(householdByID)
        self.personCount = personCount
    }

    /// An index from lists of household positions by person id, and positions by 户编号: for tests and tools.
    public convenience init(householdsByPerson: [String: [Int]], householdByID: [String: Int]) {
        var builder = Builder(capacity: householdsByPerson.count)
        for (id, list) in householdsByPerson {
            for h in list { builder.add(id, household: h) }
        }
        self.init(bodies: builder.bodies, others: builder.others, multiple: builder.multiple,
                  householdByID: householdByID, personCount: builder.count)
    }

    /// The 17-digit body of a valid 18-character id (digits, then the correct check character).
    static func body(_ id: String) -> UInt64? {
        var id = id
        return id.withUTF8 { u -> UInt64? in
            guard u.count == 18 else { return nil }
            var body: UInt64 = 0
            var sum = 0
            for k in 0..<17 {
                let d = u[k] &- 0x30
                guard d <= 9 else { return nil }
                body = body * 10 + UInt64(d)
                sum += Int(d) * PersonIndex.weights[k]
            }
            return PersonIndex.checks[sum % 11] == u[17] ? body : nil
        }
    }

    /// The valid 18-character id with this 17-digit body: the digits, then its check character
    /// (``body(_:)`` of it gives `body` back).
    static func id(body: UInt64) -> String {
        precondition(body < 100_000_000_000_000_000, "an id body has 17 digits")
        var digits = [UInt8](repeating: 0x30, count: 18)
        var rest = body, sum = 0
        for k in (0..<17).reversed() {
            let d = Int(rest % 10)
            rest /= 10
            digits[k] = 0x30 + UInt8(d)
            sum += d * weights[k]
        }
        digits[17] = checks[sum % 11]
        return String(decoding: digits, as: UTF8.self)
    }

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checks = Array("10X98765432".utf8)

    private func code(_ id: String) -> Int32? {
        if let body = PersonIndex.body(id) { return bodies.value(body + 1) }
        return others[id]
    }

    /// The positions in the roster of the households where the person with this normalised id is
    /// a member (empty when not on the roster).
    public func households(ofPerson id: String) -> [Int] {
        guard let h = code(id) else { return [] }
        return h >= 0 ? [Int(h)] : multiple[Int(-1 - h)]
    }

    /// Whether the person with this normalised id is a member of any household of the roster.
    public func containsPerson(_ id: String) -> Bool { code(id) != nil }

    /// Whether the valid id with this 17-digit body is on the roster.
    @inline(__always)
    public func containsPerson(body: UInt64) -> Bool { bodies.contains(body + 1) }
    /// Whether a household with this 户编号 is on the roster.
    public func containsHousehold(_ id: String) -> Bool { householdByID[id] != nil }

    /// The roster's own String of the household whose 户编号 is the UTF-8 `bytes` (so that what
    /// keeps it shares the roster's storage), or nil when no household of the roster has it.
    @inline(__always)
    public func household(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? { householdTable.household(bytes) }

    /// The roster's own String of the household with this 户编号, or nil when it is not on the roster.
    public func household(named id: String) -> String? { householdByID.index(forKey: id).map { householdByID[$0].key } }
}

/// A set of non-zero 64-bit keys with open addressing and a multiplicative hash: the person
/// index is probed once for every row of every agency file, so this lookup is kept cheap.
///
/// Most probes are for people not on the roster (tens of millions of vehicle owners), and the
/// table of a city's roster is larger than the processor's caches; a bitmap of about eight bits
/// per key answers most of those probes "no" from memory that stays cached.
struct BodyTable: @unchecked Sendable {
    /// Slots, values and bitmap in one block of memory (see ``TableMemory``); written only while
    /// the index is built, read-only once it is shared.
    private let memory: TableMemory
    private let slots: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<Int32>
    private let filter: UnsafeMutablePointer<UInt64>
    private let mask: Int
    private var used = 0
    private let shift: UInt64
    private let filterShift: UInt64

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        // at least 8 bits per key, a power of two
        var bits = 1024
        while bits < capacity * 8 { bits <<= 1 }
        memory = TableMemory(bytes: bits / 8 + size * 8 + size * 4)
        filter = memory.base.bindMemory(to: UInt64.self, capacity: bits / 64)
        slots = (memory.base + bits / 8).bindMemory(to: UInt64.self, capacity: size)
        values = (memory.base + bits / 8 + size * 8).bindMemory(to: Int32.self, capacity: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        filterShift = UInt64(64 - bits.trailingZeroBitCount)
    }

    @inline(__always) private func start(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }
    /// A second, independent hash for the bitmap.
    @inline(__always) private func bit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> filterShift) }

    /// Sets the value of `key`, adding it when absent. The table never grows: it is made for a
    /// known number of keys.
    mutating func set(_ key: UInt64, _ value: Int32) {
        precondition(key != 0)
        let b = bit(key)
        filter[b >> 6] |= 1 << UInt64(b & 63)
        var i = start(key)
        while slots[i] != 0 && slots[i] != key { i = (i + 1) & mask }
        if slots[i] == 0 {
            used += 1
            precondition(used * 2 <= mask + 1, "more keys than the table was made for")
        }
        slots[i] = key
        values[i] = value
    }

    /// The value of `key`, or nil when absent.
    func value(_ key: UInt64) -> Int32? {
        var i = start(key)
        while slots[i] != 0 {
            if slots[i] == key { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        let b = bit(key)
        guard filter[b >> 6] & (1 << UInt64(b & 63)) != 0 else { return false }
        var i = start(key)
        while true {
            let k = slots[i]
            if k == key { return true }
            if k == 0 { return false }
            i = (i + 1) & mask
        }
    }
}

/// Zeroed memory for a large lookup table that is probed at random (the person index: tens of
/// millions of probes while agency files stream through the caches). On Linux it is mapped on
/// 2 MiB pages where the system allows (`MADV_HUGEPAGE`), so a probe does not also miss the
/// address translation cache; elsewhere, or when that fails, it is ordinary zeroed memory.
final class TableMemory: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    private let mapping: (start: UnsafeMutableRawPointer, length: Int)?

    init(bytes: Int) {
        #if os(Linux)
        let huge = 2 << 20
        let length = (bytes + huge - 1) / huge * huge + huge
        if bytes >= huge / 2, let start = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            start != UnsafeMutableRawPointer(bitPattern: -1) {
            // a huge page must start on a 2 MiB boundary: use the mapping from the first one
            let aligned = (Int(bitPattern: start) + huge - 1) / huge * huge
            _ = madvise(UnsafeMutableRawPointer(bitPattern: aligned), length - (aligned - Int(bitPattern: start)), MADV_HUGEPAGE)
            base = UnsafeMutableRawPointer(bitPattern: aligned)!
            mapping = (start, length)
            return
        }
        #endif
        base = calloc(max(bytes, 1), 1)!
        mapping = nil
    }

    deinit {
        #if os(Linux)
        if let mapping {
            munmap(mapping.start, mapping.length)
            return
        }
        #endif
        free(base)
    }
}
