import Foundation
import HechaCore

/// Decides whether a folder may be replaced by a run's outputs: it must be empty, or hold exactly
/// what one earlier Hecha run wrote there and nothing else.
///
/// A previous run is recognised only by the marker Hecha itself writes: a `manifest.json` that has
/// Hecha's `hecha_version` and lists the run's `outputs` with their SHA-256. Every file in the
/// folder must be one of those outputs (or the manifest) and still hold the bytes the run wrote.
/// A file the user added (a spreadsheet saved next to a township list, a `notes.txt`), an output
/// the user edited, a link, or a `manifest.json` of some other program makes the folder the
/// user's: the run refuses and names what is there, rather than deleting it.
enum PreviousRunCheck {
    /// How many names a refusal lists before it says "and N more".
    static let namesShown = 8

    /// Nil when `folder` (an existing folder) may be replaced; otherwise why not, naming the files.
    static func refusal(for folder: URL, shownAs shown: String) -> String? {
        let listing = FolderListing(folder)
        if let unreadable = listing.unreadable {
            return "cannot read the output folder \(shown) to check what it holds (\(unreadable)); fix its permissions or choose another --out"
        }
        if listing.files.isEmpty && listing.others.isEmpty && listing.folders.isEmpty { return nil }
        guard listing.files.contains(OutputFolder.marker),
              let manifest = FileManager.default.contents(atPath: folder.appendingPathComponent(OutputFolder.marker).path),
              let outputs = hechaOutputs(manifest)
        else {
            return "\(shown) holds files that Hecha did not write (\(names(listing.all))), and no manifest.json of a Hecha run; "
                + "Hecha replaces only an empty folder or the output of an earlier run — choose a new folder for --out, or move those files away"
        }
        let expectedFiles = Set(outputs.keys).union([OutputFolder.marker])
        let expectedFolders = Set(expectedFiles.flatMap(Self.parents))
        let extra = listing.files.filter { !expectedFiles.contains($0) }
            + listing.folders.filter { !expectedFolders.contains($0) }.map { $0 + "/" }
            + listing.others
        if !extra.isEmpty {
            return "\(shown) holds files that the earlier run did not write: \(names(extra.sorted())); "
                + "Hecha never deletes them — move them out of the folder, or choose another --out"
        }
        var changed: [String] = []
        for path in listing.files where path != OutputFolder.marker {
            guard let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
                  SHA256.hex(bytes) == outputs[path] else { changed.append(path); continue }
        }
        if !changed.isEmpty {
            return "\(shown) holds output files that were changed after the run that wrote them: \(names(changed.sorted())); "
                + "save your edits under another name outside the folder, or choose another --out"
        }
        return nil
    }

    /// The outputs a Hecha manifest lists (path → SHA-256), or nil when the bytes are not one.
    static func hechaOutputs(_ manifest: Data) -> [String: String]? {
        guard let object = try? JSONSerialization.jsonObject(with: manifest) as? [String: Any],
              let version = object["hecha_version"] as? String, !version.isEmpty,
              let outputs = object["outputs"] as? [[String: Any]]
        else { return nil }
        var listed: [String: String] = [:]
        for o in outputs {
            guard let path = o["path"] as? String, let sha = o["sha256"] as? String else { return nil }
            listed[path] = sha
        }
        return listed
    }

    /// A file name as it may be shown on a terminal: control characters escaped, at most 80 characters.
    static func printable(_ name: String) -> String {
        var out = ""
        for (i, c) in name.unicodeScalars.enumerated() {
            if i == 80 { out += "…"; break }
            out += c.properties.generalCategory == .control ? c.escaped(asASCII: true) : String(c)
        }
        return out
    }

    /// `a/b/c.csv` → `["a", "a/b"]`.
    static func parents(_ path: String) -> [String] {
        let parts = path.split(separator: "/").dropLast()
        return parts.indices.map { parts[...$0].joined(separator: "/") }
    }

    static func names(_ list: [String]) -> String {
        let shown = list.prefix(namesShown).map { PrivacyMask.idsInText(printable($0)) }.joined(separator: ", ")
        return list.count > namesShown ? "\(shown) and \(list.count - namesShown) more" : shown
    }
}

/// Everything under a folder, by relative path, without following links.
struct FolderListing {
    /// Regular files.
    var files: [String] = []
    /// Folders (not links to folders).
    var folders: [String] = []
    /// Links, devices, pipes, sockets.
    var others: [String] = []
    /// Why some part could not be read, if so.
    var unreadable: String?

    var all: [String] { (files + folders.map { $0 + "/" } + others).sorted() }

    init(_ root: URL) {
        walk(root.path, prefix: "")
    }

    private mutating func walk(_ path: String, prefix: String) {
        guard let dir = opendir(path) else {
            unreadable = String(cString: strerror(errno))
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let full = path + "/" + name
            let rel = prefix + name
            var st = stat()
            guard lstat(full, &st) == 0 else { others.append(rel); continue }
            switch st.st_mode & S_IFMT {
            case S_IFREG: files.append(rel)
            case S_IFDIR:
                folders.append(rel)
                walk(full, prefix: rel + "/")
            default: others.append(rel)
            }
        }
    }
}
