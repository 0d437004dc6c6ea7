#if canImport(Glibc)
import Glibc
#endif
@testable import ConnectorKit
import Foundation
import HechaCore
import Testing

/// What is in a source folder is never skipped or misreported without a word.
struct SourceFolderTests {
    func source(_ folder: TempFolder, displayPath: String = "in", options: [String: String] = [:]) -> SourceConfig {
        SourceConfig(id: "bank", path: folder.path, displayPath: displayPath, options: options)
    }

    @Test(arguments: ["folder", "fifo", "device"])
    func anEntryThatIsNotARegularFileIsNamed(kind: String) throws {
        let folder = try TempFolder(files: ["a.jsonl": "{}\n"])
        let odd = folder.path + "/b.jsonl"
        switch kind {
        case "folder": try FileManager.default.createDirectory(atPath: odd, withIntermediateDirectories: false)
        case "fifo": #expect(mkfifo(odd, 0o600) == 0)
        default: #expect(symlink("/dev/zero", odd) == 0)
        }
        #expect {
            _ = try source(folder).files(withExtension: "jsonl")
        } throws: { error in
            let d = error as? Diagnostic
            return d?.message.hasPrefix("'b.jsonl' in folder 'in' (source 'bank') is a") == true
                && d?.message.hasSuffix("not a regular file") == true
        }
        // a CSV export of that name is refused before it is opened, so a FIFO cannot hang the run
        let csv = folder.path + "/t.csv"
        _ = rename(odd, csv)
        #expect {
            _ = try source(folder).openCSV("t.csv", required: ["a"])
        } throws: { ($0 as? Diagnostic)?.message.contains("'t.csv' in folder 'in' (source 'bank') is a") == true }
    }

    /// As root a folder without permissions can still be read, so the listing is asked for a
    /// path that is not a folder: it must say why it cannot be read, not that it is empty.
    @Test func aFolderThatCannotBeReadSaysWhy() throws {
        let folder = try TempFolder(files: ["x.txt": "x"])
        let config = SourceConfig(id: "bank", path: folder.path + "/x.txt", displayPath: "in")
        #expect {
            _ = try config.listing(folderShown: "in")
        } throws: { error in
            let d = error as? Diagnostic
            return d?.message == "cannot read the folder 'in' of source 'bank': Not a directory"
        }
        if getuid() != 0 {
            let locked = try TempFolder(files: [:])
            chmod(locked.path, 0)
            defer { chmod(locked.path, 0o700) }
            #expect { _ = try source(locked).files(withExtension: "jsonl") } throws: { "\($0)".contains("Permission denied") }
        }
    }

    @Test func aFolderOutsideTheRegionIsNamedButNotListed() throws {
        let folder = try TempFolder(files: ["passwd": "x", "shadow": "y"])
        for config in [source(folder, displayPath: "/etc"), source(folder, displayPath: "../../etc", options: ["outside_region": "true"])] {
            #expect {
                _ = try config.files(withExtension: "jsonl")
            } throws: { error in
                let d = error as? Diagnostic
                return d?.message.contains("etc") == true && d?.hint?.contains("passwd") == false
            }
        }
        #expect { _ = try source(folder).files(withExtension: "jsonl") } throws: { ($0 as? Diagnostic)?.hint?.contains("files found: passwd, shadow") == true }
    }
}

/// Values from a file are escaped and cut before they go into a message.
struct MessageTextTests {
    @Test func controlCharactersAreEscapedAndLongValuesCut() {
        #expect(MessageText.excerpt("证件号码") == "证件号码")
        #expect(MessageText.excerpt("a\u{0}b\u{1B}[31m\tc\r\n") == "a\\0b\\u{1B}[31m\\tc\\r\\n")
        let long = MessageText.excerpt(String(repeating: "列", count: 1_000_000))
        #expect(long.count < 100)
        #expect(long.contains("…[999940 characters left out]…"))
    }

    @Test func aHugeHeaderWithNULsIsNotEchoed() throws {
        let header = String(repeating: "x\u{0}", count: 500_000) + "," + String(repeating: "名", count: 300)
        let folder = try TempFolder(files: ["t.csv": header + "\n1,2\n"])
        #expect {
            _ = try SourceConfig(id: "v", path: folder.path, displayPath: "data/v").openCSV("t.csv", required: ["号牌号码"])
        } throws: { error in
            let text = "\(error)"
            return text.contains("missing required column '号牌号码'") && text.utf8.count < 1000 && !text.contains("\u{0}")
        }
    }

    @Test func aRejectReasonQuotingAHugeValueIsBounded() throws {
        let folder = try TempFolder(files: ["t.csv": "a\n" + String(repeating: "9", count: 100_000) + "\u{0}\n"])
        let file = try SourceConfig(id: "v", path: folder.path, displayPath: "data/v").openCSV("t.csv", required: ["a"])
        let report = SourceReport(sourceID: "v")
        _ = try file.readRows(into: report) { row throws(RowReject) -> RowDecision<String> in
            throw RowReject("'\(row.field("a")!)' 不是有效的金额")
        }
        let reason = try #require(report.rejects.first?.reason)
        #expect(reason.count <= MessageText.reasonCharacters + 40)
        #expect(reason.hasSuffix("\\0' 不是有效的金额"))
        #expect(report.rejects.first?.raw.utf8.count == 100_001, "the rejects file keeps the row as it was")
    }
}
