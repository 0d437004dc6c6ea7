import Foundation
import HechaCore
import Yams

/// Bounds how far the aliases of a YAML text expand, before the text is composed for real.
///
/// Composing follows every alias (`*name`) to the node its anchor (`&name`) names, and checking a
/// mapping for duplicate keys hashes each key node whole. A few lines of nested aliases (the
/// "billion laughs") thus stand for billions of nodes and hang the composer. This check composes a
/// copy of the text in which each alias is replaced by a plain scalar of the same length (`*a` →
/// `~a`), so nothing expands, then adds up what every alias would stand for, anchor by anchor in
/// file order. A text whose aliases stand for more than ``maximumNodes`` nodes in all, or are
/// nested more than ``maximumDepth`` aliases deep, is refused at the alias that crosses the limit.
enum YAMLAliasBudget {
    /// The most nodes a file may stand for once every alias is expanded.
    static let maximumNodes = 100_000
    /// The most aliases that may be nested inside one another (an alias to a node holding an alias …).
    static let maximumDepth = 20

    /// Throws a diagnostic at the first alias that makes the text too large when expanded; does
    /// nothing for a text without aliases, and leaves syntax errors to the real composer.
    static func check(_ text: String, path: String) throws(Diagnostic) {
        guard text.utf8.contains(UInt8(ascii: "*")), text.utf8.contains(UInt8(ascii: "&")) else { return }
        let placeholderText = replacingAliases(in: text)
        let parser: Yams.Parser
        let root: Yams.Node?
        do {
            parser = try Yams.Parser(yaml: placeholderText)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            // the same mistake is in the text as written (only aliases differ); the real composer
            // could hang on the aliases before it reaches it
            var d = YAMLFile.diagnostic(for: error, path: path)
            d.message = d.message.replacingOccurrences(of: "'~", with: "'*")
            throw d
        } catch {
            throw Diagnostic.error("YAML: \(error)", at: SourceLocation(file: path, line: 0))
        }
        // anchors are held weakly by the nodes: keep the parser (which owns them) alive while walking
        try withExtendedLifetime(parser) { () throws(Diagnostic) in
            guard let root else { return }
            var walk = Walk(path: path)
            _ = try walk.measure(root)
        }
    }

    /// Each `*` that begins an alias becomes `~`: the alias turns into a plain scalar at the same place.
    static func replacingAliases(in text: String) -> String {
        var bytes = Array(text.utf8)
        var previous: UInt8 = UInt8(ascii: "\n")   // last byte that is not a space or tab
        var quote: UInt8? = nil
        var inComment = false
        for i in bytes.indices {
            let c = bytes[i]
            if c == UInt8(ascii: "\n") {
                inComment = false
                if quote == nil { previous = c }
                continue
            }
            if inComment { continue }
            if let q = quote {
                if c == q { quote = nil; previous = c }
                continue
            }
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") { continue }
            let startsNode = [UInt8(ascii: "\n"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"),
                              UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(previous)
            if c == UInt8(ascii: "#") && (i == 0 || bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\t")) {
                inComment = true
                continue
            }
            if startsNode && (c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")) {
                quote = c
            } else if startsNode && c == UInt8(ascii: "*"), i + 1 < bytes.count, !isAliasEnd(bytes[i + 1]) {
                bytes[i] = UInt8(ascii: "~")
            }
            previous = c
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isAliasEnd(_ c: UInt8) -> Bool {
        [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
         UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}")].contains(c)
    }

    /// Adds up the expanded size of the placeholder tree in file order.
    private struct Walk {
        let path: String
        /// For each anchor seen so far (the latest one of a name wins, as in YAML): the nodes it
        /// stands for and how many aliases deep it is.
        var anchors: [String: (nodes: Int, depth: Int)] = [:]
        /// The nodes the aliases seen so far stand for.
        var expanded = 0

        init(path: String) { self.path = path }

        /// The nodes `node` stands for and its alias depth; registers its anchor.
        mutating func measure(_ node: Yams.Node) throws(Diagnostic) -> (nodes: Int, depth: Int) {
            var nodes = 1, depth = 0
            var anchor: Anchor?
            switch node {
            case .scalar(let s):
                anchor = s.anchor
                if s.style == .plain, s.string.hasPrefix("~"), s.string.count > 1,
                    let target = anchors[String(s.string.dropFirst())] {
                    nodes = target.nodes
                    depth = target.depth + 1
                    expanded = min(Int.max / 2, expanded + target.nodes)
                    if depth > YAMLAliasBudget.maximumDepth || expanded > YAMLAliasBudget.maximumNodes {
                        throw refusal(at: s.mark, name: String(s.string.dropFirst()), depth: depth)
                    }
                }
            case .mapping(let m):
                anchor = m.anchor
                for (k, v) in m {
                    let a = try measure(k), b = try measure(v)
                    nodes = min(Int.max / 4, nodes + a.nodes + b.nodes)
                    depth = max(depth, a.depth, b.depth)
                }
            case .sequence(let q):
                anchor = q.anchor
                for item in q {
                    let a = try measure(item)
                    nodes = min(Int.max / 4, nodes + a.nodes)
                    depth = max(depth, a.depth)
                }
            case .alias:
                break
            }
            if let anchor { anchors[anchor.rawValue] = (nodes, depth) }
            return (nodes, depth)
        }

        func refusal(at mark: Mark?, name: String, depth: Int) -> Diagnostic {
            let place = mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) } ?? SourceLocation(file: path, line: 0)
            let why = depth > YAMLAliasBudget.maximumDepth
                ? "aliases nested more than \(YAMLAliasBudget.maximumDepth) deep"
                : "more than \(YAMLAliasBudget.maximumNodes) nodes once the aliases are expanded"
            return .error("YAML alias '*\(name)' makes the file stand for \(why)", at: place,
                          hint: "aliases may repeat a value, not multiply it: write the values out, or use fewer nested aliases "
                              + "(limits: \(YAMLAliasBudget.maximumNodes) expanded nodes, \(YAMLAliasBudget.maximumDepth) levels of aliases)")
        }
    }
}
