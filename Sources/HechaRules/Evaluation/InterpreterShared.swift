import HechaCore

/// Shared functions remembered per household, and parameters looked up with the date in force.
extension Interpreter {
    /// A shared function: its value (and the evidence it noted) is kept per household in the
    /// frame's ``SharedValues`` and reused by every rule.
    func compileShared(_ name: String, _ id: Int, _ arguments: [(slot: Int, value: Term)], _ body: @escaping Code) -> Code {
        let slots = arguments.map(\.slot)
        switch arguments.count {
        case 0:
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                if let v = Interpreter.reuse(f.shared?.value(id), &f) { return v }
                let mark = f.evidence.count
                let result = try Interpreter.call(name, [], [], body, &f)
                f.shared?.store(id, result, f.evidence(since: mark))
                return result
            }
        case 1:
            // one argument (a month, a day): a short list per function, no hashing
            let slot = slots[0], value = compile(arguments[0].value)
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                let argument = try value(&f)
                if let v = Interpreter.reuse(f.shared?.value(id, argument), &f) { return v }
                let mark = f.evidence.count
                let result = try Interpreter.call(name, slot, argument, body, &f)
                f.shared?.store(id, argument, result, f.evidence(since: mark))
                return result
            }
        default:
            let values = arguments.map { compile($0.value) }
            return { (f: inout Frame) throws(EvaluationError) -> Value in
                var bound: [Value] = []
                bound.reserveCapacity(values.count)
                for v in values { bound.append(try v(&f)) }
                let key = SharedValues.Key(id: id, arguments: bound)
                if let v = Interpreter.reuse(f.shared?.calls[key], &f) { return v }
                let mark = f.evidence.count
                let result = try Interpreter.call(name, slots, bound, body, &f)
                f.shared?.calls[key] = (result, f.evidence(since: mark))
                return result
            }
        }
    }

    /// A shared value already computed for the household, when it can serve: always while no
    /// evidence is collected; while collecting, only when it was computed collecting (its evidence
    /// is then noted again).
    @inline(__always)
    static func reuse(_ hit: SharedValues.Entry?, _ f: inout Frame) -> Value? {
        guard let hit else { return nil }
        if !f.collecting { return hit.value }
        guard let evidence = hit.evidence else { return nil }
        f.evidence.append(contentsOf: evidence)
        return hit.value
    }

    /// Evaluates a function's body with its one argument bound (and traced when explaining).
    static func call(_ name: String, _ slot: Int, _ value: Value, _ body: Code, _ f: inout Frame) throws(EvaluationError) -> Value {
        let saved = f.slots[slot]
        f.slots[slot] = value
        defer { f.slots[slot] = saved }
        guard f.trace != nil else { return try body(&f) }
        let depth = f.trace?.depth ?? 0
        f.trace?.depth += 1
        let result = try body(&f)
        f.trace?.depth = depth
        f.trace?.events.append(TraceEvent(kind: .function, name: name, arguments: [value], value: result, depth: depth))
        return result
    }

    /// Evaluates a function's body with its arguments bound (and traced when explaining).
    static func call(_ name: String, _ slots: [Int], _ values: [Value], _ body: Code, _ f: inout Frame) throws(EvaluationError) -> Value {
        var saved: [Value?] = []
        saved.reserveCapacity(slots.count)
        for (slot, v) in zip(slots, values) {
            saved.append(f.slots[slot])
            f.slots[slot] = v
        }
        defer { for (slot, old) in zip(slots, saved) { f.slots[slot] = old } }
        guard f.trace != nil else { return try body(&f) }
        let depth = f.trace?.depth ?? 0
        f.trace?.depth += 1
        let result = try body(&f)
        f.trace?.depth = depth
        f.trace?.events.append(TraceEvent(kind: slots.isEmpty ? .value : .function, name: name, arguments: values, value: result, depth: depth))
        return result
    }

    /// The date a dated parameter is read on.
    func parameterDate(_ name: String, _ value: Value, _ at: SourceLocation) throws(EvaluationError) -> Day {
        guard case .date(let d) = value else {
            throw EvaluationError(message: "the date for parameter '\(name)' is unknown", location: at)
        }
        return d
    }

    func parameter(_ name: String, _ setting: ParameterSetting?, _ date: Day, _ at: SourceLocation,
                           _ f: inout Frame) throws(EvaluationError) -> ParameterData {
        guard let setting else {
            throw EvaluationError(message: "parameter '\(name)' has no value; set it under parameters: in the region file", location: at)
        }
        guard let data = setting.value(on: date) else {
            let first = setting.entries.first?.from.map { "\($0)" } ?? "?"
            throw EvaluationError(message: "parameter '\(name)' has no value in force on \(date) (its first value is from \(first), \(setting.definedAt)); add an entry that covers this date", location: at,
                                  cause: "parameter '\(name)' is read on dates before its first value, which is from \(first) (\(setting.definedAt)); add an entry from the start of the audit window or earlier, or begin the window on \(first)")
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
}
