import ConnectorKit
import Testing

struct IDNumberTests {
    @Test func validNumbersStayAsTheyAre() throws {
        #expect(IDNumber("11010519491231002X").isValid)
        #expect(IDNumber("11010519491231002X").text == "11010519491231002X")
        #expect(IDNumber("441900198001011237").isValid)
        #expect(IDNumber("441900198002290012").isValid)  // 1980 is a leap year
    }

    @Test func messyWritingIsNormalised() throws {
        #expect(IDNumber("  11010519491231002x ").text == "11010519491231002X")
        #expect(IDNumber("\u{3000}１１０１０５１９４９１２３１００２ｘ\u{3000}").text == "11010519491231002X")
        #expect(IDNumber("１１０１０５１９４９１２３１００２Ｘ").isValid)
    }

    @Test func fifteenDigitLegacyNumbersBecomeEighteen() throws {
        let id = IDNumber("110105491231002")
        #expect(id.text == "11010519491231002X")
        #expect(id.isValid)
        #expect(IDNumber("441900800101123").text == "441900198001011237")
        let bad = IDNumber("441900800230123")
        #expect(!bad.isValid)
        // converted like any legacy number, then invalid for its birth date
        #expect(bad.text.count == 18 && bad.text.hasPrefix("44190019800230123"))
        #expect(bad.problem == "15 位旧号码 '441900800230123' 转换为 18 位后：'\(bad.text)' 中的出生日期 19800230 不存在")
    }

    @Test func invalidNumbersSayWhy() throws {
        #expect(IDNumber("").problem == "为空")
        #expect(IDNumber("   ").problem == "为空")
        #expect(IDNumber("4419001980010112").problem == "'4419001980010112' 长度为 16 位，应为 18 位（或 15 位旧号码）")
        #expect(IDNumber("441900198001011236").problem == "'441900198001011236' 校验位错误（应为 7）")
        #expect(IDNumber("11010519491231002Y").problem == "'11010519491231002Y' 最后一位应为数字或 X")
        #expect(IDNumber("4419001980A1011237").problem == "'4419001980A1011237' 前 17 位应全为数字")
        #expect(IDNumber("441900198002300011").problem == "'441900198002300011' 中的出生日期 19800230 不存在")
        #expect(IDNumber("441900189901011230").problem == "'441900189901011230' 中的出生日期 18990101 不存在")
        #expect(IDNumber("110105194912310021").problem == "'110105194912310021' 校验位错误（应为 X）")
    }

    @Test func checkCharacter() throws {
        #expect(IDNumber.checkCharacter(Array("11010519491231002".utf8)) == "X")
        #expect(IDNumber.checkCharacter(Array("44190020100301345".utf8)) == "X")
        #expect(IDNumber.checkCharacter(Array("44190019800101123".utf8)) == "7")
    }
}
