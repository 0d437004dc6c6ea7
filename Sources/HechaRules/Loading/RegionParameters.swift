import HechaCore
import Yams

/// Reading a ruleset's parameter declarations and a region's parameter values.
extension RegionLoader {
    func readDeclarations(_ node: Yams.Node, file: YAMLFile, into set: inout ParameterSet, values: Bool, _ diags: inout DiagnosticCollector) {
        let reader = ValueReader(file: file)
        for p in node.pairs {
            let at = file.location(p.keyNode)
            guard p.value.mapping != nil, let typeNode = p.value[key: "type"], let typeName = typeNode.scalar?.string else {
                diags.error("parameter '\(p.key)' needs a declaration {type: …, default: …, title: …}", at: at,
                            hint: "types: number, string, bool, date, month, [T] for lists, {T} for maps")
                continue
            }
            for k in p.value.pairs where !["type", "default", "title", "unit", "description"].contains(k.key) {
                diags.error("unknown key '\(k.key)' in the declaration of '\(p.key)'", at: file.location(k.keyNode))
            }
            guard let type = ValueType(name: typeName) else {
                diags.error("unknown type '\(typeName)' for parameter '\(p.key)'", at: file.location(typeNode),
                            hint: "types: number, string, bool, date, month, [T] for lists, {T} for maps")
                continue
            }
            if set.declarations[p.key] != nil {
                diags.error("parameter '\(p.key)' is already declared at \(set.declarations[p.key]!.declaredAt)", at: at)
                continue
            }
            set.declare(ParameterDeclaration(name: p.key, type: type, title: p.value[key: "title"]?.scalar?.string ?? "", declaredAt: at))
            if let d = p.value[key: "default"] {
                do throws(Diagnostic) { set.set(p.key, try reader.setting(d, type, name: p.key)) } catch { diags.add(error) }
            }
        }
    }

    /// Region values: nested mappings (`deadlines: {approval_workdays: 12}`) or dotted keys.
    func readValues(_ node: Yams.Node, prefix: String, file: YAMLFile, reader: ValueReader,
                            into set: inout ParameterSet, _ diags: inout DiagnosticCollector) {
        for p in node.pairs {
            let name = prefix.isEmpty ? p.key : "\(prefix).\(p.key)"
            if let decl = set.declarations[name] {
                warnAboutUnknownKeys(of: name, in: p.value, known: set.settings[name], file: file, &diags)
                do throws(Diagnostic) { set.set(name, try reader.setting(p.value, decl.type, name: name)) } catch { diags.add(error) }
                continue
            }
            let isGroup = set.order.contains { $0.hasPrefix(name + ".") }
            if isGroup, p.value.mapping != nil {
                readValues(p.value, prefix: name, file: file, reader: reader, into: &set, &diags)
                continue
            }
            let candidates = set.order + set.order.compactMap { $0.split(separator: ".").first.map(String.init) }
            diags.error("unknown parameter '\(name)'\(NameSuggestion.didYouMean(name, in: Set(candidates)))", at: file.location(p.keyNode),
                        hint: isGroup ? "'\(name)' is a group: set its entries, e.g. \(name): {…}" : "to add a parameter of your own, declare it under declare: with its type")
        }
    }

    /// A warning for each key of a map value that the map's declared default does not have
    /// (`review.interval_months: {D: 3}` when the keys are A, B, C): no rule will look it up.
    func warnAboutUnknownKeys(of name: String, in node: Yams.Node, known: ParameterSetting?, file: YAMLFile,
                                      _ diags: inout DiagnosticCollector) {
        guard node.mapping != nil, let known, !known.isDated, case .map(let m)? = known.entries.first?.data, !m.isEmpty else { return }
        let keys = m.keys.sorted()
        for p in node.pairs where m[p.key] == nil {
            diags.add(Diagnostic(.warning, "parameter '\(name)' has no key '\(p.key)' in its declaration; its keys are \(keys.joined(separator: ", "))",
                                 at: file.location(p.keyNode), hint: "rules look up only the declared keys; correct the key or remove it"))
        }
    }
}
