import Foundation
import HechaReports
import Testing

/// `by-township/<镇街>.csv`: one safe file per township, whatever the 镇街 value holds.
struct SafeFileNamesTests {
    @Test func aLongTownshipNameIsCutToAFileNameEveryFileSystemTakes() throws {
        let long = String(repeating: "鸣凤镇", count: 100)  // 300 characters, 900 bytes
        let input = ReportFixture.input(towns: [long, "鸣凤镇"])
        let files = FindingsCSV.byTownship(input)
        #expect(files.count == 2)
        for f in files { #expect(f.name.utf8.count <= 255, "\(f.name.utf8.count) bytes") }
        let cut = try #require(files.first { $0.name != "鸣凤镇.csv" })
        // cut at a character boundary: what is left is a prefix of the value, then the hash
        let stem = cut.name.dropLast(".csv".count + 9)
        #expect(long.hasPrefix(stem))
        #expect(stem.utf8.count <= SafeFileNames.maxStemBytes)
        // the whole run's folder can be written
        let out = NSTemporaryDirectory() + "hecha-names-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let outputs = RunOutputs.files(input, started: "s", now: { "e" })
        try OutputFolder.replace(out, with: outputs)
        let written = try FileManager.default.contentsOfDirectory(atPath: out + "/by-township")
        #expect(written.sorted() == files.map(\.name).sorted())
    }

    @Test func townshipsThatLookAlikeAfterCleaningGetFilesOfTheirOwn() {
        let input = ReportFixture.input(towns: ["鸣凤/镇", "鸣凤_镇", "鸣凤:镇"])
        let files = FindingsCSV.byTownship(input)
        #expect(files.count == 3)
        #expect(Set(files.map(\.name)).count == 3)
        // the value that is a safe name keeps it; the others carry a hash of their value
        #expect(files.contains { $0.name == "鸣凤_镇.csv" })
        for f in files {
            #expect(!f.name.contains("/") && !f.name.contains(":"))
            #expect(f.text.components(separatedBy: "\r\n").count == 3, "\(f.name): header and one row")
        }
    }

    @Test func separatorsControlAndInvisibleCharactersAreReplaced() {
        for value in ["a/b", "a\\b", "a\nb", "a\u{0}b", "a\u{7F}b", "鸣凤\u{202E}vsc.exe", "a\u{200B}b", "a\u{2028}b"] {
            let name = SafeFileNames.name(of: value)
            #expect(name.hasPrefix(value.unicodeScalars.first.map { String($0) } ?? ""), "\(name)")
            #expect(name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !"/\\".unicodeScalars.contains($0)
                && $0.properties.generalCategory != .format && $0.properties.generalCategory != .lineSeparator }, "\(name.debugDescription)")
        }
        #expect(SafeFileNames.name(of: "..") .hasPrefix("_"))
        #expect(SafeFileNames.name(of: "") .hasPrefix("_"))
        #expect(SafeFileNames.name(of: "CON").hasPrefix("_CON"))
        #expect(SafeFileNames.name(of: "鸣凤镇.") != "鸣凤镇..csv")
        #expect(SafeFileNames.name(of: "鸣凤镇") == "鸣凤镇.csv")
    }

    @Test func namesDifferingOnlyInCaseAreTwoFiles() {
        let names = SafeFileNames.assign(["Town", "town", "TOWN"])
        #expect(Set(names.values.map { $0.lowercased() }).count == 3)
    }

    @Test func theSameTownshipsGiveTheSameNamesInAnyOrder() {
        let towns = ["鸣凤/镇", "鸣凤_镇", String(repeating: "洋", count: 200), "Town", "town", "花林寺镇"]
        let a = SafeFileNames.assign(towns)
        let b = SafeFileNames.assign(towns.reversed())
        #expect(a == b)
        // a hashed name does not change when another township comes or goes
        #expect(SafeFileNames.assign(["鸣凤/镇"])["鸣凤/镇"] == a["鸣凤/镇"])
    }

    @Test func aTownshipNamedLikeAnotherOnesHashedNameStillGetsItsOwnFile() {
        let hashed = SafeFileNames.name(of: "鸣凤/镇")
        let lookalike = String(hashed.dropLast(4))
        let names = SafeFileNames.assign(["鸣凤/镇", lookalike])
        #expect(Set(names.values).count == 2)
        #expect(names[lookalike] == hashed)  // the plain name goes to the value that is it
    }
}
