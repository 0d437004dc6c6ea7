import Foundation

/// The English messages written in the repository's sources: the string literals passed to the
/// calls that make diagnostics, host and output-folder errors, command-line errors and hints,
/// with each interpolation replaced by a sample value (so that a catalog template must match).
struct MessageSourceLiterals {
    /// One message literal: where it is written and the sample text made from it.
    struct Literal: CustomStringConvertible {
        let file: String
        let line: Int
        let sample: String
        var description: String { "\(file):\(line): \(sample.debugDescription)" }
    }

    /// The calls whose first string argument is a message for people.
    static let callPattern = try! NSRegularExpression(pattern: [
        #"\.error\(\s*"#, #"\bfail\(\s*"#, #"HostError\(\.\w+,\s*"#, #"OutputFolderError\(\s*"#,
        #"Diagnostic\(\.(?:warning|note|error),\s*"#, #"\.warning\(\s*"#, #"ValidationError\((?:in: [^,]+,\s*)?"#,
        #"\bhint:\s*"#, #"\b(?:RuleSyntaxError|EvaluationError|RuleTestResult)\([^"]*?message:\s*"#,
    ].joined(separator: "|"))

    /// Every message literal in the Swift files under `folders` of the repository.
    static func collect(in folders: [String]) -> [Literal] {
        var found: [Literal] = []
        for folder in folders {
            let root = Repository.path(folder)
            guard let files = FileManager.default.enumerator(atPath: root) else { continue }
            // the catalog's own code is not a message
            for case let relative as String in files where relative.hasSuffix(".swift") && !relative.hasPrefix("HechaHost/Messages/") {
                let path = root + "/" + relative
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
                let chars = Array(text.unicodeScalars)
                let ns = text as NSString
                for m in callPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                    // NSRange counts UTF-16 units; find the scalar index of the match's end
                    let prefix = ns.substring(to: m.range.location + m.range.length)
                    let start = prefix.unicodeScalars.count
                    guard start < chars.count, chars[start] == "\"", let sample = sampleText(chars, from: start) else { continue }
                    if sample.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) { continue } // already Chinese
                    let line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                    found.append(Literal(file: folder + "/" + relative, line: line, sample: sample))
                }
            }
        }
        return found
    }

    /// The text of the string literal opening at `start`, interpolations replaced by "x" (or by
    /// nothing for a did-you-mean suggestion, which may be empty); nil for a multi-line literal.
    static func sampleText(_ s: [Unicode.Scalar], from start: Int) -> String? {
        if start + 2 < s.count, s[start + 1] == "\"", s[start + 2] == "\"" { return nil }
        var i = start + 1
        var out = ""
        while i < s.count {
            let c = s[i]
            if c == "\\", i + 1 < s.count {
                if s[i + 1] == "(" {
                    var depth = 1, j = i + 2
                    while j < s.count, depth > 0 {
                        if s[j] == "\"" { // a string inside the interpolation
                            j += 1
                            while j < s.count, s[j] != "\"" { j += s[j] == "\\" ? 2 : 1 }
                        } else if s[j] == "(" { depth += 1 } else if s[j] == ")" { depth -= 1 }
                        j += 1
                    }
                    let expression = String(String.UnicodeScalarView(s[(i + 2)..<(j - 1)]))
                    out += expression.contains("didYouMean") ? "" : "x"
                    i = j
                    continue
                }
                switch s[i + 1] {
                case "n": out += "\n"
                case "t": out += "\t"
                default: out.unicodeScalars.append(s[i + 1])
                }
                i += 2
                continue
            }
            if c == "\"" { return out }
            out.unicodeScalars.append(c)
            i += 1
        }
        return nil
    }
}
