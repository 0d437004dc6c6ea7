import Foundation
import HechaCore

/// The region files one `hecha run` is given: each `--region` is a region file or a folder of
/// them. A folder stands for every `*.yaml` (and `*.yml`) file directly inside it, sorted by name;
/// every such file is taken as a region file, so one that is not (or does not load) fails as a
/// region of its own with its error, rather than being skipped unseen. Files whose name begins
/// with a dot and subfolders (a region's data) are not looked at.
public struct RegionList: Sendable, Equatable {
    /// One region file of the list.
    public struct Entry: Sendable, Equatable {
        /// The region file, as given or as found in its folder.
        public var file: String
        /// The file's name without `.yaml`: the name of its output subfolder when the run has several.
        public var name: String
    }

    /// The region files, in the order they run: as given, each folder's files sorted by name.
    public var entries: [Entry]
    /// True when the run has several regions' outputs under one parent folder: more than one
    /// region, or a folder (so that a folder's layout does not change as files are added to it).
    public var isSeveral: Bool

    /// The list of `arguments` (files and folders); a missing path, an empty folder, the same file
    /// twice or two files of the same name (the same output subfolder) are configuration errors.
    public static func expand(_ arguments: [String]) throws(HostError) -> RegionList {
        let fm = FileManager.default
        var entries: [Entry] = []
        var problems: [Diagnostic] = []
        var sawFolder = false
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isFolder) else {
                problems.append(.error("the region file or folder does not exist", at: SourceLocation(file: argument, line: 0),
                                       hint: "--region takes a region file (.yaml) or a folder of region files"))
                continue
            }
            guard isFolder.boolValue else {
                entries.append(Entry(file: argument, name: regionName(argument)))
                continue
            }
            sawFolder = true
            let names = ((try? fm.contentsOfDirectory(atPath: argument)) ?? [])
                .filter { !$0.hasPrefix(".") && isRegionFileName($0) }
                .filter { name in
                    var sub: ObjCBool = false
                    return fm.fileExists(atPath: joined(argument, name), isDirectory: &sub) && !sub.boolValue
                }
                .sorted()
            if names.isEmpty {
                problems.append(.error("the folder holds no region files (*.yaml)", at: SourceLocation(file: argument, line: 0),
                                       hint: "put the region files directly in the folder, or name them with --region FILE"))
            }
            entries += names.map { Entry(file: joined(argument, $0), name: regionName($0)) }
        }
        problems += duplicates(entries)
        if !problems.isEmpty { throw HostError(.configuration, problems) }
        return RegionList(entries: entries, isSeveral: sawFolder || entries.count > 1)
    }

    /// The same file given twice (by any path), and two files whose names give the same subfolder.
    static func duplicates(_ entries: [Entry]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var byPath: [String: String] = [:]
        var byName: [String: String] = [:]
        for e in entries {
            let resolved = URL(fileURLWithPath: e.file).standardizedFileURL.resolvingSymlinksInPath().path
            if let first = byPath[resolved] {
                problems.append(.error("the region file is given twice (also as \(first))", at: SourceLocation(file: e.file, line: 0),
                                       hint: "give each region file once: a folder already stands for every region file in it"))
                continue
            }
            byPath[resolved] = e.file
            if let first = byName[e.name] {
                problems.append(.error("two region files are named '\(e.name)' (the other is \(first)): their outputs would share the folder <out>/\(e.name)",
                                       at: SourceLocation(file: e.file, line: 0), hint: "rename one of the region files"))
                continue
            }
            byName[e.name] = e.file
        }
        return problems
    }

    /// Region files whose region code is the same (`codes` holds the code of each file that
    /// loaded): two runs of one region in one go would follow the same leads twice.
    public static func sameCodes(_ codes: [(file: String, code: String)]) -> [Diagnostic] {
        var first: [String: String] = [:]
        var problems: [Diagnostic] = []
        for (file, code) in codes {
            if let other = first[code] {
                problems.append(.error("region code \(code) is also the code of \(other)", at: SourceLocation(file: file, line: 0),
                                       hint: "run each region once: give only one of the two files (a region extending another keeps its code)"))
            } else {
                first[code] = file
            }
        }
        return problems
    }

    /// Whether a file name in a folder is taken as a region file.
    static func isRegionFileName(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

    /// `a/b/tongxu.yaml` → `tongxu`.
    public static func regionName(_ file: String) -> String {
        let last = URL(fileURLWithPath: file).lastPathComponent
        for suffix in [".yaml", ".yml"] where last.hasSuffix(suffix) && last.count > suffix.count {
            return String(last.dropLast(suffix.count))
        }
        return last
    }

    /// `name` inside `folder`, with one slash between them.
    public static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
