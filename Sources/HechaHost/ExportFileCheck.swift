import Foundation
import HechaCore
import HechaRules

/// Checks, before any data is read, that a source's folder holds the export files its connector
/// declares (``Connector/exportFiles``), so a missing export is a configuration error (exit 2)
/// that lists the files that are there, not a data error halfway through a run.
enum ExportFileCheck {
    /// How many of the folder's files a message lists.
    static let filesShown = 12

    /// One diagnostic per declared file that is missing from `source`'s folder.
    static func missing(_ declared: [String], in source: SourceEntry) -> [Diagnostic] {
        let present = regularFiles(in: source.path)
        let folder = source.displayPath.hasSuffix("/") ? String(source.displayPath.dropLast()) : source.displayPath
        var problems: [Diagnostic] = []
        for name in declared {
            let found: Bool
            let wanted: String
            if name.hasPrefix("*.") {
                let suffix = String(name.dropFirst()).lowercased()
                found = present.contains { $0.lowercased().hasSuffix(suffix) && $0.count > suffix.count }
                wanted = "no \(name) file"
            } else {
                found = present.contains(name)
                wanted = "missing file '\(name)'"
            }
            if found { continue }
            let listed = present.isEmpty ? "the folder is empty"
                : "files found: " + present.prefix(filesShown).joined(separator: ", ")
                    + (present.count > filesShown ? " and \(present.count - filesShown) more" : "")
            problems.append(.error("\(wanted) in folder '\(folder)' (source '\(source.id)')", at: source.declaredAt,
                                   hint: "put the agency's export \(name) in that folder (file names must match exactly); \(listed)"))
        }
        return problems
    }

    /// The names of the regular files (not hidden) directly in `folder`, sorted.
    static func regularFiles(in folder: String) -> [String] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            guard !name.hasPrefix(".") else { return false }
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: folder + "/" + name, isDirectory: &isDir) && !isDir.boolValue
        }.sorted()
    }
}
