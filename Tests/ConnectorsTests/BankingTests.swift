import BankingConnector
import ConnectorKit
import ConnectorTesting
import Foundation
import HechaCore
import Testing

struct BankingTests {
    static let rural = "查询结果-农商行.jsonl"
    static let other = "查询结果-其他银行.jsonl"

    @Test func readsEveryJSONLinesFileOfTheFolder() throws {
        let facts = FactStore()
        let report = SourceReport(sourceID: BankingConnector.id)
        try BankingConnector().read(ReadRequest(source: Fixtures.source("banking"), index: Fixtures.index,
                                                facts: facts, report: report))
        // Both files, in name order; 说明.txt is not read.
        #expect(report.files.map(\.file) == ["data/banking/" + Self.other, "data/banking/" + Self.rural])
        let other = report.files[0], rural = report.files[1]
        #expect([other.read, other.accepted, other.rejected, other.duplicates, other.unmatched] == [3, 2, 1, 0, 0] as [Int])
        // Line 3 is blank: skipped, not counted.
        #expect([rural.read, rural.accepted, rural.rejected, rural.duplicates, rural.unmatched] == [14, 5, 7, 1, 1] as [Int])
        #expect(report.rejects.map { "\($0.file):\($0.line): \($0.reason)" } == [
            "data/banking/查询结果-其他银行.jsonl:3: 余额 '12.345' 超过两位小数",
            "data/banking/查询结果-农商行.jsonl:8: 不是有效的 JSON：第 106 个字符处：行在 JSON 结束前就结束了（被截断？）",
            "data/banking/查询结果-农商行.jsonl:10: 余额 为空",
            "data/banking/查询结果-农商行.jsonl:11: 账户类型 '信用卡' 不在允许的取值中（活期 | 定期 | 理财 | 证券）",
            "data/banking/查询结果-农商行.jsonl:12: 证件号码 应为字符串，实为数字",
            "data/banking/查询结果-农商行.jsonl:13: 查询日期 为空",
            "data/banking/查询结果-农商行.jsonl:14: 不是 JSON 对象（实为数组）",
            "data/banking/查询结果-农商行.jsonl:15: 查询日期 '2024-02-30' 不是有效日期",
        ])
        #expect(report.rejects[1].raw.hasSuffix(#""余额": "99999.00""#))
        let lines = facts.collection("accounts").flatMap { key, records in records.map { (key, $0) } }
            .map { "\($0.1.source!.file):\($0.1.source!.line) \($0.0): \($0.1)" }.sorted()
        #expect(lines == [
            #"查询结果-其他银行.jsonl:1 441900199009095679: account{id: "441900199009095679", institution: "中国工商银行东莞分行", account: "6212000000000001", account_type: "证券", balance: 8000.5, query_date: 2024-11-30}"#,
            // The same line in another file is not a duplicate: duplicates are found within one file.
            #"查询结果-其他银行.jsonl:2 441900198001011237: account{id: "441900198001011237", institution: "东莞农村商业银行", account: "6222000000000001", account_type: "活期", balance: 12345.67, query_date: 2024-11-30}"#,
            #"查询结果-农商行.jsonl:1 441900198001011237: account{id: "441900198001011237", institution: "东莞农村商业银行", account: "6222000000000001", account_type: "活期", balance: 12345.67, query_date: 2024-11-30}"#,
            #"查询结果-农商行.jsonl:2 441900198506152342: account{id: "441900198506152342", institution: "东莞农村商业银行", account: "6222000000000002", account_type: "活期", balance: 1234.5, query_date: 2024-11-30}"#,
            #"查询结果-农商行.jsonl:4 44190020100301345X: account{id: "44190020100301345X", institution: "东莞农村商业银行", account: "6222000000000003", account_type: "定期", balance: 20000, query_date: 2024-06-30}"#,
            #"查询结果-农商行.jsonl:5 441900198001011237: account{id: "441900198001011237", institution: "东莞农村商业银行", account: "6222000000000004", account_type: "理财", balance: 500, query_date: 2024-12-31}"#,
            // Several queries of one account are all kept.
            #"查询结果-农商行.jsonl:6 441900198001011237: account{id: "441900198001011237", institution: "东莞农村商业银行", account: "6222000000000001", account_type: "活期", balance: 9000, query_date: 2024-06-30}"#,
        ])
    }

    @Test func lineEndsAndByteOrderMarkDoNotMatter() throws {
        let baseline = try run(Fixtures.root + "/banking")
        let files = try fixtureLines()
        for (label, end, bom) in [("LF without BOM", "\n", false), ("CRLF with BOM", "\r\n", true)] {
            let folder = try TemporaryFolder(files.mapValues { (bom ? "\u{FEFF}" : "") + $0.joined(separator: end) + end })
            #expect(baseline.differences(from: try run(folder.path)) == [], "\(label)")
        }
    }

    @Test func everyLineTwiceCountsEachOnce() throws {
        let files = try fixtureLines()
        let once = try TemporaryFolder(files.mapValues { $0.joined(separator: "\n") + "\n" })
        let twice = try TemporaryFolder(files.mapValues { ($0 + $0).joined(separator: "\n") + "\n" })
        let baseline = try run(once.path)
        let doubled = try run(twice.path)
        var expected = baseline
        for (file, c) in baseline.counts {
            expected.counts[file]!.read = 2 * c.read
            expected.counts[file]!.duplicates = c.accepted + c.rejected + 2 * c.duplicates
            expected.counts[file]!.unmatched = 2 * c.unmatched
        }
        #expect(expected.differences(from: doubled) == [])
    }

    @Test func aMissingFolderOrNoFilesIsADiagnostic() throws {
        let empty = try TemporaryFolder(["说明.txt": "x"])
        let noFiles = SourceConfig(id: "banking", path: empty.path, displayPath: "data/banking")
        #expect {
            try BankingConnector().read(ReadRequest(source: noFiles, index: Fixtures.index, facts: FactStore(),
                                                    report: SourceReport(sourceID: "banking")))
        } throws: { error in
            let d = error as? Diagnostic
            return d?.message == "no *.jsonl file in folder 'data/banking' (source 'banking')"
                && d?.hint == "put the agency's *.jsonl files in that folder; files found: 说明.txt"
        }
        let missing = SourceConfig(id: "banking", path: empty.path + "/nowhere", displayPath: "data/nowhere")
        #expect {
            try BankingConnector().read(ReadRequest(source: missing, index: Fixtures.index, facts: FactStore(),
                                                    report: SourceReport(sourceID: "banking")))
        } throws: { error in
            (error as? Diagnostic)?.message == "the folder 'data/nowhere' of source 'banking' does not exist"
        }
    }

    @Test func schemaNamesEveryKey() {
        let schema = BankingConnector.account
        #expect(schema.fields.map(\.name) == ["id", "institution", "account", "account_type", "balance", "query_date"])
        #expect(schema.fields.map(\.type) == [.string, .string, .string, .string, .number, .date])
        #expect(schema.fields.allSatisfy { $0.column != nil && !$0.optional })
        #expect(BankingConnector.factSchemas.map(\.collection) == ["accounts"])
    }

    /// The fixture's JSON Lines files as lines (byte-order mark and line ends removed).
    private func fixtureLines() throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for name in [Self.rural, Self.other] {
            var text = try String(contentsOfFile: Fixtures.root + "/banking/" + name, encoding: .utf8)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            out[name] = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
            if out[name]!.last == "" { out[name]!.removeLast() }
        }
        return out
    }

    private func run(_ path: String) throws -> ConnectorRun {
        try ConnectorRun.run(BankingConnector.self, source: SourceConfig(id: "banking", path: path, displayPath: "data/banking"),
                             index: Fixtures.index)
    }
}

/// A temporary folder with text files, removed when the value goes away.
private final class TemporaryFolder {
    let path: String

    init(_ files: [String: String]) throws {
        path = NSTemporaryDirectory() + "banking-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name)) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

struct BankingConformanceTests {
    /// The shared JSON Lines conformance check, on a well-formed copy of the fixture.
    @Test func conformance() throws {
        let dir = NSTemporaryDirectory() + "banking-conformance-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in [BankingTests.rural, BankingTests.other] {
            let text = try String(contentsOfFile: Fixtures.root + "/banking/" + name, encoding: .utf8)
            // keep the lines that are JSON objects (the fixture also holds deliberately broken lines)
            let good = text.split(whereSeparator: \.isNewline).filter { line in
                let bytes = Array(line.utf8).drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
                if case .object? = try? JSONValue.parse(bytes) { return true } else { return false }
            }
            try (good.joined(separator: "\n") + "\n").write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        // 备注 is an extra key some gateways add: it may be missing
        let check = JSONLinesConformance(BankingConnector.self, fixture: dir, optionalKeys: ["备注"], index: Fixtures.index)
        #expect(check.failures() == [])
    }
}
