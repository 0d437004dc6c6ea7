import Foundation
import HechaCore
import Yams

/// A YAML file read from disk, composed into nodes that keep their positions, so that every
/// problem found later can be reported as `file:line:column`.
public struct YAMLFile: @unchecked Sendable {
    /// The path as shown in messages.
    public let path: String
    /// The file's text, split into lines of Unicode scalars (for positions inside expressions).
    let lines: [[Unicode.Scalar]]
    /// The composed document's root node; each node keeps its line and column.
    public let root: Yams.Node
    /// The file's whole text as read.
    public let text: String

    /// Reads and composes `path`. `displayPath` is what messages call it.
    public static func load(path: String, displayPath: String? = nil) throws(DiagnosticList) -> YAMLFile {
        let shown = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticList([.error("cannot read file", at: SourceLocation(file: shown, line: 0),
                                         hint: "check that the file exists and is readable")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticList([.error("file is not UTF-8 text", at: SourceLocation(file: shown, line: 0),
                                         hint: "save the YAML file as UTF-8")])
        }
        return try parse(text: text, path: shown)
    }

    /// Composes YAML text; `path` names it in messages.
    public static func parse(text: String, path: String) throws(DiagnosticList) -> YAMLFile {
        do throws(Diagnostic) {
            try YAMLAliasBudget.check(text, path: path)
        } catch {
            throw DiagnosticList([error])
        }
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DiagnosticList([YAMLFile.diagnostic(for: error, path: path)])
        } catch {
            throw DiagnosticList([.error("\(error)", at: SourceLocation(file: path, line: 0))])
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> [Unicode.Scalar] in
            var s = Array(line.unicodeScalars)
            if s.last == "\r" { s.removeLast() }
            return s
        }
        return YAMLFile(path: path, lines: lines, root: root ?? Yams.Node.mapping(Yams.Node.Mapping([])), text: text)
    }

    static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        func at(_ m: Mark) -> SourceLocation { SourceLocation(file: path, line: m.line, column: m.column) }
        switch error {
        case let .scanner(context, problem, mark, _):
            return .error("YAML syntax: \(context.map { "\($0.text) " } ?? "")\(problem)", at: at(mark),
                          hint: "check indentation, colons and quotes around this place")
        case let .parser(context, problem, mark, _):
            return .error("YAML syntax: \(context.map { "\($0.text) " } ?? "")\(problem)", at: at(mark),
                          hint: "check indentation, colons and quotes around this place")
        case let .composer(context, problem, mark, _):
            return .error("YAML: \(context.map { "\($0.text) " } ?? "")\(problem)", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("duplicate key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping",
                          at: at(context.mark), hint: "each key may appear only once; remove or merge the repeated entries")
        default:
            return .error("YAML: \(error)", at: SourceLocation(file: path, line: 0))
        }
    }

    /// The location of a node.
    public func location(_ node: Yams.Node) -> SourceLocation {
        if let m = node.mark { return SourceLocation(file: path, line: m.line, column: m.column) }
        return SourceLocation(file: path, line: 0)
    }

    /// The text of a scalar expression and, for each of its Unicode scalars, its place in the file.
    /// Works for plain, quoted, literal (`|`) and folded (`>`) scalars by aligning the parsed value
    /// with the raw lines: whitespace in the value matches any whitespace run in the file.
    func sourceMap(for node: Yams.Node) -> ExpressionSource {
        let value = node.scalar?.string ?? ""
        let scalars = Array(value.unicodeScalars)
        guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count else {
            return ExpressionSource(text: scalars, locations: Array(repeating: location(node), count: scalars.count + 1), file: path)
        }
        var line = mark.line - 1
        var col = mark.column - 1
        let style = node.scalar?.style ?? .plain
        switch style {
        case .literal, .folded:
            line += 1; col = 0
        case .singleQuoted, .doubleQuoted:
            col += 1
        default: break
        }
        var locations: [SourceLocation] = []
        locations.reserveCapacity(scalars.count + 1)
        func current() -> SourceLocation { SourceLocation(file: path, line: line + 1, column: col + 1) }
        func rawChar() -> Unicode.Scalar? {
            guard line < lines.count else { return nil }
            return col < lines[line].count ? lines[line][col] : "\n"
        }
        func advance() {
            guard line < lines.count else { return }
            if col < lines[line].count { col += 1 } else { line += 1; col = 0 }
        }
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" }
        for ch in scalars {
            if isSpace(ch) {
                // whitespace in the value: stay where the raw whitespace begins
                locations.append(current())
                var steps = 0
                while let r = rawChar(), isSpace(r), steps < 10_000 { advance(); steps += 1 }
                continue
            }
            // skip raw whitespace (indentation) before the next visible character
            var steps = 0
            while let r = rawChar(), isSpace(r), steps < 10_000 { advance(); steps += 1 }
            locations.append(current())
            if rawChar() == ch { advance() }
        }
        locations.append(current())
        return ExpressionSource(text: scalars, locations: locations, file: path)
    }
}

/// An expression's text with the file position of each character.
struct ExpressionSource: Sendable {
    var text: [Unicode.Scalar]
    /// `locations[i]` is where `text[i]` is; one extra entry for the end.
    var locations: [SourceLocation]
    var file: String

    func location(at offset: Int) -> SourceLocation {
        if locations.isEmpty { return SourceLocation(file: file, line: 0) }
        return locations[min(max(0, offset), locations.count - 1)]
    }

    var string: String { String(String.UnicodeScalarView(text)) }
}

extension Yams.Node {
    /// The keys and values of a mapping node, in file order.
    var pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)] {
        guard let m = mapping else { return [] }
        return m.map { (key: $0.key.scalar?.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    subscript(key k: String) -> Yams.Node? {
        guard let m = mapping else { return nil }
        for (kn, v) in m where kn.scalar?.string == k { return v }
        return nil
    }

    var kindName: String {
        switch self {
        case .scalar: return "a single value"
        case .mapping: return "a mapping (key: value)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
