import HechaCore

/// A finding's evidence for people: lines grouped by file, in order of first appearance,
/// `发放记录.csv:30,31,32; 死亡人员.csv:12`; with `limit`, each file shows that many lines and
/// then how many more (`…+7`). `findings.jsonl` keeps every reference.
enum EvidenceText {
    static func groups(_ evidence: [SourceRef], limit: Int? = nil) -> [String] {
        var order: [String] = []
        var lines: [String: [Int]] = [:]
        for e in evidence {
            if lines[e.file] == nil { order.append(e.file) }
            lines[e.file, default: []].append(e.line)
        }
        return order.map { file in
            let all = lines[file]!
            let shown = limit.map { Array(all.prefix($0)) } ?? all
            var text = file + ":" + shown.map(String.init).joined(separator: ",")
            if shown.count < all.count { text += "…+\(all.count - shown.count)" }
            return text
        }
    }

    static func compact(_ evidence: [SourceRef], limit: Int? = nil) -> String {
        groups(evidence, limit: limit).joined(separator: "; ")
    }
}
