import HechaCore
import Yams

extension RegionLoader {
    /// The `sources:` entry `pair` that names a warehouse table (`database:`), or nil when it cannot
    /// be used (the problems are in `diags`). Its only other keys are `table:`, `columns:`,
    /// `engine:` and the connector's own options.
    func warehouseEntry(_ pair: (key: String, keyNode: Yams.Node, value: Yams.Node), file: YAMLFile,
                        _ diags: inout DiagnosticCollector) -> SourceEntry? {
        let id = pair.key
        let own = (sourceOptionKeys[id] ?? []).sorted()
        let allowed = WarehouseSourceKeys.names + own
        var options: [String: String] = [:]
        for o in pair.value.pairs where !WarehouseSourceKeys.names.contains(o.key) {
            if own.contains(o.key) {
                options[o.key] = o.value.scalar?.string ?? ""
            } else if !["path", "command", "encoding"].contains(o.key) {  // those are reported as contradictory
                diags.error("unknown key '\(o.key)' in source '\(id)'\(NameSuggestion.didYouMean(o.key, in: allowed))",
                            at: file.location(o.keyNode), hint: "a warehouse source's keys are: \(allowed.joined(separator: ", "))")
            }
        }
        guard let warehouse = WarehouseSourceKeys.read(pair.value, of: id, file: file, &diags) else { return nil }
        var entry = SourceEntry(id: id, path: "", displayPath: warehouse.table, encoding: nil, options: options,
                                declaredAt: file.location(pair.keyNode))
        entry.warehouse = warehouse
        return entry
    }
}
