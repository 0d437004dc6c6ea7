import HechaCore
import Synchronization

/// Lists selected by one field's equality with a value, many times over for one household
/// (`paid(m)`: `filter(household.payments, p -> p.month == m)` for each month of the audit window):
/// the field's values are turned into integers once per household and list, and each call then
/// compares integers instead of applying its lambda to every record.
///
/// Only lists whose value is the same for every rule and subject of a household (``SteadyList``)
/// are grouped, and only fields holding months, days or truth values, all of one kind (see
/// ``SharedValues/quickKey(_:)``); any other list is read element by element as before, so the
/// result, the evidence noted and the unknowns are exactly those of the general path.
indirect enum SteadyList: Hashable, Sendable {
    /// `household`
    case household
    /// A field of a steady record: `household.payments`.
    case field(SteadyList, Int)
    /// A field of each record of a steady list: `coresident.vehicles`.
    case each(SteadyList, Int, flatten: Bool)
    /// A shared function without arguments (`coresident`), which depends only on the household.
    case shared(Int)
}

extension Term {
    /// The term as a ``SteadyList`` when its value depends on the household alone; nil otherwise
    /// (it reads a member, an application, a `let`, a lambda's or a function's parameter, …).
    var steadyList: SteadyList? {
        switch self {
        case .global(.household): return .household
        case .field(let base, let i): return base.steadyList.map { .field($0, i) }
        case .fieldOfEach(let base, let i, let flatten): return base.steadyList.map { .each($0, i, flatten: flatten) }
        case .shared(_, let id, let arguments, _) where arguments.isEmpty: return .shared(id)
        default: return nil
        }
    }
}

/// Numbers for the grouped selections of one evaluation: one per steady list and field, the same
/// for every rule that selects that list by that field, so that their groups are shared.
final class ListGroupSites: Sendable {
    private struct Site: Hashable {
        var list: SteadyList
        var field: Int
    }
    private let numbers = Mutex<[Site: Int]>([:])

    /// The number of `list` selected by element field `field`.
    func number(_ list: SteadyList, field: Int) -> Int {
        numbers.withLock { numbers in
            let site = Site(list: list, field: field)
            if let n = numbers[site] { return n }
            numbers[site] = numbers.count
            return numbers.count - 1
        }
    }
}

/// The integer keys of one steady list's field, per element, once per household.
struct ListGroup {
    /// ``SharedValues/quickKey(_:)`` of each element's field, in the list's order.
    var keys: [Int]
    /// The kind every key has (its two low bits); -1 when the list cannot be grouped (an element
    /// that is not a record, a field that is unknown or of another type, or of mixed kinds).
    var kind: Int

    /// The keys of `items`' field `field`.
    init(_ items: [Value], field: Int) {
        keys = []
        keys.reserveCapacity(items.count)
        kind = -1
        for (n, item) in items.enumerated() {
            guard case .record(let r) = item else { keys = []; kind = -1; return }
            let key = SharedValues.quickKey(r.fields[field])
            guard key != SharedValues.noKey, n == 0 || key & 3 == kind else { keys = []; kind = -1; return }
            kind = key & 3
            keys.append(key)
        }
    }

    /// The key of `value` when every element's field can be compared with it as an integer; nil
    /// when the selection must apply its lambda element by element.
    @inline(__always)
    func key(of value: Value) -> Int? {
        let key = SharedValues.quickKey(value)
        guard kind >= 0, key != SharedValues.noKey, key & 3 == kind else { return nil }
        return key
    }
}

extension SharedValues {
    /// The group of `items` (the value of the steady list numbered `site`) by element field
    /// `field`: made at the first call for the household, reused by every later one.
    func group(_ site: Int, _ items: [Value], field: Int) -> ListGroup {
        if site < groups.count, let g = groups[site], g.keys.count == items.count || g.kind < 0 { return g }
        if site >= groups.count { groups.append(contentsOf: repeatElement(nil, count: site + 1 - groups.count)) }
        let g = ListGroup(items, field: field)
        groups[site] = g
        return g
    }
}

extension Interpreter {
    /// The site of a selection `call` whose lambda compares an element's field for equality and
    /// whose list is steady; nil when it cannot be grouped.
    func groupSite(_ call: CompiledCall) -> (site: Int, field: Int)? {
        guard let lambda = call.lambda, case .compareField(let field, .equal, _) = lambda.shape,
              let list = call.args.first?.steadyList else { return nil }
        return (groupSites.number(list, field: field), field)
    }

    /// The grouped keys for one call: the household's group and the key of the compared value,
    /// when the call can be answered from them (not explaining, the list groupable, the value of
    /// the same kind).
    @inline(__always)
    static func grouped(_ site: (site: Int, field: Int)?, _ applier: Applier, _ items: [Value],
                        _ f: inout Frame) -> (keys: [Int], key: Int)? {
        guard let site, case .compareField(_, .equal, let other) = applier, let shared = f.shared else { return nil }
        let group = shared.group(site.site, items, field: site.field)
        guard let key = group.key(of: other) else { return nil }
        return (group.keys, key)
    }
}
