import HechaCore
import Yams

/// Reading a ruleset's shared functions and rules, and checking each rule against the fact schemas.
extension RegionLoader {
    func function(_ key: String, _ keyNode: Yams.Node, _ value: Yams.Node, file: YAMLFile) throws(Diagnostic) -> FunctionDefinition {
        let at = file.location(keyNode)
        var name = key.trimmed
        var params: [String] = []
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            params = name[name.index(after: open)..<name.index(before: name.endIndex)]
                .split(separator: ",").map { String($0).trimmed }
            name = String(name[..<open]).trimmed
        }
        let identifier = { (s: String) -> Bool in
            guard let f = s.unicodeScalars.first, f == "_" || f.properties.isAlphabetic else { return false }
            return s.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
        guard identifier(name), params.allSatisfy(identifier) else {
            throw Diagnostic.error("'\(key)' is not a valid name for a function or let value", at: at,
                                   hint: "write name: expression, or name(a, b): expression")
        }
        if BuiltinRegistry.reservedNames.contains(name) || Global(rawValue: name) != nil || Parser.keywords.contains(name) {
            throw Diagnostic.error("'\(name)' is a built-in name and cannot be redefined", at: at)
        }
        guard value.scalar != nil else {
            throw Diagnostic.error("'\(name)' must be an expression (text), not \(value.kindName)", at: file.location(value))
        }
        let src = file.sourceMap(for: value)
        return FunctionDefinition(name: name, parameters: params, body: try Checker.parse(src), source: src, definedAt: at)
    }

    func rule(_ node: Yams.Node, file: YAMLFile) throws(Diagnostic) -> (RuleDefinition, Bool) {
        let r = ValueReader(file: file)
        guard node.mapping != nil else { throw r.fail("a rule is a mapping with id:, title:, applies_to:, when:", node) }
        for p in node.pairs where !RegionLoader.ruleKeys.contains(p.key) {
            throw r.fail("unknown key '\(p.key)' in a rule\(NameSuggestion.didYouMean(p.key, in: RegionLoader.ruleKeys))", p.keyNode,
                         hint: "a rule's keys are: \(RegionLoader.ruleKeys.joined(separator: ", "))")
        }
        guard let idNode = node[key: "id"], let id = idNode.scalar?.string, !id.isEmpty else { throw r.fail("a rule needs an id:", node) }
        guard let whenNode = node[key: "when"], whenNode.scalar != nil else {
            throw r.fail("rule '\(id)' needs a condition, when: …", node)
        }
        var subject = Subject.household
        if let a = node[key: "applies_to"] {
            let s = try r.string(a, what: "applies_to")
            guard let sub = Subject(rawValue: s) else {
                throw r.fail("applies_to: '\(s)' is not known\(NameSuggestion.didYouMean(s, in: Subject.allCases.map(\.rawValue)))", a,
                             hint: "applies_to is one of: household, member, application")
            }
            subject = sub
        }
        var severity = Severity.medium
        if let s = node[key: "severity"] {
            let v = try r.string(s, what: "severity")
            guard let sev = Severity(rawValue: v) else { throw r.fail("severity '\(v)' is not one of high, medium, low", s) }
            severity = sev
        }
        var category: String?
        if let c = node[key: "category"] {
            let v = try r.string(c, what: "category")
            if !v.isEmpty { category = v }
        }
        var amountKind = AmountKind.other
        if let k = node[key: "amount_kind"] {
            let v = try r.string(k, what: "amount_kind")
            guard let kind = AmountKind(rawValue: v) else {
                throw r.fail("amount_kind '\(v)' is not one of overpaid, underpaid, other", k,
                             hint: "overpaid: money paid that should not have been (应追缴); underpaid: money owed (应补发); other: any other amount")
            }
            amountKind = kind
        }
        var lets: [FunctionDefinition] = []
        if let l = node[key: "let"] {
            guard l.mapping != nil else { throw r.fail("let: is a mapping of name: expression", l) }
            for p in l.pairs { lets.append(try function(p.key, p.keyNode, p.value, file: file)) }
        }
        let isOverride = node[key: "override"]?.scalar?.string == "true"
        var def = RuleDefinition(
            id: id, title: node[key: "title"]?.scalar?.string ?? id, severity: severity, subject: subject,
            description: node[key: "description"]?.scalar?.string ?? "",
            category: category, amountKind: amountKind,
            when: file.sourceMap(for: whenNode), amount: node[key: "amount"].map { file.sourceMap(for: $0) },
            lets: lets, definedAt: file.location(idNode))
        try readShow(node, into: &def, file: file)
        return (def, isOverride)
    }

    func compile(_ def: RuleDefinition, parameters: ParameterSet, functions: [String: FunctionDefinition],
                 data: DataVocabulary) throws(Diagnostic) -> CompiledRule {
        var checker = Checker(catalog: catalog, parameters: parameters, functions: functions, subject: def.subject, source: def.when)
        checker.applicationRecord = data.applicationRecord(in: catalog)?.name
        checker.data = data
        for l in def.lets { checker.lets[l.name] = l }
        let (cond, _) = try checker.check(def.when, expecting: .bool, what: "the condition (when:) of rule '\(def.id)'")
        var amount: Term?
        if let a = def.amount {
            (amount, _) = try checker.check(a, expecting: .number, what: "the amount of rule '\(def.id)'")
        }
        let shows = try def.shows.map { show throws(Diagnostic) in try checker.checkShow(show, rule: def.id) }
        var concerned: Term?
        if let c = def.concerned {
            (concerned, _) = try checker.check(c, expecting: .string, what: "concerned: of rule '\(def.id)' (a member's id number)")
        }
        // every `let` value is checked even when the rule does not use it (a typo in it is never
        // silent), and kept so that `explain` can show its value
        var letValues: [(name: String, term: Term)] = []
        for l in def.lets where l.parameters.isEmpty {
            letValues.append((l.name, try checker.compile(.name(l.name, offset: 0)).0))
        }
        return CompiledRule(id: def.id, title: def.title, severity: def.severity, subject: def.subject, description: def.description,
                            category: def.category, amountKind: def.amountKind,
                            whenText: def.when.string, amountText: def.amount?.string, definedAt: def.definedAt,
                            sources: checker.usedSources, parameters: checker.usedParameters, fields: checker.usedFields,
                            verify: def.verify, shows: shows, letValues: letValues, warnings: checker.warnings,
                            condition: cond, amount: amount, concerned: concerned, slotCount: checker.slotCount)
    }
}
