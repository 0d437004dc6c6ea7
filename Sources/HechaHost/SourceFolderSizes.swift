import Foundation
import HechaRules

extension RegionRun {
    /// The bytes of the files directly inside `folder`.
    static func folderSize(_ folder: String) -> Int {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).reduce(0) { total, name in
            total + (((try? fm.attributesOfItem(atPath: folder + "/" + name))?[.size] as? Int) ?? 0)
        }
    }

    /// The size of one of a source's files (shown as `file`), or 0.
    static func size(of entry: SourceEntry, file: String) -> Int {
        let name = String(file.split(separator: "/").last ?? Substring(file))
        let path = URL(fileURLWithPath: entry.path).appendingPathComponent(name).path
        return ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
