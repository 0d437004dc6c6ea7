import HechaCore
import Yams

/// The keys of a `sources:` entry that run an out-of-process connector:
///
/// ```yaml
/// disability: {command: [python3, connectors/examples/disability.py], path: data/disability, timeout_seconds: 600}
/// ```
enum ExternalSourceKeys {
    static let names = ["command", "timeout_seconds"]

    /// The program and its timeout as written in `node` (the entry of source `id`); problems go to `diags`.
    static func read(_ node: Yams.Node, of id: String, file: YAMLFile,
                     _ diags: inout DiagnosticCollector) -> (command: [String]?, timeoutSeconds: Int) {
        var command: [String]?
        if let c = node[key: "command"] {
            let items = c.sequence?.compactMap { $0.scalar?.string } ?? []
            if let seq = c.sequence, !seq.isEmpty, items.count == seq.count, items.allSatisfy({ !$0.isEmpty }) {
                command = items
            } else {
                diags.error("command: of source '\(id)' must be a list of the program and its arguments", at: file.location(c),
                            hint: "command: [python3, connectors/examples/disability.py]")
            }
        }
        var timeout = SourceEntry.defaultTimeoutSeconds
        if let t = node[key: "timeout_seconds"] {
            if let text = t.scalar?.string, let n = Int(text), n > 0, n <= 86_400 {
                timeout = n
            } else {
                diags.error("timeout_seconds: of source '\(id)' must be a whole number of seconds from 1 to 86400", at: file.location(t),
                            hint: "timeout_seconds: 300")
            }
            if command == nil, node[key: "command"] == nil {
                diags.error("timeout_seconds: is only for a source that runs a program (command:)", at: file.location(t))
            }
        }
        return (command, timeout)
    }
}
