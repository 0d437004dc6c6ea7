import HechaCore

/// A problem that stops one rule for one subject: a parameter with no value in force on a date,
/// a date outside the calendar, a division by zero.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?
    public var description: String { (location.map { "\($0): " } ?? "") + message }
}

/// Run-wide values every evaluation sees.
struct EvaluationContext: Sendable {
    var asOf: Day
    var auditFrom: Month
    var auditTo: Month
    var auditMonths: Value
    var parameters: ParameterSet
    var calendar: WorkdayCalendar?
}

/// One step of an evaluation, recorded when tracing (`hecha explain`): a value computed, a
/// function called with its arguments, a parameter looked up with the date it was in force.
public struct TraceEvent: Sendable {
    public enum Kind: String, Sendable { case value, function, parameter }
    public var kind: Kind
    public var name: String
    public var arguments: [Value]
    public var value: Value
    /// Nesting: steps a value depended on come before it, one level deeper.
    public var depth: Int
    /// For parameters: the `from` of the entry in force (nil for an undated value) and where it is set.
    public var inForceFrom: Day? = nil
    public var definedAt: SourceLocation? = nil
}

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
    private var values: [Entry?] = []
    /// Shared functions with arguments.
    var calls: [Key: Entry] = [:]

    func value(_ id: Int) -> Entry? {
        id < values.count ? values[id] : nil
    }

    func store(_ id: Int, _ value: Value, _ evidence: [SourceRef]?) {
        if id >= values.count { values.append(contentsOf: repeatElement(nil, count: id + 1 - values.count)) }
        values[id] = (value, evidence)
    }

    /// Shared functions of one argument, by id: their arguments and entries in the order computed.
    /// A household calls each for a dozen months at most, so a scan of the arguments beats hashing.
    private var singleArguments: [[Value]] = []
    private var singleEntries: [[Entry]] = []

    func value(_ id: Int, _ argument: Value) -> Entry? {
        guard id < singleArguments.count, let i = singleArguments[id].firstIndex(of: argument) else { return nil }
        return singleEntries[id][i]
    }

    func store(_ id: Int, _ argument: Value, _ value: Value, _ evidence: [SourceRef]?) {
        if id >= singleArguments.count {
            singleArguments.append(contentsOf: repeatElement([], count: id + 1 - singleArguments.count))
            singleEntries.append(contentsOf: repeatElement([], count: id + 1 - singleEntries.count))
        }
        if let i = singleArguments[id].firstIndex(of: argument) {
            singleEntries[id][i] = (value, evidence)
        } else {
            singleArguments[id].append(argument)
            singleEntries[id].append((value, evidence))
        }
    }

    /// Forgets every value (for the next household), keeping the storage.
    func reset() {
        for i in values.indices { values[i] = nil }
        for i in singleArguments.indices where !singleArguments[i].isEmpty {
            singleArguments[i].removeAll(keepingCapacity: true)
            singleEntries[i].removeAll(keepingCapacity: true)
        }
        if !calls.isEmpty { calls.removeAll(keepingCapacity: true) }
    }
}

/// The trace of one evaluation.
struct Trace {
    var events: [TraceEvent] = []
    var depth = 0
}

/// The state of one evaluation (one rule, one subject): slots, and the evidence collected so far.
///
/// Evidence is collected only when `collecting`: the evaluator first decides every rule without
/// it (most subjects fire nothing) and evaluates again, collecting, for a subject that fires.
struct Frame {
    var slots: [Value?]
    var evidence: [SourceRef] = []
    var collecting = true
    /// Non-nil when the evaluation is being explained.
    var trace: Trace? = nil
    /// Shared function values of the household being evaluated.
    var shared: SharedValues? = nil
    var household: Value
    var member: Value = .unknown
    var application: Value = .unknown

    init(slotCount: Int, household: Value) {
        slots = Array(repeating: nil, count: slotCount)
        self.household = household
    }

    /// Forgets the evidence noted since `mark` (the count of evidence before a sub-condition).
    @inline(__always)
    mutating func dropEvidence(from mark: Int) {
        if evidence.count > mark { evidence.removeSubrange(mark...) }
    }

    mutating func note(_ v: Value) {
        if collecting, case .record(let r) = v, let s = r.source { evidence.append(s) }
    }
}

/// Evaluates resolved expressions with Kleene logic: `unknown` (an empty optional field) makes
/// comparisons unknown; `and`/`or` follow three-valued logic; a condition fires only when true.
///
/// Evidence: records selected by `any`, `filter`, `count`, `sum`, `min_by`, … are noted; what was
/// noted while evaluating a sub-condition that turned out false is dropped again, so a finding
/// cites the records that made its condition true.
struct Interpreter {
    let context: EvaluationContext

    func eval(_ node: Term, _ f: inout Frame) throws(EvaluationError) -> Value {
        switch node {
        case .constant(let v): return v
        case .slot(let i): return f.slots[i] ?? .unknown
        case .lazySlot(let i, let body, let name):
            if let v = f.slots[i] { return v }
            let depth = f.trace?.depth ?? 0
            f.trace?.depth += 1
            let v = try eval(body, &f)
            f.trace?.depth = depth
            f.slots[i] = v
            f.trace?.events.append(TraceEvent(kind: .value, name: name, arguments: [], value: v, depth: depth))
            return v
        case .shared(let name, let id, let arguments, let body):
            if arguments.isEmpty {
                if let hit = f.shared?.value(id) {
                    if !f.collecting { return hit.value }
                    if let evidence = hit.evidence {
                        f.evidence.append(contentsOf: evidence)
                        return hit.value
                    }
                }
                let mark = f.evidence.count
                let result = try call(name, arguments, [], body, &f)
                f.shared?.store(id, result, f.collecting ? Array(f.evidence[mark...]) : nil)
                return result
            }
            if arguments.count == 1 {
                // one argument (a month, a day): a short list per function, no hashing
                let argument = try eval(arguments[0].value, &f)
                if let hit = f.shared?.value(id, argument) {
                    if !f.collecting { return hit.value }
                    if let evidence = hit.evidence {
                        f.evidence.append(contentsOf: evidence)
                        return hit.value
                    }
                }
                let mark = f.evidence.count
                let result = try call(name, arguments, [argument], body, &f)
                f.shared?.store(id, argument, result, f.collecting ? Array(f.evidence[mark...]) : nil)
                return result
            }
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for a in arguments { values.append(try eval(a.value, &f)) }
            let key = SharedValues.Key(id: id, arguments: values)
            if let hit = f.shared?.calls[key] {
                if !f.collecting { return hit.value }
                if let evidence = hit.evidence {
                    f.evidence.append(contentsOf: evidence)
                    return hit.value
                }
            }
            let mark = f.evidence.count
            let result = try call(name, arguments, values, body, &f)
            f.shared?.calls[key] = (result, f.collecting ? Array(f.evidence[mark...]) : nil)
            return result
        case .function(let name, let arguments, let body):
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for a in arguments { values.append(try eval(a.value, &f)) }
            return try call(name, arguments, values, body, &f)
        case .global(let g):
            switch g {
            case .household: return f.household
            case .member: return f.member
            case .application: return f.application
            case .asOf: return .date(context.asOf)
            case .auditFrom: return .month(context.auditFrom)
            case .auditTo: return .month(context.auditTo)
            case .auditMonths: return context.auditMonths
            }
        case .field(let base, let i):
            guard case .record(let r) = try eval(base, &f) else { return .unknown }
            return r.fields[i]
        case .fieldOfEach(let base, let i, let flatten):
            guard case .list(let items) = try eval(base, &f) else { return .unknown }
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items {
                guard case .record(let r) = item else { continue }
                let v = r.fields[i]
                if flatten, case .list(let inner) = v { out.append(contentsOf: inner) } else if !flatten { out.append(v) }
            }
            return .list(out)
        case .param(let name, let dateNode, let at):
            let data = try parameter(name, dateNode, at, &f)
            if case .value(let v) = data { return v }
            return .unknown
        case .fixedParameter(let name, let value, let definedAt):
            if f.trace != nil {
                let depth = f.trace?.depth ?? 0
                f.trace?.events.append(TraceEvent(kind: .parameter, name: name, arguments: [.date(context.asOf)], value: value,
                                                  depth: depth, inForceFrom: nil, definedAt: definedAt))
            }
            return value
        case .paramEntry(let name, let keyNode, let dateNode, let at):
            let data = try parameter(name, dateNode, at, &f)
            guard case .string(let key) = try eval(keyNode, &f) else { return .unknown }
            guard case .map(let m) = data else { return .unknown }
            guard let v = m[key] else {
                throw EvaluationError(message: "parameter '\(name)' has no entry for '\(key)' (it has: \(m.keys.sorted().joined(separator: ", ")))", location: at)
            }
            return v
        case .listIndex(let base, let index):
            guard case .list(let items) = try eval(base, &f), case .number(let n) = try eval(index, &f),
                let i = n.intValue, i >= 0, i < items.count
            else { return .unknown }
            return items[i]
        case .list(let nodes):
            var out: [Value] = []
            for n in nodes { out.append(try eval(n, &f)) }
            return .list(out)
        case .not(let n):
            switch try eval(n, &f) {
            case .bool(let b): return .bool(!b)
            default: return .unknown
            }
        case .and(let l, let r):
            let mark = f.evidence.count
            let a = try eval(l, &f)
            if case .bool(false) = a { f.dropEvidence(from: mark); return .bool(false) }
            let b = try eval(r, &f)
            if case .bool(false) = b { f.dropEvidence(from: mark); return .bool(false) }
            if case .bool(true) = a, case .bool(true) = b { return .bool(true) }
            f.dropEvidence(from: mark)
            return .unknown
        case .or(let l, let r):
            let mark = f.evidence.count
            let a = try eval(l, &f)
            if case .bool(true) = a { return .bool(true) }
            f.dropEvidence(from: mark)
            let b = try eval(r, &f)
            if case .bool(true) = b { return .bool(true) }
            f.dropEvidence(from: mark)
            if case .bool(false) = a, case .bool(false) = b { return .bool(false) }
            return .unknown
        case .compare(let op, let l, let r):
            let a = try eval(l, &f), b = try eval(r, &f)
            guard let c = Interpreter.compare(a, b) else { return .unknown }
            switch op {
            case "==": return .bool(c == 0)
            case "!=": return .bool(c != 0)
            case "<": return .bool(c < 0)
            case "<=": return .bool(c <= 0)
            case ">": return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        case .arithmetic(let op, let l, let r, let at):
            guard case .number(let a) = try eval(l, &f), case .number(let b) = try eval(r, &f) else { return .unknown }
            switch op {
            case "+": return .number(a + b)
            case "-": return .number(a - b)
            case "*": return .number(a * b)
            default:
                guard let q = a.divided(by: b) else { throw EvaluationError(message: "division by zero", location: at) }
                return .number(q)
            }
        case .negate(let n):
            guard case .number(let a) = try eval(n, &f) else { return .unknown }
            return .number(-a)
        case .membership(let l, let r, let negated):
            let a = try eval(l, &f)
            guard !a.isUnknown, case .list(let items) = try eval(r, &f) else { return .unknown }
            let found = items.contains { Interpreter.compare(a, $0) == 0 }
            return .bool(found != negated)
        case .isUnknown(let n, let negated):
            return .bool(try eval(n, &f).isUnknown != negated)
        case .conditional(let c, let a, let b):
            if case .bool(true) = try eval(c, &f) { return try eval(a, &f) }
            return try eval(b, &f)
        case .call(let builtin, let args, let lambda, let at):
            return try call(builtin, args, lambda, at, &f)
        }
    }

    /// Evaluates a function's body with its arguments bound (and traced when explaining).
    private func call(_ name: String, _ arguments: [(slot: Int, value: Term)], _ values: [Value], _ body: Term,
                      _ f: inout Frame) throws(EvaluationError) -> Value {
        var saved: [Value?] = []
        saved.reserveCapacity(arguments.count)
        for (a, v) in zip(arguments, values) {
            saved.append(f.slots[a.slot])
            f.slots[a.slot] = v
        }
        defer { for (a, old) in zip(arguments, saved) { f.slots[a.slot] = old } }
        let depth = f.trace?.depth ?? 0
        f.trace?.depth += 1
        let result = try eval(body, &f)
        f.trace?.depth = depth
        f.trace?.events.append(TraceEvent(kind: arguments.isEmpty ? .value : .function, name: name, arguments: values, value: result, depth: depth))
        return result
    }

    private func parameter(_ name: String, _ dateNode: Term?, _ at: SourceLocation, _ f: inout Frame) throws(EvaluationError) -> ParameterData {
        var date = context.asOf
        if let dateNode {
            guard case .date(let d) = try eval(dateNode, &f) else {
                throw EvaluationError(message: "the date for parameter '\(name)' is unknown", location: at)
            }
            date = d
        }
        guard let setting = context.parameters.settings[name] else {
            throw EvaluationError(message: "parameter '\(name)' has no value; set it under parameters: in the region file", location: at)
        }
        guard let data = setting.value(on: date) else {
            let first = setting.entries.first?.from.map { "\($0)" } ?? "?"
            throw EvaluationError(message: "parameter '\(name)' has no value in force on \(date) (its first value is from \(first), \(setting.definedAt)); add an entry that covers this date", location: at)
        }
        if f.trace != nil {
            let entry = setting.entries.last { ($0.from ?? date) <= date } ?? setting.entries[0]
            let shown: Value
            switch data {
            case .value(let v): shown = v
            case .map(let m): shown = .list(m.keys.sorted().map { .string("\($0): \(m[$0]!)") })
            }
            let depth = f.trace?.depth ?? 0
            f.trace?.events.append(TraceEvent(kind: .parameter, name: name, arguments: [.date(date)], value: shown,
                                              depth: depth, inForceFrom: entry.from, definedAt: entry.at))
        }
        return data
    }

    /// Orders two known values of one type; `nil` when either is unknown or they cannot be compared.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.month(let x), .month(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.unknown, _), (_, .unknown): return nil
        default: return a == b ? 0 : nil
        }
    }

    private func apply(_ lambda: Lambda, _ v: Value, _ f: inout Frame) throws(EvaluationError) -> Value {
        f.slots[lambda.slot] = v
        return try eval(lambda.body, &f)
    }

    private func call(_ b: Builtin, _ args: [Term], _ lambda: Lambda?, _ at: SourceLocation, _ f: inout Frame) throws(EvaluationError) -> Value {
        func list(_ i: Int) throws(EvaluationError) -> [Value]? {
            if case .list(let l) = try eval(args[i], &f) { return l }
            return nil
        }
        switch b {
        case .any:
            guard let items = try list(0), let lambda else { return .unknown }
            var sawUnknown = false
            for item in items {
                let mark = f.evidence.count
                switch try apply(lambda, item, &f) {
                case .bool(true): f.note(item); return .bool(true)
                case .bool(false): break
                default: sawUnknown = true
                }
                f.dropEvidence(from: mark)
            }
            return sawUnknown ? .unknown : .bool(false)
        case .all:
            guard let items = try list(0), let lambda else { return .unknown }
            var sawUnknown = false
            for item in items {
                switch try apply(lambda, item, &f) {
                case .bool(true): f.note(item)
                case .bool(false): return .bool(false)
                default: sawUnknown = true
                }
            }
            return sawUnknown ? .unknown : .bool(true)
        case .filter, .count:
            guard let items = try list(0) else { return .unknown }
            guard let lambda else {
                for item in items { f.note(item) }
                return .number(Exact(items.count))
            }
            var kept: [Value] = []
            for item in items {
                let mark = f.evidence.count
                if case .bool(true) = try apply(lambda, item, &f) {
                    f.note(item)
                    kept.append(item)
                } else {
                    f.dropEvidence(from: mark)
                }
            }
            return b == .filter ? .list(kept) : .number(Exact(kept.count))
        case .sum:
            guard let items = try list(0) else { return .unknown }
            var total = Exact.zero
            for item in items {
                let v = try lambda.map { (l) throws(EvaluationError) -> Value in try apply(l, item, &f) } ?? item
                guard case .number(let n) = v else { return .unknown }
                f.note(item)
                total = total + n
            }
            return .number(total)
        case .min, .max:
            if lambda == nil && args.count == 2 {
                let x = try eval(args[0], &f), y = try eval(args[1], &f)
                guard let c = Interpreter.compare(x, y) else { return .unknown }
                return (b == .min) == (c <= 0) ? x : y
            }
            guard let items = try list(0), !items.isEmpty else { return .unknown }
            var best: Value?
            for item in items {
                let v = try lambda.map { (l) throws(EvaluationError) -> Value in try apply(l, item, &f) } ?? item
                guard !v.isUnknown else { return .unknown }
                if let cur = best, let c = Interpreter.compare(v, cur) {
                    if (b == .min && c < 0) || (b == .max && c > 0) { best = v }
                } else if best == nil {
                    best = v
                }
            }
            return best ?? .unknown
        case .minBy, .maxBy:
            guard let items = try list(0), let lambda else { return .unknown }
            var best: (item: Value, key: Value)?
            for item in items {
                let k = try apply(lambda, item, &f)
                guard !k.isUnknown else { continue }
                if let cur = best, let c = Interpreter.compare(k, cur.key) {
                    if (b == .minBy && c < 0) || (b == .maxBy && c > 0) { best = (item, k) }
                } else if best == nil {
                    best = (item, k)
                }
            }
            guard let best else { return .unknown }
            f.note(best.item)
            return best.item
        case .map:
            guard let items = try list(0), let lambda else { return .unknown }
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try apply(lambda, item, &f)) }
            return .list(out)
        case .distinct:
            guard let items = try list(0) else { return .unknown }
            var seen = Set<Value>()
            var out: [Value] = []
            for item in items where seen.insert(item).inserted { out.append(item) }
            return .list(out)
        case .first, .last:
            guard let items = try list(0), let item = (b == .first ? items.first : items.last) else { return .unknown }
            f.note(item)
            return item
        case .months:
            guard case .month(let a) = try eval(args[0], &f), case .month(let c) = try eval(args[1], &f) else { return .unknown }
            var out: [Value] = []
            var m = a
            while m <= c { out.append(.month(m)); m = m.adding(1) }
            return .list(out)
        case .month:
            guard case .date(let d) = try eval(args[0], &f) else { return .unknown }
            return .month(d.month)
        case .year:
            switch try eval(args[0], &f) {
            case .date(let d): return .number(Exact(d.year))
            case .month(let m): return .number(Exact(m.year))
            default: return .unknown
            }
        case .firstDay, .lastDay:
            guard case .month(let m) = try eval(args[0], &f) else { return .unknown }
            return .date(b == .firstDay ? m.firstDay : m.lastDay)
        case .addMonths:
            let v = try eval(args[0], &f)
            guard case .number(let n) = try eval(args[1], &f) else { return .unknown }
            guard let k = n.intValue else { throw EvaluationError(message: "add_months needs a whole number of months, not \(n)", location: at) }
            switch v {
            case .date(let d): return .date(d.adding(months: k))
            case .month(let m): return .month(m.adding(k))
            default: return .unknown
            }
        case .addDays:
            guard case .date(let d) = try eval(args[0], &f), case .number(let n) = try eval(args[1], &f) else { return .unknown }
            guard let k = n.intValue else { throw EvaluationError(message: "add_days needs a whole number of days, not \(n)", location: at) }
            return .date(d.adding(days: k))
        case .daysBetween:
            guard case .date(let a) = try eval(args[0], &f), case .date(let c) = try eval(args[1], &f) else { return .unknown }
            return .number(Exact(Int(c.ordinal - a.ordinal)))
        case .workdays:
            guard case .date(let a) = try eval(args[0], &f), case .date(let c) = try eval(args[1], &f) else { return .unknown }
            guard let calendar = context.calendar else {
                throw EvaluationError(message: "workdays needs a calendar; name one with `calendar:` in the region file", location: at)
            }
            do {
                return .number(Exact(try calendar.workdays(from: a, to: c)))
            } catch {
                throw EvaluationError(message: error.description, location: at)
            }
        case .round:
            guard case .number(let x) = try eval(args[0], &f), case .number(let p) = try eval(args[1], &f) else { return .unknown }
            guard let places = p.intValue, (0...10).contains(places) else {
                throw EvaluationError(message: "round needs 0…10 decimal places, not \(p)", location: at)
            }
            return .number(x.rounded(places: places))
        case .abs:
            guard case .number(let x) = try eval(args[0], &f) else { return .unknown }
            return .number(x.isNegative ? -x : x)
        case .coalesce:
            let x = try eval(args[0], &f)
            return x.isUnknown ? try eval(args[1], &f) : x
        case .param:
            return .unknown
        }
    }
}
