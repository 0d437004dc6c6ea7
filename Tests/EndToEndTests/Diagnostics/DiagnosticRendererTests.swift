import Foundation
import HechaCore
import HechaHost
import Testing

/// The one way diagnostics are printed: text as before, JSON Lines with every field, in the
/// chosen language.
struct DiagnosticRendererTests {
    let place = SourceLocation(file: "regions/x.yaml", line: 19, column: 3)

    @Test func textInEnglishIsTheDiagnosticAsWritten() {
        let d = Diagnostic.error("unknown source 'vehicle-registy'; did you mean 'vehicle-registry'?", at: place,
                                 hint: "the known connectors are: banking, vehicle-registry")
        let text = DiagnosticRenderer(language: .english).render([d])
        #expect(text == d.description + "\n")
        #expect(text == "regions/x.yaml:19:3: error: unknown source 'vehicle-registy'; did you mean 'vehicle-registry'?\n"
                + "  hint: the known connectors are: banking, vehicle-registry\n")
    }

    @Test func textInChineseTranslatesTheMessageAndTheHintEachByTheCatalog() {
        let d = Diagnostic.error("unknown source 'vehicle-registy'; did you mean 'vehicle-registry'?", at: place,
                                 hint: "the known connectors are: banking, vehicle-registry")
        let text = DiagnosticRenderer(language: .chinese).text(d)
        #expect(text == MessageCatalog.text(d.description, in: .chinese), "\(text)")
        #expect(text.hasPrefix("regions/x.yaml:19:3: 错误：未知的数据源 'vehicle-registy'；是否应为 'vehicle-registry'？\n  提示："), "\(text)")
    }

    @Test func severalDiagnosticsAreAllPrinted() {
        let ds = [Diagnostic.error("no such file or folder", at: SourceLocation(file: "a.yaml", line: 0)),
                  Diagnostic(.warning, "no roster source", at: SourceLocation(file: "b.yaml", line: 2)),
                  Diagnostic(.note, "the ledger was left as it was before this run", hint: "run again once the ledger can be written")]
        let text = DiagnosticRenderer(language: .english).render(ds)
        #expect(text == "a.yaml: error: no such file or folder\nb.yaml:2: warning: no roster source\n"
                + "note: the ledger was left as it was before this run\n  hint: run again once the ledger can be written\n")
        let json = DiagnosticRenderer(format: .json, language: .english).render(ds)
        #expect(json.split(separator: "\n").count == 3)
    }

    @Test func jsonHasEveryFieldAndLeavesOutWhatIsUnknown() throws {
        let d = Diagnostic.error("'household' has no field \"stauts\"\nsecond line", at: place, hint: "its fields are: status")
        let line = DiagnosticRenderer(format: .json, language: .english).json(d)
        #expect(!line.contains("\n"))
        #expect(line == #"{"column":3,"file":"regions/x.yaml","hint":"its fields are: status","line":19,"message":"'household' has no field \"stauts\"\nsecond line","severity":"error"}"#)
        let record = try JSONDecoder().decode(DiagnosticRecord.self, from: Data(line.utf8))
        #expect(record.message == d.message)

        let bare = DiagnosticRenderer(format: .json, language: .english).json(.error("a finding id has 16 characters; give at least the first 6"))
        #expect(bare == #"{"message":"a finding id has 16 characters; give at least the first 6","severity":"error"}"#)
        let wholeFile = DiagnosticRenderer(format: .json, language: .english).json(.error("no such file or folder", at: SourceLocation(file: "t.yaml", line: 0)))
        #expect(wholeFile == #"{"file":"t.yaml","message":"no such file or folder","severity":"error"}"#)
    }

    @Test func jsonIsInTheChosenLanguageWithIDNumbersMasked() throws {
        let d = Diagnostic.error("no finding with id '110101199003077777'", at: SourceLocation(file: "out/findings.jsonl", line: 0))
        let record = try JSONDecoder().decode(DiagnosticRecord.self, from: Data(DiagnosticRenderer(format: .json).json(d).utf8))
        #expect(record.message.hasPrefix("没有编号为 '"), "\(record.message)")
        #expect(!record.message.contains("110101199003077777"), "\(record.message)")
        #expect(record.severity == "error")
    }
}
