#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HechaCore

extension SourceConfig {
    /// The names of the regular files in this source's folder that end in `.<fileExtension>`
    /// (any case), sorted by name: for agencies that deliver a varying number of files, such as
    /// the bank gateway's `*.jsonl` query results.
    ///
    /// - Throws: a ``Diagnostic`` at the source entry when the folder does not exist or holds no
    ///   such file; its hint lists the files that are there.
    public func files(withExtension fileExtension: String) throws(Diagnostic) -> [String] {
        let folderShown = displayPath.hasSuffix("/") ? String(displayPath.dropLast()) : displayPath
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw Diagnostic.error("the folder '\(folderShown)' of source '\(id)' does not exist", at: declaredAt,
                                   hint: "set `path:` of '\(id)' in the region file to the folder that holds the *.\(fileExtension) files")
        }
        let all = Self.regularFiles(in: path)
        let suffix = "." + fileExtension.lowercased()
        let matching = all.filter { $0.lowercased().hasSuffix(suffix) && $0.count > suffix.count }
        guard !matching.isEmpty else {
            let listed = all.isEmpty ? "the folder is empty" : "files found: " + all.joined(separator: ", ")
            throw Diagnostic.error("no *.\(fileExtension) file in folder '\(folderShown)' (source '\(id)')", at: declaredAt,
                                   hint: "put the agency's *.\(fileExtension) files in that folder; \(listed)")
        }
        return matching
    }

    /// Regular files (not hidden) in `folder`, sorted by name.
    static func regularFiles(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            var st = stat()
            if stat(folder + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { names.append(name) }
        }
        return names.sorted()
    }
}
