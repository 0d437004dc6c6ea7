import Foundation
@testable import HechaHost
import Testing

/// Every English message the code base writes has a Chinese template in the catalog, so that no
/// admin reads a stray English message in the default language.
struct MessageCatalogCoverageTests {
    /// Lines of messages that cannot be matched this way, with the reason.
    static let knownExceptions: [String: String] = [
        // `"\(error)"` (the YAML library's own error) and `"…\n\(error.description)"` (a rule
        // test's failure, followed by the diagnostic that made it fail): the line is all another
        // message, which is translated by its own template, or stays as the library wrote it.
        "x": "the whole line is another error's text",
        "x: error: x": "a ledger file's place followed by the database library's own error text",
    ]

    @Test func everyMessageInTheSourcesHasAChineseTemplate() {
        let literals = MessageSourceLiterals.collect(in: ["Sources", "connectors"])
        #expect(literals.count > 200, "the collector found only \(literals.count) messages; is the pattern broken?")
        let missing = literals.filter { literal in
            MessageCatalog.untranslatedLines(literal.sample).contains { Self.knownExceptions[$0] == nil }
        }
        #expect(missing.isEmpty, "messages with no Chinese template:\n\(missing.map(\.description).joined(separator: "\n"))")
    }

    @Test func theCollectorFindsMessagesOfEveryKindOfCall() {
        let samples = Set(MessageSourceLiterals.collect(in: ["Sources", "connectors"]).map(\.sample))
        #expect(samples.contains("unknown key 'x'"))                                       // did-you-mean left out
        #expect(samples.contains("check indentation, colons and quotes around this place")) // a hint
        #expect(samples.contains("x exists and is not a folder; choose another output folder")) // OutputFolderError
        #expect(samples.contains("--quiet and --verbose cannot be used together"))          // ValidationError
        #expect(samples.contains("division by zero in x"))                                     // EvaluationError
    }

    @Test func aMessageWithNoTemplateStaysEnglishWithItsLabelsTranslated() {
        let text = "a.yaml:3:4: error: something no template knows\n  hint: nor this"
        #expect(MessageCatalog.text(text, in: .chinese) == "a.yaml:3:4: 错误：something no template knows\n  提示：nor this")
        #expect(MessageCatalog.untranslatedLines(text).count == 2)
    }

    @Test func placeholdersAreFilledByNameAndTheSuggestionIsTranslated() {
        #expect(MessageCatalog.text("r.yaml:2:1: error: unknown key 'encodng'; did you mean 'encoding'?", in: .chinese)
                == "r.yaml:2:1: 错误：未知的键 'encodng'；是否应为 'encoding'？")
        #expect(MessageCatalog.text("error: unknown key 'zz'", in: .chinese) == "错误：未知的键 'zz'")
        // placeholders in another order, and a type phrase inside a message
        #expect(MessageCatalog.text("unknown key 'k' in a dated value of 'p'", in: .chinese) == "'p' 的分段取值中有未知的键 'k'")
        #expect(MessageCatalog.text("cannot compare text with a list of a number", in: .chinese) == "文本不能与数的列表比较")
        // a message inside a message
        #expect(MessageCatalog.text("x.yaml:1:2: error: syntax error: division by zero", in: .chinese) == "x.yaml:1:2: 错误：语法错误：除数为零")
    }

    @Test func aFailedRuleEvaluationIsChinese() {
        let text = "error: 1 rule evaluation(s) failed; the findings of those rules are incomplete:\n"
            + "  rule overpaid, household 4205251020041: rulesets/national.yaml:120:9: division by zero\n"
        #expect(MessageCatalog.text(text, in: .chinese) == "错误：1 次规则求值失败；这些规则的线索不完整：\n"
                + "  规则 overpaid，家庭 4205251020041：rulesets/national.yaml:120:9: 除数为零\n")
    }

    @Test func aFailedRuleTestCaseIsChinese() {
        let text = "t.yaml:4:5: error: case 'car' failed\n  expected 1 finding(s):\n    vehicle-owned 1\n  got 0:\n"
        #expect(MessageCatalog.text(text, in: .chinese) == "t.yaml:4:5: 错误：用例 'car' 未通过\n  应有 1 条线索：\n    vehicle-owned 1\n  实有 0 条：\n")
    }

    @Test func englishIsReturnedByteForByte() {
        let text = "a.yaml:3:4: error: unknown key 'x'; did you mean 'y'?\n  hint: the keys of this file are: y\n\nwrote 3 files to out\n"
        #expect(MessageCatalog.text(text, in: .english) == text)
        #expect(MessageCatalog.text(text, in: .chinese).hasSuffix("已向 out 写入 3 个文件\n"))
    }
}
