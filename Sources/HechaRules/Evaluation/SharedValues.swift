import HechaCore

/// Values of shared functions already computed for one household (and the evidence each noted),
/// reused by every rule evaluated for it.
final class SharedValues {
    struct Key: Hashable {
        var id: Int
        var arguments: [Value]
    }
    /// A value, with the evidence it noted when it was computed while collecting evidence (nil
    /// when it was computed without).
    typealias Entry = (value: Value, evidence: [SourceRef]?)
    /// Parameterless shared functions, by id.
    var values: [Entry?] = []
    /// Shared functions with arguments.
    var calls: [Key: Entry] = [:]
    /// Steady lists grouped by a field (``ListGroup``), by site number.
    var groups: [ListGroup?] = []

    func value(_ id: Int) -> Entry? {
        id < values.count ? values[id] : nil
    }

    func store(_ id: Int, _ value: Value, _ evidence: [SourceRef]?) {
        if id >= values.count { values.append(contentsOf: repeatElement(nil, count: id + 1 - values.count)) }
        values[id] = (value, evidence)
    }

    /// Shared functions of one argument, by id: their arguments and entries in the order computed.
    /// A household calls each for a dozen months at most, so a scan of the arguments beats hashing;
    /// months, days and truth values are scanned as integers (``quickKey(_:)``).
    var singleArguments: [[Value]] = []
    var singleKeys: [[Int]] = []
    var singleEntries: [[Entry]] = []

    /// An integer that identifies a month, a day or a truth value (the kind in the low bits);
    /// `noKey` for other values, which are compared as values.
    @inline(__always)
    static func quickKey(_ v: Value) -> Int {
        switch v {
        case .month(let m): return Int(m.ordinal) << 2 | 1
        case .date(let d): return Int(d.ordinal) << 2 | 2
        case .bool(let b): return (b ? 4 : 0) | 3
        default: return noKey
        }
    }
    static let noKey = 0

    func index(_ id: Int, _ argument: Value) -> Int? {
        let key = SharedValues.quickKey(argument)
        if key != SharedValues.noKey { return singleKeys[id].firstIndex(of: key) }
        return singleArguments[id].firstIndex(of: argument)
    }

    func value(_ id: Int, _ argument: Value) -> Entry? {
        guard id < singleArguments.count, let i = index(id, argument) else { return nil }
        return singleEntries[id][i]
    }

    func store(_ id: Int, _ argument: Value, _ value: Value, _ evidence: [SourceRef]?) {
        if id >= singleArguments.count {
            singleArguments.append(contentsOf: repeatElement([], count: id + 1 - singleArguments.count))
            singleKeys.append(contentsOf: repeatElement([], count: id + 1 - singleKeys.count))
            singleEntries.append(contentsOf: repeatElement([], count: id + 1 - singleEntries.count))
        }
        if let i = index(id, argument) {
            singleEntries[id][i] = (value, evidence)
        } else {
            singleArguments[id].append(argument)
            singleKeys[id].append(SharedValues.quickKey(argument))
            singleEntries[id].append((value, evidence))
        }
    }

    /// Forgets every value (for the next household), keeping the storage.
    func reset() {
        for i in values.indices { values[i] = nil }
        for i in singleArguments.indices where !singleArguments[i].isEmpty {
            singleArguments[i].removeAll(keepingCapacity: true)
            singleKeys[i].removeAll(keepingCapacity: true)
            singleEntries[i].removeAll(keepingCapacity: true)
        }
        if !calls.isEmpty { calls.removeAll(keepingCapacity: true) }
        for i in groups.indices { groups[i] = nil }
    }
}
