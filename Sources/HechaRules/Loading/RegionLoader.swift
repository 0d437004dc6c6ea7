import Foundation
import HechaCore
import Yams

/// Loads a region file: resolves its `extends` chain, merges parameters, functions and rules,
/// reads its calendar, and type-checks every rule against the known connectors' fact schemas.
/// Every problem is reported with its place; loading stops only after checking everything it can.
public struct RegionLoader: Sendable {
    /// The `rulesets/` folder: `extends: national` is `<rulesets>/national.yaml`, `calendar: china`
    /// is `<rulesets>/calendars/china.yaml`.
    public var rulesetsDirectory: String
    /// The record types rules are checked against: the roster and the known connectors' facts.
    public var catalog: FactCatalog

    /// The keys a source entry may have besides `path:` and `encoding:`, by connector id: the
    /// options a connector reads. Any other key is an error (a misspelt `encodng:` is not ignored).
    public var sourceOptionKeys: [String: Set<String>] = [:]

    /// Asks the program of each `command:` source for its fact types, which are added to the
    /// catalog before the rules are checked. Without it, a `command:` source adds no facts.
    public var externalSpecs: ExternalSpecProvider?

    /// A loader for region files using the rulesets under `rulesetsDirectory`, checking rules against `catalog`.
    public init(rulesetsDirectory: String, catalog: FactCatalog) {
        self.rulesetsDirectory = rulesetsDirectory
        self.catalog = catalog
    }

    static let rulesetKeys = ["ruleset", "title", "description", "extends", "parameters", "declare", "functions", "rules"]
        + LedgerSettings.rulesetKeys + [DataVocabulary.rulesetKey]
    static let regionKeys = ["region", "as_of", "audit_window", "calendar", "sources"]
    static let ruleKeys = ["id", "title", "severity", "applies_to", "description", "category", "amount_kind", "let", "when", "amount", "override",
                           "verify", "show", "concerned"] + LedgerSettings.ruleKeys

    /// Loads and checks `path`. `asOf` overrides the file's `as_of`.
    public func load(regionPath path: String, asOf override: Day? = nil) throws(DiagnosticList) -> LoadedRegion {
        try load(regionPath: path, asOf: override, extraKeys: [], overlay: nil)
    }

    /// - Parameters:
    ///   - extraKeys: further top-level keys the region file may have (a rule test file's `cases`).
    ///   - overlay: changes the merged parameters before the rules are checked (a test case's own values).
    /// Checks a ruleset file on its own (its chain, parameters, functions and rules), without the
    /// keys only a region needs (as_of, audit_window, parameter values without default).
    public func checkRuleset(path: String) throws(DiagnosticList) -> [CompiledRule] {
        try load(regionPath: path, asOf: nil, extraKeys: [], overlay: nil, rulesetOnly: true).rules
    }

    func load(regionPath path: String, asOf override: Day?, extraKeys: [String],
              overlay: ((inout ParameterSet, inout DiagnosticCollector) -> Void)?, rulesetOnly: Bool = false) throws(DiagnosticList) -> LoadedRegion {
        // parsing and checking recurse once per level of an expression: on a large stack (see LargeStack)
        try LargeStack.run { () throws(DiagnosticList) -> LoadedRegion in
            try loadOnThisThread(regionPath: path, asOf: override, extraKeys: extraKeys, overlay: overlay, rulesetOnly: rulesetOnly)
        }
    }

    func loadOnThisThread(regionPath path: String, asOf override: Day?, extraKeys: [String],
                                  overlay: ((inout ParameterSet, inout DiagnosticCollector) -> Void)?, rulesetOnly: Bool) throws(DiagnosticList) -> LoadedRegion {
        var diags = DiagnosticCollector()
        // 1. the chain, base first
        var chain: [YAMLFile] = []
        var seen: [String] = []
        var current: (path: String, display: String)? = (path, path)
        while let (p, display) = current {
            let canonical = URL(fileURLWithPath: p).standardizedFileURL.path
            if seen.contains(canonical) {
                throw DiagnosticList([.error("ruleset chain loops back to \(display)", at: chain.first.map { SourceLocation(file: $0.path, line: 1) },
                                             hint: "remove the `extends:` that closes the loop")])
            }
            seen.append(canonical)
            let file = try YAMLFile.load(path: p, displayPath: display)
            chain.insert(file, at: 0)
            guard file.root.mapping != nil else {
                throw DiagnosticList([.error("a ruleset or region file must be a mapping of keys (extends:, parameters:, rules:, …)", at: file.location(file.root))])
            }
            if let ext = file.root[key: "extends"] {
                guard let name = ext.scalar?.string, !name.isEmpty else {
                    throw DiagnosticList([.error("extends: names one ruleset, e.g. extends: national", at: file.location(ext))])
                }
                let target = resolve(name, relativeTo: p, folder: rulesetsDirectory)
                guard FileManager.default.fileExists(atPath: target.path) else {
                    let known = (try? FileManager.default.contentsOfDirectory(atPath: rulesetsDirectory))?
                        .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) } ?? []
                    throw DiagnosticList([.error("ruleset '\(name)' not found (looked for \(target.display))\(NameSuggestion.didYouMean(name, in: known))",
                                                 at: file.location(ext), hint: "rulesets are the .yaml files under rulesets/: \(known.sorted().joined(separator: ", "))")])
                }
                current = target
            } else {
                current = nil
            }
        }
        let regionFile = chain.last!
        let regionReader = ValueReader(file: regionFile)

        // 2. merge, base first
        var parameters = ParameterSet()
        var functions: [String: FunctionDefinition] = [:]
        var definitions: [RuleDefinition] = []
        var disabled: [(id: String, at: SourceLocation)] = []
        var data = DataVocabulary()
        for (level, file) in chain.enumerated() {
            let isBase = level == 0
            let isRegion = level == chain.count - 1 && chain.count > 1
            // a region file may be extended (by a test file, or a district's file extending its
            // county's): every file but the national base may hold region settings
            let allowed = RegionLoader.rulesetKeys + (!isBase || chain.count == 1 ? RegionLoader.regionKeys : [])
                + (isRegion || chain.count == 1 ? extraKeys : [])
            for p in file.root.pairs where !allowed.contains(p.key) {
                diags.error("unknown key '\(p.key)'\(NameSuggestion.didYouMean(p.key, in: allowed))", at: file.location(p.keyNode),
                            hint: "the keys of this file are: \(allowed.joined(separator: ", "))")
            }
            let reader = ValueReader(file: file)
            DataVocabulary.read(file, catalog: catalog, into: &data, &diags)
            // parameters: declarations in the base; values in every child. `declare:` adds new ones.
            if isBase, let decls = file.root[key: "parameters"] {
                readDeclarations(decls, file: file, into: &parameters, values: true, &diags)
            }
            if !isBase, let decls = file.root[key: "declare"] {
                readDeclarations(decls, file: file, into: &parameters, values: true, &diags)
            }
            if isBase, let d = file.root[key: "declare"] {
                diags.error("declare: is for rulesets that extend another; declare base parameters under parameters:", at: file.location(d))
            }
            if !isBase, let values = file.root[key: "parameters"] {
                readValues(values, prefix: "", file: file, reader: reader, into: &parameters, &diags)
            }
            if let fs = file.root[key: "functions"] {
                for p in fs.pairs {
                    do throws(Diagnostic) {
                        var def = try function(p.key, p.keyNode, p.value, file: file)
                        def.shared = true
                        functions[def.name] = def
                    } catch { diags.add(error) }
                }
            }
            if let rules = file.root[key: "rules"] {
                var adds: [Yams.Node] = []
                if let seq = rules.sequence {
                    adds = Array(seq)
                } else if rules.mapping != nil {
                    for p in rules.pairs {
                        switch p.key {
                        case "disable":
                            for item in p.value.sequence ?? [p.value] {
                                guard let id = item.scalar?.string else { continue }
                                disabled.append((id, file.location(item)))
                            }
                        case "add":
                            adds += p.value.sequence ?? []
                        default:
                            diags.error("unknown key '\(p.key)' under rules:\(NameSuggestion.didYouMean(p.key, in: ["disable", "add"]))", at: file.location(p.keyNode),
                                        hint: "rules: is a list of rules, or {disable: [ids], add: [rules]}")
                        }
                    }
                } else {
                    diags.error("rules: must be a list of rules or {disable: [...], add: [...]}", at: file.location(rules))
                }
                for node in adds {
                    do throws(Diagnostic) {
                        let (def, isOverride) = try rule(node, file: file)
                        if let i = definitions.firstIndex(where: { $0.id == def.id }) {
                            if isOverride {
                                definitions[i] = def
                            } else {
                                diags.error("rule '\(def.id)' is already defined at \(definitions[i].definedAt)", at: def.definedAt,
                                            hint: "give the new rule another id, or add `override: true` to replace the inherited one")
                            }
                        } else {
                            if isOverride { diags.error("rule '\(def.id)' has override: true but no inherited rule has that id", at: def.definedAt) }
                            definitions.append(def)
                        }
                    } catch { diags.add(error) }
                }
            }
        }
        for d in disabled where !definitions.contains(where: { $0.id == d.id }) {
            diags.error("cannot disable unknown rule '\(d.id)'\(NameSuggestion.didYouMean(d.id, in: definitions.map(\.id)))", at: d.at)
        }

        // 3. region settings
        /// The nearest file of the chain (the region file first) that sets `key`.
        func settingFile(_ key: String) -> YAMLFile {
            chain.reversed().first { $0.root[key: key] != nil } ?? regionFile
        }
        let root = settingFile("region").root
        var code = "", name = ""
        if let r = root[key: "region"] {
            code = r[key: "code"]?.scalar?.string ?? ""
            name = r[key: "name"]?.scalar?.string ?? ""
        }
        var asOf = override
        let asOfFile = settingFile("as_of")
        if asOf == nil {
            if let n = asOfFile.root[key: "as_of"] {
                do throws(Diagnostic) { asOf = try ValueReader(file: asOfFile).day(n, what: "as_of") } catch { diags.add(error) }
            } else if rulesetOnly {
                asOf = Day(year: 2000, month: 1, day: 1)
            } else {
                diags.error("the region file has no as_of (the date the run is evaluated at)", at: SourceLocation(file: regionFile.path, line: 1),
                            hint: "add as_of: YYYY-MM-DD, or pass --as-of")
            }
        }
        var auditFrom: Month?, auditTo: Month?
        let windowFile = settingFile("audit_window")
        if let w = windowFile.root[key: "audit_window"] {
            let regionReader = ValueReader(file: windowFile)
            do throws(Diagnostic) {
                guard let f = w[key: "from"], let t = w[key: "to"] else {
                    throw regionReader.fail("audit_window needs from: and to: months", w, hint: "audit_window: {from: 2024-01, to: 2024-12}")
                }
                auditFrom = try regionReader.month(f, what: "audit_window.from")
                auditTo = try regionReader.month(t, what: "audit_window.to")
                if auditTo! < auditFrom! { throw regionReader.fail("audit_window ends before it starts", w) }
            } catch { diags.add(error) }
        } else if rulesetOnly {
            auditFrom = Month(year: 2000, month: 1); auditTo = auditFrom
        } else {
            diags.error("the region file has no audit_window (the months whose payments are audited)", at: SourceLocation(file: regionFile.path, line: 1),
                        hint: "add audit_window: {from: 2024-01, to: 2024-12}")
        }
        var calendar: WorkdayCalendar?
        var files = chain.map(\.path)
        let calendarFile = settingFile("calendar")
        if let c = calendarFile.root[key: "calendar"], let cname = c.scalar?.string {
            let target = resolve(cname, relativeTo: calendarFile.path, folder: rulesetsDirectory + "/calendars")
            if FileManager.default.fileExists(atPath: target.path) {
                do throws(DiagnosticList) {
                    calendar = try CalendarFile.load(path: target.path, displayPath: target.display, name: cname)
                    files.append(target.display)
                } catch { for d in error.diagnostics { diags.add(d) } }
            } else {
                diags.error("calendar '\(cname)' not found (looked for \(target.display))", at: calendarFile.location(c),
                            hint: "calendars are the .yaml files under rulesets/calendars/, or a path to your own file")
            }
        }
        if let calendar, let day = asOf, !calendar.covers(day) {
            let given = override != nil ? "--as-of \(day)" : "as_of \(day)"
            let place = override != nil ? calendarFile.root[key: "calendar"].map(calendarFile.location)
                : asOfFile.root[key: "as_of"].map(asOfFile.location)
            diags.error("\(given) is outside the calendar '\(calendar.name)', which covers \(calendar.firstYear) to \(calendar.lastYear)",
                        at: place ?? SourceLocation(file: regionFile.path, line: 1),
                        hint: "choose a date in those years, or add the year \(day.year) to the calendar file")
        }
        var sources: [SourceEntry] = []
        // sources: from the nearest file that has them, their paths relative to that file
        let sourcesFile = settingFile("sources")
        if let s = sourcesFile.root[key: "sources"] {
            let regionFile = sourcesFile
            let regionDir = URL(fileURLWithPath: sourcesFile.path == chain.last!.path ? path : sourcesFile.path).deletingLastPathComponent()
            for p in s.pairs {
                if p.value[key: "database"] != nil {
                    if let entry = warehouseEntry(p, file: regionFile, &diags) { sources.append(entry) }
                    continue
                }
                guard let pathNode = p.value[key: "path"], let rel = pathNode.scalar?.string else {
                    diags.error("source '\(p.key)' needs a path: the folder that holds its files", at: regionFile.location(p.value),
                                hint: "\(p.key): {path: data/\(p.key)}")
                    continue
                }
                let entryKeys = ["path", "encoding", "outside_region"] + ExternalSourceKeys.names + (sourceOptionKeys[p.key] ?? []).sorted()
                var options: [String: String] = [:]
                let external = ExternalSourceKeys.read(p.value, of: p.key, file: regionFile, &diags)
                _ = WarehouseSourceKeys.read(p.value, of: p.key, file: regionFile, &diags)
                for o in p.value.pairs where o.key != "path" && o.key != "encoding" && !ExternalSourceKeys.names.contains(o.key)
                    && !WarehouseSourceKeys.names.contains(o.key) {
                    guard entryKeys.contains(o.key) else {
                        diags.error("unknown key '\(o.key)' in source '\(p.key)'\(NameSuggestion.didYouMean(o.key, in: entryKeys))",
                                    at: regionFile.location(o.keyNode), hint: "a source entry's keys are: \(entryKeys.joined(separator: ", "))")
                        continue
                    }
                    options[o.key] = o.value.scalar?.string ?? ""
                }
                let full = rel.hasPrefix("/") ? rel : regionDir.appendingPathComponent(rel).standardizedFileURL.path
                // a relative path must stay in the region file's folder unless the entry says otherwise
                let home = regionDir.standardizedFileURL.path
                if !rel.hasPrefix("/"), full != home, !full.hasPrefix(home.hasSuffix("/") ? home : home + "/"),
                   options["outside_region"] != "true" {
                    diags.error("the path '\(rel)' of source '\(p.key)' leads outside the region file's folder",
                                at: regionFile.location(pathNode),
                                hint: "if that folder is meant, add `outside_region: true` to the entry of '\(p.key)' or give an absolute path")
                    continue
                }
                var entry = SourceEntry(id: p.key, path: full, displayPath: rel, encoding: p.value[key: "encoding"]?.scalar?.string,
                                        options: options, declaredAt: regionFile.location(p.keyNode))
                entry.command = external.command
                entry.timeoutSeconds = external.timeoutSeconds
                sources.append(entry)
            }
        }
        // the fact types of out-of-process connectors, asked for before any rule is checked
        var extended = catalog
        if let externalSpecs {
            for (i, entry) in sources.enumerated() where entry.command != nil {
                do throws(Diagnostic) {
                    let spec = try externalSpecs(entry)
                    let added = extended.adding(spec, of: entry)
                    for problem in added.problems {
                        diags.error("the spec of source '\(entry.id)' cannot be used: \(problem)", at: entry.declaredAt,
                                    hint: "rename it in the program's spec answer")
                    }
                    if added.problems.isEmpty {
                        extended = added.catalog
                        sources[i].title = spec.title
                        sources[i].factSchemas = spec.factSchemas
                        sources[i].keyFields = spec.keyFields
                    }
                } catch { diags.add(error) }
            }
        }
        var checking = self
        checking.catalog = extended

        overlay?(&parameters, &diags)
        // 4. check every enabled rule
        let disabledIDs = Set(disabled.map(\.id))
        var compiled: [CompiledRule] = []
        for def in definitions where !disabledIDs.contains(def.id) {
            do throws(Diagnostic) {
                let rule = try checking.compile(def, parameters: parameters, functions: functions, data: data)
                for w in rule.warnings where !diags.diagnostics.contains(w) { diags.add(w) }  // a shared function warns once
                compiled.append(rule)
            } catch { diags.add(error) }
        }
        // shared definitions are checked even when no enabled rule uses them; each once (the
        // types of those already checked are remembered), so a long chain is checked in linear time
        var checkedShared: [String: (type: ValueType, height: Int)] = [:]
        var tooDeepShared: [String: Int] = [:]
        var reportedTooDeep = false
        let sharedIDs = Checker.numbering(functions)
        for def in functions.values.sorted(by: { $0.name < $1.name }) where def.parameters.isEmpty {
            var last: Diagnostic?
            for subject in Subject.allCases {
                var checker = Checker(catalog: extended, parameters: parameters, functions: functions, subject: subject,
                                      source: def.source, sharedIDs: sharedIDs)
                checker.applicationRecord = data.applicationRecord(in: extended)?.name
                checker.data = data
                checker.checkedShared = checkedShared
                checker.tooDeepShared = tooDeepShared
                defer {
                    checkedShared = checker.checkedShared ?? checkedShared
                    tooDeepShared = checker.tooDeepShared
                }
                do throws(Diagnostic) {
                    _ = try checker.compile(.name(def.name, offset: 0))
                    last = nil
                    break
                } catch {
                    last = error
                    if !error.message.contains("is only available in rules with applies_to") { break }
                }
            }
            // a chain too deep is too deep for every function after the limit: say it once
            if let last, Checker.isTooDeep(last) {
                if !reportedTooDeep { diags.add(last) }
                reportedTooDeep = true
            } else if let last {
                diags.add(last)
            }
        }
        // membership.active compares with the status the ruleset declares
        if data.activeStatus == nil {
            for rule in compiled where rule.fields.contains("membership.active") {
                diags.error("rule '\(rule.id)' reads membership.active, but no file of the chain says which household status is active",
                            at: rule.definedAt, hint: "add data: {active_status: 在保} to the base ruleset")
            }
        }
        // 5. every parameter a rule reads has a value
        if !diags.hasErrors && !rulesetOnly {
            for name in Set(compiled.flatMap(\.parameters)).sorted() where parameters.settings[name] == nil {
                let decl = parameters.declarations[name]
                diags.error("parameter '\(name)' has no value", at: SourceLocation(file: regionFile.path, line: 1),
                            hint: "set it under parameters: in the region file (declared at \(decl.map { "\($0.declaredAt)" } ?? "?"): \(decl?.title ?? ""))")
            }
        }
        try diags.check()
        return LoadedRegion(file: regionFile.path, code: code, name: name, asOf: asOf!, auditFrom: auditFrom!, auditTo: auditTo!,
                            calendar: calendar, sources: sources, parameters: parameters, rules: compiled, disabled: disabled,
                            files: files, catalog: extended, data: data, warnings: diags.diagnostics.filter { $0.severity == .warning })
    }

    /// `name` → `<folder>/<name>.yaml`; a name with a `/` or ending in `.yaml` is a path relative to the file.
    func resolve(_ name: String, relativeTo file: String, folder: String) -> (path: String, display: String) {
        if name.hasSuffix(".yaml") || name.contains("/") {
            let dir = URL(fileURLWithPath: file).deletingLastPathComponent()
            let full = name.hasPrefix("/") ? name : dir.appendingPathComponent(name).standardizedFileURL.path
            return (full, full == name ? name : displayPath(full))
        }
        let full = URL(fileURLWithPath: folder).appendingPathComponent(name + ".yaml").standardizedFileURL.path
        return (full, displayPath(full))
    }

    /// Paths under the current directory are shown relative to it.
    func displayPath(_ full: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return full.hasPrefix(cwd) ? String(full.dropFirst(cwd.count)) : full
    }
}
