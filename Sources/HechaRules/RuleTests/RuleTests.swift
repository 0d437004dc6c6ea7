import Foundation
import HechaCore
import Yams

/// The result of one YAML rule test case.
public struct RuleTestResult: Sendable {
    /// The test file's path as shown in messages.
    public var file: String
    /// The case's `name:`; `(file)` when the file itself could not be read or has no cases.
    public var name: String
    /// Where the case is written in the test file.
    public var location: SourceLocation
    /// The ids of the rules the case tests (its `rules:`, or the file's `rule:`).
    public var rules: [String]
    /// Whether the case ran and gave exactly the expected findings.
    public var passed: Bool
    /// Why it failed: the expected and the actual findings, or the error.
    public var message: String
    /// The same as diagnostics: the case's failure at its place, then what made it fail with
    /// their own places (for `hecha lint` and `--format json`).
    public var diagnostics: [Diagnostic] = []
}

/// Runs rule tests written in YAML (like OpenFisca's): each case gives parameter overrides,
/// households with members and facts, an as-of date, and exactly the findings expected.
///
/// ```yaml
/// extends: national
/// rule: vehicle-owned            # the rule the cases test (a case may list `rules:` instead)
/// as_of: 2024-12-31
/// audit_window: {from: 2024-01, to: 2024-12}
/// calendar: china
/// parameters: {standard: {urban: 800, rural: 600, extreme: 1040}}
/// cases:
///   - name: 正常状态的小型轿车
///     parameters: {vehicle: {min_price: 50000}}
///     households:
///       - id: H1
///         members:
///           - {id: P1, vehicles: [{type: 小型轿车, status: 正常, price: 80000}]}
///     expect: [{household: H1}]
/// ```
/// Unset household and member fields take plain defaults (在保, 城市低保, 共同生活 and 保障对象 true, …);
/// a fact's id field defaults to its member's id.
public struct RuleTestRunner: Sendable {
    /// The `rulesets/` folder that the test files' `extends:` and `calendar:` are resolved in.
    public var rulesetsDirectory: String
    /// The record types the cases' rules are checked against, as a run's are.
    public var catalog: FactCatalog
    /// Asks an out-of-process connector for its fact types (a `command:` source of the region a
    /// test extends), as a run does; without it such a region's own facts are unknown to the cases.
    public var externalSpecs: ExternalSpecProvider?

    /// A runner over the rulesets under `rulesetsDirectory`, with the facts of `catalog` (and of `command:` sources when `externalSpecs` is given).
    public init(rulesetsDirectory: String, catalog: FactCatalog, externalSpecs: ExternalSpecProvider? = nil) {
        self.rulesetsDirectory = rulesetsDirectory
        self.catalog = catalog
        self.externalSpecs = externalSpecs
    }

    static let caseKeys = ["name", "description", "rules", "as_of", "parameters", "households", "expect"]

    /// Loads every case of one test file (rules, parameters, households and facts) without
    /// evaluating: the problems found, for linting.
    public func check(file path: String) -> [Diagnostic] {
        run(file: path, evaluate: false).filter { !$0.passed }.flatMap(\.diagnostics)
    }

    /// Runs every case of one test file. A file that cannot be loaded gives one failed result.
    public func run(file path: String, displayPath: String? = nil, evaluate: Bool = true) -> [RuleTestResult] {
        let shown = displayPath ?? path
        let file: YAMLFile
        do {
            file = try YAMLFile.load(path: path, displayPath: shown)
        } catch {
            return [RuleTestResult(file: shown, name: "(file)", location: SourceLocation(file: shown, line: 0), rules: [], passed: false, message: error.description,
                                   diagnostics: error.diagnostics)]
        }
        let reader = ValueReader(file: file)
        var fileRule: [String] = []
        if let r = file.root[key: "rule"]?.scalar?.string { fileRule = [r] }
        guard let cases = file.root[key: "cases"]?.sequence, !cases.isEmpty else {
            let missing = Diagnostic.error("a rule test file needs cases: (a list of test cases)", at: SourceLocation(file: shown, line: 0))
            return [RuleTestResult(file: shown, name: "(file)", location: file.location(file.root), rules: [], passed: false,
                                   message: missing.description, diagnostics: [missing])]
        }
        var results: [RuleTestResult] = []
        for (n, c) in cases.enumerated() {
            let name = c[key: "name"]?.scalar?.string ?? "case \(n + 1)"
            let at = file.location(c)
            var rules = fileRule
            if let r = c[key: "rules"] { rules = (r.sequence.map(Array.init) ?? [r]).compactMap { $0.scalar?.string } }
            do throws(DiagnosticList) {
                let (ok, message) = try runCase(c, rules: rules, file: file, reader: reader, path: path, evaluate: evaluate)
                let failed = Diagnostic.error("case '\(name)' failed\n\(message)", at: at)
                results.append(RuleTestResult(file: shown, name: name, location: at, rules: rules, passed: ok,
                                              message: ok ? "" : failed.description, diagnostics: ok ? [] : [failed]))
            } catch {
                let stopped = [Diagnostic.error("case '\(name)' could not run", at: at)] + error.diagnostics
                results.append(RuleTestResult(file: shown, name: name, location: at, rules: rules, passed: false,
                                              message: DiagnosticList(stopped).description, diagnostics: stopped))
            }
        }
        return results
    }

    private func runCase(_ c: Yams.Node, rules selected: [String], file: YAMLFile, reader: ValueReader, path: String,
                         evaluate: Bool) throws(DiagnosticList) -> (Bool, String) {
        var diags = DiagnosticCollector()
        for p in c.pairs where !RuleTestRunner.caseKeys.contains(p.key) {
            diags.add(reader.fail("unknown key '\(p.key)' in a test case\(NameSuggestion.didYouMean(p.key, in: RuleTestRunner.caseKeys))", p.keyNode))
        }
        try diags.check()
        var asOf: Day?
        if let a = c[key: "as_of"] {
            do throws(Diagnostic) { asOf = try reader.day(a, what: "as_of") } catch { throw DiagnosticList([error]) }
        }
        var loader = RegionLoader(rulesetsDirectory: rulesetsDirectory, catalog: catalog)
        loader.externalSpecs = externalSpecs
        let overlayNode = c[key: "parameters"]
        var region = try loader.load(regionPath: path, asOf: asOf, extraKeys: ["cases", "rule"]) { params, d in
            if let overlayNode { loader.readValues(overlayNode, prefix: "", file: file, reader: reader, into: &params, &d) }
        }
        guard !selected.isEmpty else {
            throw DiagnosticList([reader.fail("the case does not say which rule it tests: add rule: at the top of the file or rules: [ids] to the case", c)])
        }
        for id in selected where !region.rules.contains(where: { $0.id == id }) {
            throw DiagnosticList([reader.fail("unknown or disabled rule '\(id)'\(NameSuggestion.didYouMean(id, in: region.rules.map(\.id)))", c[key: "rules"] ?? c)])
        }
        region.rules = region.rules.filter { selected.contains($0.id) }
        // the region's catalog: the connectors' facts and those its programs declared
        var withRegionFacts = self
        withRegionFacts.catalog = region.catalog
        let (roster, facts) = try withRegionFacts.world(c, file: file, reader: reader, asOf: region.asOf, auditFrom: region.auditFrom)
        if !evaluate { return (true, "") }
        let result = Evaluator(region: region).evaluate(roster: roster, facts: facts,
                                                        configuredSources: Set(region.catalog.facts.map(\.connector)))
        if !result.failures.isEmpty {
            return (false, "  evaluation failed:\n" + result.failures.map { "    \($0)" }.joined(separator: "\n"))
        }
        // expected findings
        var expected: [String] = []
        let onlyHousehold = roster.households.count == 1 ? roster.households[0].id : nil
        for e in c[key: "expect"]?.sequence ?? [] {
            let rule = e[key: "rule"]?.scalar?.string ?? (selected.count == 1 ? selected[0] : "?")
            let household = e[key: "household"]?.scalar?.string ?? onlyHousehold ?? "?"
            let amount = (e[key: "amount"]?.scalar?.string).flatMap { Exact(decimal: String($0.filter { $0 != "," })) }
            if e[key: "amount"] != nil && amount == nil {
                throw DiagnosticList([reader.fail("amount must be a number in yuan, e.g. \"1234.50\"", e[key: "amount"]!)])
            }
            expected.append(RuleTestRunner.key(rule: rule, household: household, person: e[key: "person"]?.scalar?.string,
                                               application: e[key: "application"]?.scalar?.string, amount: amount))
        }
        let actual = result.findings.map {
            RuleTestRunner.key(rule: $0.rule, household: $0.household, person: $0.person, application: $0.application, amount: $0.amount)
        }
        if expected.sorted() == actual.sorted() { return (true, "") }
        let e = expected.sorted(), a = actual.sorted()
        return (false, "  expected \(e.count) finding(s):\n" + e.map { "    \($0)\n" }.joined() + "  got \(a.count):\n" + a.map { "    \($0)\n" }.joined())
    }

    static func key(rule: String, household: String, person: String?, application: String?, amount: Exact?) -> String {
        var s = "\(rule) household=\(household)"
        if let person { s += " person=\(person)" }
        if let application { s += " application=\(application)" }
        if let amount { s += " amount=\(amount.decimalString(places: 2))" }
        return s
    }

    // MARK: building the households

    private func world(_ c: Yams.Node, file: YAMLFile, reader: ValueReader, asOf: Day, auditFrom: Month) throws(DiagnosticList) -> (Roster, FactStore) {
        let facts = FactStore()
        var households: [RosterHousehold] = []
        var diags = DiagnosticCollector()
        for (hi, h) in (c[key: "households"]?.sequence ?? []).enumerated() {
            do throws(Diagnostic) {
                households.append(try household(h, number: hi + 1, file: file, reader: reader, asOf: asOf, auditFrom: auditFrom, facts: facts))
            } catch { diags.add(error) }
        }
        if c[key: "households"]?.sequence?.isEmpty ?? true { diags.add(reader.fail("the case has no households:", c)) }
        try diags.check()
        return (Roster(households: households), facts)
    }

    private func household(_ h: Yams.Node, number: Int, file: YAMLFile, reader: ValueReader, asOf: Day, auditFrom: Month, facts: FactStore) throws(Diagnostic) -> RosterHousehold {
        let id = h[key: "id"]?.scalar?.string ?? "H\(number)"
        let memberNodes = h[key: "members"]?.sequence.map(Array.init) ?? []
        var members: [RosterMember] = []
        var firstID = "\(id)-1"
        for (mi, m) in memberNodes.enumerated() {
            let pid = m[key: "id"]?.scalar?.string ?? "\(id)-\(mi + 1)"
            if mi == 0 { firstID = pid }
            let defaults: [String: Value] = [
                "household": .string(id), "id": .string(pid), "raw_id": .string(pid), "id_valid": .bool(true),
                "name": .string("成员\(mi + 1)"), "relation": .string(mi == 0 ? "本人" : "家属"),
                "coresident": .bool(true), "covered": .bool(true),
            ]
            let collections = Set(catalog.facts.filter { $0.schema.key == .person }.map(\.schema.collection))
            let record = try self.record(m, schema: RosterSchema.member, defaults: defaults, skip: collections, source: "civil-affairs",
                                         file: file, reader: reader)
            let valid = record["id_valid"] == .bool(true)
            members.append(RosterMember(personID: valid ? pid : nil, record: record))
            for (connector, f) in catalog.facts where f.key == .person {
                for item in m[key: f.collection]?.sequence ?? [] {
                    let r = try factRecord(item, schema: f.record, owner: pid, household: id, connector: connector, file: file, reader: reader)
                    if valid { facts.add(r, collection: f.collection, key: pid) }
                }
            }
        }
        let defaults: [String: Value] = [
            "id": .string(id), "head_name": .string("户主"), "head_id": .string(firstID), "district": .string("测试区"),
            "town": .string("测试镇"), "program": .string("城市低保"), "category": .string("C"),
            "per_capita_income": .number(.zero), "allowance": .number(.zero), "enrolled": .date(Day(year: 2020, month: 1, day: 1)!),
            "status": .string("在保"), "last_review": .date(asOf),
        ]
        let collections = Set(catalog.facts.filter { $0.schema.key == .household }.map(\.schema.collection)).union(["members"])
        let record = try self.record(h, schema: RosterSchema.household, defaults: defaults, skip: collections, source: "civil-affairs",
                                     file: file, reader: reader)
        for (connector, f) in catalog.facts where f.key == .household {
            for item in h[key: f.collection]?.sequence ?? [] {
                let r = try factRecord(item, schema: f.record, owner: nil, household: id, connector: connector, file: file, reader: reader)
                facts.add(r, collection: f.collection, key: id)
            }
        }
        return RosterHousehold(id: id, record: record, members: members)
    }

    private func factRecord(_ node: Yams.Node, schema: RecordSchema, owner: String?, household: String, connector: String,
                            file: YAMLFile, reader: ValueReader) throws(Diagnostic) -> Record {
        var defaults: [String: Value] = [:]
        for f in schema.fields where f.type == .string {
            // text the rules do not look at may be left out of a test
            defaults[f.name] = .string("")
            if f.name == "household" { defaults[f.name] = .string(household) }
            if let owner, f.name == "id" || f.name.hasSuffix("_id") { defaults[f.name] = .string(owner) }
        }
        return try record(node, schema: schema, defaults: defaults, skip: [], source: connector, file: file, reader: reader)
    }

    private func record(_ node: Yams.Node, schema: RecordSchema, defaults: [String: Value], skip: Set<String>, source: String,
                        file: YAMLFile, reader: ValueReader) throws(Diagnostic) -> Record {
        guard node.mapping != nil else { throw reader.fail("a \(schema.name) is a mapping of field: value", node) }
        for p in node.pairs where schema.index(of: p.key) == nil && !skip.contains(p.key) {
            throw reader.fail("\(schema.name) has no field '\(p.key)'\(NameSuggestion.didYouMean(p.key, in: schema.fields.map(\.name) + skip))", p.keyNode,
                              hint: "its fields are: \(schema.fields.map(\.name).joined(separator: ", "))")
        }
        var values: [Value] = []
        for f in schema.fields {
            if let v = node[key: f.name] {
                if f.optional, v.scalar?.string == "" || v.scalar?.tag.description == "tag:yaml.org,2002:null" {
                    values.append(.unknown)
                } else {
                    values.append(try reader.plain(v, f.type, what: "\(schema.name).\(f.name)"))
                }
            } else if let d = defaults[f.name] {
                values.append(d)
            } else if f.optional {
                values.append(.unknown)
            } else {
                throw reader.fail("\(schema.name) needs a value for '\(f.name)' (\(f.column ?? f.name))", node)
            }
        }
        let line = node.mark?.line ?? 0
        return Record(schema: schema, fields: values, source: SourceRef(source: source, file: file.path, line: line))
    }
}
