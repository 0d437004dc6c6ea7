import ConnectorKit
import Foundation
import TestSupport
import Testing
@testable import HechaWarehouse

/// The id normalisation written in SQL (``IDNumberSQL``), run on a real server against the Swift
/// normaliser (`IDNumber`): wherever the SQL gives an id, it is the valid id `IDNumber` gives;
/// and on every form the SQL knows (ASCII and full-width digits, `x`, blanks, 15 digits) it gives
/// one exactly when `IDNumber` finds the id valid.
@Suite(.serialized, .enabled(if: TestPostgres.enabled, "needs a PostgreSQL server in HECHA_TEST_POSTGRES_URL (.ci/run starts one)"))
struct IDNumberSQLTests {
    static let messy: [String] = [
        "420525197708154174", " 420525197708154174 ", "\t420525197708154174\r\n", "\u{3000}420525197708154174\u{3000}",
        "４２０５２５１９７７０８１５４１７４", "42052519770815417４",
        "11010519491231002x", "11010519491231002X", "11010519491231002ｘ", "11010519491231002Ｘ",
        "110105491231002", " 110105491231002 ", "１１０１０５４９１２３１００２",           // 15-digit legacy numbers
        "110105491331002", "110105490230002",                                        // 15 digits, impossible dates
        "420525197708154175", "420525197708154170", "11010519491231002Y",            // wrong check character
        "420525189908154174", "420525190002290000", "420525200002290000", "420525190102290000",  // 1899, 1900-02-29, 2000-02-29, 1901-02-29
        "420525197713014174", "420525197700014174", "420525197711314174", "420525197704314174",
        "42052519770815417", "4205251977081541744", "4205251977O8154174", "x", "", "   ", "身份证号", "420525-19770815-4174",
        "\u{00A0}420525197708154174", "\u{FEFF}420525197708154174", "420525197708154174\u{200B}", "420525 197708154174",
        "１１０１０５１９４９１２３１００２ｘ", "'420525197708154174", "NULL",
    ]

    /// Ids with the right check character, and the same ids with every other last character.
    static func generated() -> [String] {
        var rng = SplitMix64(seed: 7)
        var out: [String] = []
        for _ in 0..<300 {
            let area = String(format: "%06d", Int(rng.next() % 900_000) + 100_000)
            let year = 1890 + Int(rng.next() % 130), month = 1 + Int(rng.next() % 13), day = 1 + Int(rng.next() % 31)
            let body = area + String(format: "%04d%02d%02d", year, month, day) + String(format: "%03d", Int(rng.next() % 1000))
            let right = IDNumber.checkCharacter(Array(body.utf8))
            out.append(body + String(right))
            out.append(body + String(Array("0123456789X")[Int(rng.next() % 11)]))
            // and the 15-digit legacy form of a number of the 1900s
            out.append(area + String(format: "%02d%02d%02d", year % 100, month, day) + String(format: "%03d", Int(rng.next() % 1000)))
        }
        return out
    }

    /// Whether `raw` is written only in the forms the SQL folds (its blanks are ASCII or U+3000).
    static func sqlKnowsTheForm(_ raw: String) -> Bool {
        raw.unicodeScalars.allSatisfy { u in
            u.isASCII || u.value == 0x3000 || (0xFF10...0xFF19).contains(u.value) || u.value == 0xFF58 || u.value == 0xFF38
        } && !raw.unicodeScalars.contains { [0x0B, 0x0C].contains($0.value) }
    }

    @Test func theSQLNormalisesExactlyAsIDNumber() async throws {
        let inputs = Self.messy + Self.generated()
        let db = try await TestWarehouse.connect()
        defer { Task { await db.close() } }
        try await db.load("hecha_test_messy_ids", columns: ["n", "raw"], rows: inputs.enumerated().map { [String($0.offset), $0.element] })
        var rows: [[String?]] = []
        // fenced (each step its own derived table) and unfenced (the planner may flatten them), as for Citus
        for fenced in [true, false] {
            let sql = IDNumberSQL.select(carrying: [(expression: "t.n", alias: "n")], idColumn: "t.raw",
                                         from: "hecha_test_messy_ids t", fenced: fenced)
            let got = try await db.rows("SELECT n, hecha_id FROM (\(sql)) r ORDER BY CAST(n AS integer)")
            #expect(got.count == inputs.count)
            if fenced { rows = got } else { #expect(got == rows, "the unfenced SQL must give the same ids") }
        }
        var valid = 0
        for row in rows {
            let raw = inputs[Int(row[0]!)!], swift = IDNumber(raw), sql = row[1]
            if let sql {
                #expect(swift.isValid && swift.text == sql, "SQL gave \(sql) for \(raw.debugDescription); IDNumber: \(swift.text) \(swift.problem ?? "valid")")
            } else if Self.sqlKnowsTheForm(raw) {
                #expect(!swift.isValid, "SQL found no id in \(raw.debugDescription), IDNumber found \(swift.text)")
            }
            if swift.isValid { valid += 1 }
        }
        #expect(valid > 200, "the inputs must hold many valid ids, of every form")
    }
}
