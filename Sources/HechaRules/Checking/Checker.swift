import HechaCore

/// A named expression written in YAML: a rule's `let` entry or a ruleset's `functions` entry.
/// `name(a, b)` keys take parameters; plain `name` keys are values computed once per subject.
struct FunctionDefinition: Sendable {
    var name: String
    var parameters: [String]
    var body: Expr
    var source: ExpressionSource
    var definedAt: SourceLocation
    /// A ruleset's `functions:` entry (shared by every rule), not a rule's `let:`. Its body sees
    /// only its parameters, the globals and other shared functions — never a rule's `let` — so
    /// its value depends only on its arguments and the household (or member) evaluated.
    var shared: Bool = false
}

/// What a rule is evaluated for: one finding at most per household, per member or per application.
public enum Subject: String, Sendable, CaseIterable {
    /// Each household of the roster; each member of it; each of its applications.
    case household, member, application
}

/// Type-checks parsed expressions and resolves them into `Term`s. Every problem is a `Diagnostic`
/// at the exact place in the YAML file, with a did-you-mean where a near name exists.
struct Checker {
    let catalog: FactCatalog
    let parameters: ParameterSet
    let functions: [String: FunctionDefinition]
    var lets: [String: FunctionDefinition] = [:]
    let subject: Subject

    var scopes: [[String: (slot: Int, type: ValueType)]] = [[:]]
    private(set) var slotCount = 0
    var lazyCache: [String: (node: Term, type: ValueType, height: Int)] = [:]
    /// The functions and `let` values being expanded, outermost first.
    var expanding: [String] = []
    /// How many expressions deep the one being compiled is, counting through the functions and
    /// `let` values it expands; `deepest` is the most reached since it was last reset.
    var depth = 0
    var deepest = 0
    /// The deepest a rule's expression may be once its functions are expanded. Evaluating
    /// recurses once per level, so this bound keeps evaluation far from the end of a thread's stack.
    static let maximumDepth = 1_000
    /// When set, shared functions without parameters already checked (by this or an earlier
    /// checker of the same subject) are not checked again: their type and height are looked up and
    /// a placeholder term stands for them. For checking definitions on their own, never for rules.
    var checkedShared: [String: (type: ValueType, height: Int)]? = nil
    /// With `checkedShared`: the depth at which each shared function was found too deep to expand,
    /// so that the functions calling it fail at once instead of going down the chain again.
    var tooDeepShared: [String: Int] = [:]
    var source: ExpressionSource
    /// Warnings about checked expressions (a comparison that can never hold); they do not stop a run.
    var warnings: [Diagnostic] = []
    /// Connector ids whose facts the checked expressions read.
    private(set) var usedSources: Set<String> = []
    /// The fields the checked expressions read, as "record.field" (`payment.month`).
    var usedFields: Set<String> = []
    /// Parameters the checked expressions read.
    private(set) var usedParameters: Set<String> = []
    /// The record type of `application`: that of the collection the ruleset's `data.applications`
    /// names; nil when it names none (no rule can then be about an application).
    var applicationRecord: String? = nil
    /// What the ruleset says about the data, for the error when `applicationRecord` is nil.
    var data = DataVocabulary()

    /// A number for each shared function, the same in every rule of a region (they share values).
    let sharedIDs: [String: Int]

    /// `sharedIDs`: ``Checker/numbering(_:)`` of `functions`, when the caller has it already.
    init(catalog: FactCatalog, parameters: ParameterSet, functions: [String: FunctionDefinition],
         subject: Subject, source: ExpressionSource, sharedIDs: [String: Int]? = nil) {
        self.catalog = catalog
        self.parameters = parameters
        self.sharedIDs = sharedIDs ?? Checker.numbering(functions)
        self.functions = functions
        self.subject = subject
        self.source = source
    }

    /// A number for each shared function: its place in name order.
    static func numbering(_ functions: [String: FunctionDefinition]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: functions.keys.sorted().enumerated().map { ($1, $0) })
    }

    // MARK: entry points

    /// Parses and checks one expression text from YAML; `expected` is the type it must have.
    mutating func check(_ src: ExpressionSource, expecting expected: ValueType?, what: String) throws(Diagnostic) -> (Term, ValueType) {
        let saved = source
        source = src
        defer { source = saved }
        let expr: Expr
        do {
            expr = try Parser.parse(src.text)
        } catch {
            throw Diagnostic.error("syntax error: \(error.message)", at: src.location(at: error.offset), hint: error.hint)
        }
        let (node, type) = try compile(expr)
        if let expected, !type.fits(expected) {
            throw Diagnostic.error("\(what) must be \(Checker.describe(expected)), but this expression is \(Checker.describe(type))",
                                   at: src.location(at: expr.start),
                                   hint: expected == .bool ? "a condition compares values, e.g. 'x >= param(\"vehicle.min_price\")'" : nil)
        }
        return (node, type)
    }

    static func parse(_ src: ExpressionSource) throws(Diagnostic) -> Expr {
        do {
            return try Parser.parse(src.text)
        } catch {
            throw Diagnostic.error("syntax error: \(error.message)", at: src.location(at: error.offset), hint: error.hint)
        }
    }

    static func describe(_ t: ValueType) -> String {
        switch t {
        case .bool: return "a condition (true/false)"
        case .number: return "a number"
        case .string: return "text"
        case .date: return "a date"
        case .month: return "a month"
        case .list(let e): return "a list of \(describe(e))"
        case .map(let e): return "a map of \(describe(e))"
        case .record(let n): return "a \(n) record"
        case .any: return "anything"
        }
    }

    // MARK: helpers

    func fail(_ message: String, _ offset: Int, hint: String? = nil) -> Diagnostic {
        .error(message, at: source.location(at: offset), hint: hint)
    }

    func location(_ offset: Int) -> SourceLocation { source.location(at: offset) }

    mutating func newSlot() -> Int { slotCount += 1; return slotCount - 1 }

    func lookupLocal(_ name: String) -> (slot: Int, type: ValueType)? {
        for scope in scopes.reversed() { if let v = scope[name] { return v } }
        return nil
    }

    var visibleNames: [String] {
        var names = scopes.flatMap { $0.keys }
        names += lets.keys
        names += functions.keys
        names += Global.allCases.map(\.rawValue)
        return names
    }

    func unify(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        if a == .any { return b }
        if b == .any { return a }
        if case .list(let x) = a, case .list(let y) = b, let u = unify(x, y) { return .list(u) }
        return nil
    }

    // MARK: compile

    mutating func compile(_ e: Expr) throws(Diagnostic) -> (Term, ValueType) {
        depth += 1
        defer { depth -= 1 }
        if depth > Checker.maximumDepth { throw tooDeep(e.offset) }
        deepest = max(deepest, depth)
        return try compileNode(e)
    }

    /// Whether `d` is the error of ``tooDeep(_:)``.
    static func isTooDeep(_ d: Diagnostic) -> Bool { d.message.contains("levels deep here") }

    /// The error for an expression that is nested too deeply, naming the chain of functions that led there.
    func tooDeep(_ offset: Int) -> Diagnostic {
        var chain = ""
        if !expanding.isEmpty {
            let names = expanding.count <= 6 ? expanding : Array(expanding.prefix(3)) + ["…"] + Array(expanding.suffix(3))
            chain = ", counting the \(expanding.count) function(s) and let value(s) it goes through (\(names.joined(separator: " → ")))"
        }
        return fail("the expression is nested more than \(Checker.maximumDepth) levels deep here\(chain)", offset,
                    hint: "a chain of functions that each call the previous one is limited to a few hundred; compute the value in fewer steps")
    }

    mutating func compileNode(_ e: Expr) throws(Diagnostic) -> (Term, ValueType) {
        switch e {
        case .literal(let v, _):
            switch v {
            case .bool: return (.constant(v), .bool)
            case .number: return (.constant(v), .number)
            case .string: return (.constant(v), .string)
            case .date: return (.constant(v), .date)
            case .month: return (.constant(v), .month)
            default: return (.constant(v), .any)
            }

        case .name(let name, let offset):
            return try compileName(name, offset)

        case .list(let items, let offset):
            var nodes: [Term] = []
            var type: ValueType = .any
            for item in items {
                let (n, t) = try compile(item)
                guard let u = unify(type, t) else {
                    throw fail("list elements must all have one type: \(Checker.describe(type)) and \(Checker.describe(t)) are mixed", item.offset)
                }
                type = u
                nodes.append(n)
            }
            _ = offset
            if nodes.allSatisfy({ if case .constant = $0 { return true } else { return false } }) {
                let values = nodes.map { n -> Value in if case .constant(let v) = n { return v } else { return .unknown } }
                return (.constant(.list(values)), .list(type))
            }
            return (.list(nodes), .list(type))

        case .field(let base, let name, let offset):
            let (b, bt) = try compile(base)
            return try compileField(b, bt, name, offset)

        case .index(let base, let key, let offset):
            if case .call("param", let args, let callOffset) = base {
                let (name, declared, date) = try compileParamCall(args, callOffset)
                guard case .map(let valueType) = declared else {
                    throw fail("parameter '\(name)' is not a map and cannot be indexed", offset)
                }
                let (k, kt) = try compile(key)
                guard kt.fits(.string) else {
                    throw fail("a map parameter is indexed by text, not \(Checker.describe(kt))", key.offset)
                }
                return (.paramEntry(name, parameters.settings[name], key: k, date: date, at: location(callOffset)), valueType)
            }
            let (b, bt) = try compile(base)
            let (k, kt) = try compile(key)
            guard case .list(let elem) = bt else {
                throw fail("only lists and map parameters can be indexed; this is \(Checker.describe(bt))", offset)
            }
            guard kt.fits(.number) else { throw fail("a list index must be a number", key.offset) }
            return (.listIndex(b, k), elem)

        case .call(let name, let args, let offset):
            if name == "param" {
                let (pname, type, date) = try compileParamCall(args, offset)
                if case .map = type {
                    throw fail("parameter '\(pname)' is a map: pick one entry with param(\"\(pname)\")[key]", offset)
                }
                // an undated value read on as_of is the same for every household: look it up once
                if date == nil, let setting = parameters.settings[pname], !setting.isDated, let entry = setting.entries.first,
                    case .value(let v) = entry.data {
                    return (.fixedParameter(pname, v, definedAt: entry.at), type)
                }
                return (.param(pname, parameters.settings[pname], date: date, at: location(offset)), type)
            }
            if let def = lets[name] ?? functions[name] {
                return try expand(def, args: args, offset: offset)
            }
            guard let builtin = BuiltinRegistry.named(name) else {
                let candidates = BuiltinRegistry.reservedNames + Array(lets.keys) + Array(functions.keys)
                throw fail("unknown function '\(name)'\(NameSuggestion.didYouMean(name, in: candidates))", offset,
                           hint: "functions are the built-ins (see rulesets/README.md) and the ruleset's `functions:`")
            }
            return try compileBuiltin(builtin, args, offset)

        case .lambda(_, _, let offset):
            throw fail("a function 'x -> …' can only be passed to a built-in such as any(list, x -> …)", offset)

        case .unary(let op, let operand, let offset):
            let (n, t) = try compile(operand)
            if op == "not" {
                guard t.fits(.bool) else { throw fail("'not' needs a condition, not \(Checker.describe(t))", offset) }
                return (.not(n), .bool)
            }
            guard t.fits(.number) else { throw fail("'-' needs a number, not \(Checker.describe(t))", offset) }
            return (.negate(n), .number)

        case .binary(let op, let l, let r, let offset):
            return try compileBinary(op, l, r, offset)

        case .isUnknown(let operand, let negated, _):
            let (n, _) = try compile(operand)
            return (.isUnknown(n, negated: negated), .bool)

        case .conditional(let c, let a, let b, let offset):
            let (cn, ct) = try compile(c)
            guard ct.fits(.bool) else { throw fail("the condition of 'if' must be true/false, not \(Checker.describe(ct))", c.offset) }
            let (an, at) = try compile(a)
            let (bn, bt) = try compile(b)
            guard let t = unify(at, bt) else {
                throw fail("both branches of 'if' must have one type: \(Checker.describe(at)) and \(Checker.describe(bt))", offset)
            }
            return (.conditional(cn, an, bn), t)
        }
    }

    mutating func compileName(_ name: String, _ offset: Int) throws(Diagnostic) -> (Term, ValueType) {
        if let local = lookupLocal(name) { return (.slot(local.slot), local.type) }
        if let def = lets[name] ?? functions[name] {
            if !def.parameters.isEmpty {
                throw fail("'\(name)' is a function of \(def.parameters.count) argument(s): call it as \(name)(\(def.parameters.joined(separator: ", ")))", offset)
            }
            return try expand(def, args: [], offset: offset)
        }
        if let g = Global(rawValue: name) {
            switch g {
            case .household: return (.global(g), .record("household"))
            case .member:
                guard subject == .member else {
                    throw fail("'member' is only available in rules with applies_to: member", offset,
                               hint: "use household.members, or set applies_to: member")
                }
                return (.global(g), .record("member"))
            case .application:
                guard subject == .application else {
                    throw fail("'application' is only available in rules with applies_to: application", offset,
                               hint: "use household.applications, or set applies_to: application")
                }
                guard let applicationRecord else {
                    let problem = data.unknownApplications(in: catalog)
                    throw fail(problem.message, offset, hint: problem.hint)
                }
                return (.global(g), .record(applicationRecord))
            case .asOf: return (.global(g), .date)
            case .auditFrom, .auditTo: return (.global(g), .month)
            case .auditMonths: return (.global(g), .list(.month))
            }
        }
        if BuiltinRegistry.reservedNames.contains(name) {
            throw fail("'\(name)' is a function: call it with arguments, \(name)(…)", offset)
        }
        throw fail("unknown name '\(name)'\(NameSuggestion.didYouMean(name, in: visibleNames))", offset,
                   hint: "names are household, member, application, as_of, audit_from, audit_to, audit_months, the rule's `let:` and the ruleset's `functions:`")
    }

    mutating func compileField(_ b: Term, _ bt: ValueType, _ name: String, _ offset: Int) throws(Diagnostic) -> (Term, ValueType) {
        var recordName: String
        var onList = false
        switch bt {
        case .record(let r): recordName = r
        case .list(.record(let r)): recordName = r; onList = true
        default:
            throw fail("'.\(name)': \(Checker.describe(bt)) has no fields", offset)
        }
        guard let schema = catalog.schemas[recordName] else {
            throw fail("unknown record type '\(recordName)'", offset)
        }
        guard let i = schema.index(of: name) else {
            throw fail("'\(recordName)' has no field '\(name)'\(NameSuggestion.didYouMean(name, in: schema.fields.map(\.name)))", offset,
                       hint: "its fields are: " + schema.fields.map(\.name).joined(separator: ", "))
        }
        if let src = catalog.collectionSources["\(recordName).\(name)"] { usedSources.insert(src) }
        usedFields.insert("\(recordName).\(name)")
        let ft = schema.fields[i].type
        if onList {
            if case .list = ft { return (.fieldOfEach(b, i, flatten: true), ft) }
            return (.fieldOfEach(b, i, flatten: false), .list(ft))
        }
        return (.field(b, i), ft)
    }

    mutating func compileParamCall(_ args: [Expr], _ offset: Int) throws(Diagnostic) -> (String, ValueType, Term?) {
        guard (1...2).contains(args.count), case .literal(.string(let name), let nameOffset) = args[0] else {
            throw fail("param takes the parameter's name in quotes and optionally a date: param(\"vehicle.min_price\") or param(\"standard.urban\", date)", offset)
        }
        guard let decl = parameters.declarations[name] else {
            throw fail("unknown parameter '\(name)'\(NameSuggestion.didYouMean(name, in: parameters.order))", nameOffset,
                       hint: "parameters are declared in the base ruleset's `parameters:`; a region may add its own under `declare:`")
        }
        usedParameters.insert(name)
        var date: Term?
        if args.count == 2 {
            let (d, dt) = try compile(args[1])
            guard dt.fits(.date) else {
                throw fail("the second argument of param is the date the value must be in force on, not \(Checker.describe(dt))", args[1].offset)
            }
            date = d
        }
        return (name, decl.type, date)
    }
}
