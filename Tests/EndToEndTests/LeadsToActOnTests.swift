import Foundation
import HechaCore
import HechaHost
import HechaReports
import Testing

/// A case worker can act on a lead from the township list alone: who it is about, the decisive
/// values, what to verify, how to reach the household.
@Suite(.serialized) struct LeadsToActOnTests {
    nonisolated(unsafe) static let out: String = {
        let out = Repository.temporaryDirectory() + "/out"
        _ = try! RegionRun(registry: .known).run(RunRequest(regionFile: Repository.path("rulesets/regions/demo.yaml"), outputDirectory: out))
        return out
    }()

    /// The rows of a CSV file Hecha wrote (BOM, quoted cells), as dictionaries by header.
    func rows(_ path: String) throws -> [[String: String]] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records: [[String]] = [], field = "", record: [String] = [], quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { record.append(field); field = "" }
            else if c == "\n" || c == "\r\n" { record.append(field); records.append(record); record = []; field = "" }
            else if c != "\r" { field.append(c) }
        }
        let header = records.removeFirst()
        return records.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    func finding(_ rule: String) throws -> [String: Any] {
        let text = try String(contentsOfFile: Self.out + "/findings.jsonl", encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.contains("\"rule\": \"\(rule)\"") })
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func aVehicleLeadNamesTheOwnerMaskedAndTheCarsTypeAndPrice() throws {
        let f = try finding("vehicle-owned")
        let details = Dictionary(uniqueKeysWithValues: (f["details"] as! [[String: String]]).map { ($0["label"]!, $0["value"]!) })
        let owner = try #require(f["concerned"] as? String)
        let row = try #require(try rows(Self.out + "/findings.csv").first { $0["线索编号"] == "=\"\(f["id"] as! String)\"" })
        #expect(row["涉及成员"]?.hasSuffix(PrivacyMask.id(owner)) == true)
        #expect(row["涉及成员"]?.contains(owner) == false)
        let values = try #require(row["关键数据"])
        #expect(values.contains("车辆·车辆类型：" + details["车辆·车辆类型"]!))
        #expect(values.contains("车辆·购置价格：" + details["车辆·购置价格"]!))
        #expect(!values.contains(details["车辆·号牌号码"]!), "the plate is not masked")
        #expect(row["核查要点"]?.contains("过户") == true)
    }

    @Test func aReviewLeadNamesTheLastReviewAndTheDueDate() throws {
        let f = try finding("review-overdue")
        let row = try #require(try rows(Self.out + "/findings.csv").first { $0["线索编号"] == "=\"\(f["id"] as! String)\"" })
        let values = try #require(row["关键数据"])
        #expect(values.contains("最近复核日期：20"))
        #expect(values.contains("应复核日期：20"))
    }

    @Test func theTownshipListHasTheContactPlainAndFindingsCSVMasked() throws {
        let all = try rows(Self.out + "/findings.csv")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.out + "/by-township")
        var plain = 0
        for file in files {
            for row in try rows(Self.out + "/by-township/" + file) where !(row["联系电话"] ?? "").isEmpty {
                plain += 1
                #expect(!(row["联系电话"]!.contains("*")), "\(file): the township's own list masks the phone")
                let masked = try #require(all.first { $0["线索编号"] == row["线索编号"] })
                #expect(masked["联系电话"] == PrivacyMask.personal(row["联系电话"]!))
            }
        }
        #expect(plain > 0, "no lead of the demo has a phone number")
    }
}
