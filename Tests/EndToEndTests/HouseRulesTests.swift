import Foundation
import Testing

/// The code base's house rules that a machine can check: every public declaration says what it is
/// for (a `///` comment, which is what a connector author reads of ConnectorKit and HechaCore), and
/// no source file grows past the size a newcomer can read in one sitting.
struct HouseRulesTests {
    /// The Swift files of the package's code: `Sources/`, `connectors/` and `Plugins/`.
    static func sourceFiles() -> [String] {
        var files: [String] = []
        for top in ["Sources", "connectors", "Plugins"] {
            let root = Repository.path(top)
            let items = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            files += items.filter { $0.hasSuffix(".swift") }.map { top + "/" + $0 }
        }
        return files.sorted()
    }

    /// `file:line: declaration` for each `public` or `open` declaration without a `///` comment
    /// directly above it (attributes such as `@inlinable` may stand between).
    static func undocumented(in relative: String, text: String) -> [String] {
        var missing: [String] = []
        var previous = ""
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let declaration = withoutAttributes(trimmed)
            let declares = (declaration.hasPrefix("public ") || declaration.hasPrefix("open ")) && !declaration.hasPrefix("public extension ")
            if declares && !previous.hasPrefix("///") {
                missing.append("\(relative):\(n + 1): \(trimmed)")
            }
            // a line of attributes alone belongs to the declaration below it: look past it
            if !trimmed.isEmpty && !(trimmed.hasPrefix("@") && declaration.isEmpty) { previous = trimmed }
        }
        return missing
    }

    /// `line` without its leading attributes (`@inlinable`, `@available(macOS 15, *)`).
    static func withoutAttributes(_ line: String) -> String {
        var rest = Substring(line)
        while rest.hasPrefix("@") {
            var depth = 0
            var end = rest.startIndex
            while end < rest.endIndex {
                let c = rest[end]
                if c == "(" { depth += 1 } else if c == ")" { depth -= 1 } else if c == " " && depth == 0 { break }
                end = rest.index(after: end)
            }
            rest = rest[end...].drop { $0 == " " }
        }
        return String(rest)
    }

    @Test func everyPublicDeclarationHasADocComment() throws {
        var missing: [String] = []
        for file in Self.sourceFiles() {
            missing += Self.undocumented(in: file, text: try String(contentsOfFile: Repository.path(file), encoding: .utf8))
        }
        #expect(missing == [], "write a /// comment saying what each of these is for")
    }

    @Test func theCheckFindsAnUndocumentedDeclaration() {
        let text = """
        /// Documented.
        public struct A {
            /// Documented.
            @inlinable public var x: Int { 1 }
            public var y: Int
            @inlinable
            public var z: Int { 2 }
            @available(macOS 15, *) public func f() {}
        }
        public extension A {}
        """
        #expect(Self.undocumented(in: "X.swift", text: text) == ["X.swift:5: public var y: Int", "X.swift:7: public var z: Int { 2 }",
                                                              "X.swift:8: @available(macOS 15, *) public func f() {}"])
    }

    @Test func sourceFilesStayUnderFourHundredLines() throws {
        var long: [String] = []
        for file in Self.sourceFiles() {
            let lines = try String(contentsOfFile: Repository.path(file), encoding: .utf8).utf8.count { $0 == UInt8(ascii: "\n") }
            if lines > 400 { long.append("\(file): \(lines) lines") }
        }
        #expect(long == [], "split these files by concept")
    }
}
