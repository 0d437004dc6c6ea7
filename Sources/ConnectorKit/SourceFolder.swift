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
    /// - Throws: a ``Diagnostic`` at the source entry when the folder does not exist, cannot be
    ///   read (with the reason), holds no such file, or holds an entry of that name that is not a
    ///   regular file (a folder, a FIFO, a link to a device): nothing is skipped without a word.
    public func files(withExtension fileExtension: String) throws(Diagnostic) -> [String] {
        let folderShown = displayPath.hasSuffix("/") ? String(displayPath.dropLast()) : displayPath
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw Diagnostic.error("the folder '\(folderShown)' of source '\(id)' does not exist", at: declaredAt,
                                   hint: "set `path:` of '\(id)' in the region file to the folder that holds the *.\(fileExtension) files")
        }
        let all = try listing(folderShown: folderShown)
        let suffix = "." + fileExtension.lowercased()
        func matches(_ name: String) -> Bool { name.lowercased().hasSuffix(suffix) && name.count > suffix.count }
        if let odd = all.first(where: { matches($0.name) && $0.kind != nil }) {
            throw Diagnostic.error("'\(MessageText.excerpt(odd.name))' in folder '\(folderShown)' (source '\(id)') is \(odd.kind!), not a regular file",
                                   at: declaredAt,
                                   hint: "replace it with the agency's export file, or move it out of the folder")
        }
        let matching = all.filter { matches($0.name) }.map(\.name)
        guard !matching.isEmpty else {
            throw Diagnostic.error("no *.\(fileExtension) file in folder '\(folderShown)' (source '\(id)')", at: declaredAt,
                                   hint: "put the agency's *.\(fileExtension) files in that folder" + contentsHint(all))
        }
        return matching
    }

    /// Whether messages may list what is in this source's folder: not for a folder outside the
    /// region file's folder (an absolute path, or `outside_region: true`), where messages name
    /// the path only.
    var listsContents: Bool { !displayPath.hasPrefix("/") && options["outside_region"] != "true" }

    /// `; files found: …` (or `; the folder is empty`) for a hint, when the folder may be listed.
    func contentsHint(_ entries: [FolderEntry]) -> String {
        guard listsContents else { return "" }
        let regular = entries.filter { $0.kind == nil }.map { MessageText.excerpt($0.name) }
        guard !regular.isEmpty else { return "; the folder is empty" }
        let shown = regular.prefix(20).joined(separator: ", ")
        return "; files found: " + shown + (regular.count > 20 ? ", … (\(regular.count) in all)" : "")
    }

    /// The entries of this source's folder (hidden ones left out), sorted by name.
    ///
    /// - Throws: a ``Diagnostic`` saying why when the folder cannot be read (never "empty").
    func listing(folderShown: String) throws(Diagnostic) -> [FolderEntry] {
        do throws(FolderListingError) {
            return try FolderEntry.list(path)
        } catch {
            throw Diagnostic.error("cannot read the folder '\(folderShown)' of source '\(id)': \(error.reason)", at: declaredAt,
                                   hint: "make the folder readable by the user who runs hecha")
        }
    }
}

/// One entry of a source folder: its name, and what it is when not a regular file.
struct FolderEntry {
    var name: String
    /// `nil` for a regular file (a link to one included); otherwise what it is, for messages.
    var kind: String?

    /// The entries of `folder` (hidden ones left out), sorted by name.
    static func list(_ folder: String) throws(FolderListingError) -> [FolderEntry] {
        guard let dir = opendir(folder) else { throw FolderListingError(reason: String(cString: strerror(errno))) }
        defer { closedir(dir) }
        var entries: [FolderEntry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            var st = stat()
            guard stat(folder + "/" + name, &st) == 0 else {
                entries.append(FolderEntry(name: name, kind: "an entry that cannot be looked at (\(String(cString: strerror(errno))))"))
                continue
            }
            entries.append(FolderEntry(name: name, kind: kind(st.st_mode)))
        }
        return entries.sorted { $0.name < $1.name }
    }

    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a file"
        }
    }
}

/// Why a folder could not be listed (the C library's words).
struct FolderListingError: Error {
    var reason: String
}
