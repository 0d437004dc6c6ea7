import HechaReports
import Testing

struct PrivacyMaskTests {
    @Test func eighteenCharacterIds() {
        #expect(PrivacyMask.id("44190019900101123X") == "441900********123X")
        #expect(PrivacyMask.id("420525194703150027") == "420525********0027")
        #expect(PrivacyMask.id(" 420525194703150027 ") == "420525********0027")
    }

    @Test func legacyAndInvalidIds() {
        #expect(PrivacyMask.id("420525470315002") == "420525*****5002")       // 15-digit legacy id
        #expect(PrivacyMask.id("4205251949120121") == "420525******0121")     // 16 characters
        #expect(PrivacyMask.id("42052519") == "42****19")                     // short: half hidden
        #expect(PrivacyMask.id("1234567") == "1*****7")
        #expect(PrivacyMask.id("123") == "***")
        #expect(PrivacyMask.id("") == "")
        #expect(PrivacyMask.id("４２０５２５１９４７０３１５００２７") == "４２０５２５********００２７")
    }

    @Test func masksNeverRevealMoreThanHalfOfAShortId() {
        for n in 1..<15 {
            let id = String(repeating: "7", count: n)
            let masked = PrivacyMask.id(id)
            #expect(masked.count == n)
            #expect(masked.filter { $0 == "*" }.count * 2 >= n, "\(n) characters")
        }
    }

    @Test func names() {
        #expect(PrivacyMask.name("张") == "*")
        #expect(PrivacyMask.name("张三") == "张*")
        #expect(PrivacyMask.name("李秀英") == "李**")
        #expect(PrivacyMask.name("欧阳娜娜") == "欧***")
        #expect(PrivacyMask.name(" 王五 ") == "王*")
        #expect(PrivacyMask.name("") == "")
    }

    @Test func idsInFreeText() {
        #expect(PrivacyMask.idsInText("身份证号 '42052519470315002X' 校验位错误（应为 7）")
                == "身份证号 '420525********002X' 校验位错误（应为 7）")
        #expect(PrivacyMask.idsInText("'4205251949120121' 长度为 16 位") == "'420525******0121' 长度为 16 位")
        #expect(PrivacyMask.idsInText("发放日期 '2024-06-31' 不是有效日期") == "发放日期 '2024-06-31' 不是有效日期")
        #expect(PrivacyMask.idsInText("金额 1234567") == "金额 1234567")
        // household ids (户编号) are not personal: case workers need them whole
        #expect(PrivacyMask.idsInText("household 4205251000034, member 420525194703150027") == "household 4205251000034, member 420525********0027")
    }

    /// An id written in groups is still an id: it must never reach the terminal whole.
    @Test func idsWrittenWithSpacesOrDashesInsideAreMasked() {
        #expect(PrivacyMask.idsInText("证件号码 '420525 1949 0521 2552' 校验位错误") == "证件号码 '420525********2552' 校验位错误")
        #expect(PrivacyMask.idsInText("420525-19490521-255x。") == "420525********255x。")
        #expect(PrivacyMask.idsInText("'４２０５２５\u{3000}１９４９０５２１２５５２'") == "'４２０５２５********２５５２'")
        #expect(PrivacyMask.idsInText("420525\t194905212552 ") == "420525********2552 ")
        // dates, times, amounts and household ids stay as they are, and so do the blanks around them
        #expect(PrivacyMask.idsInText("2024-06-30 12:00, 第 3 行  4205251000034 -") == "2024-06-30 12:00, 第 3 行  4205251000034 -")
        #expect(PrivacyMask.idsInText("字段数为 5，表头有 6 列") == "字段数为 5，表头有 6 列")
    }
}

/// Personal values of a finding (plates, accounts, addresses) as people see them.
struct PersonalTextTests {
    @Test func platesAccountsAndIdsAreMasked() {
        #expect(PrivacyMask.personal("鄂ER7H6E") == "鄂E***6E")
        #expect(PrivacyMask.personal("6230039289441133234") == "623003*********3234")
        #expect(PrivacyMask.personal("42052519771019700X") == PrivacyMask.id("42052519771019700X"))
        #expect(PrivacyMask.personal("张三") == PrivacyMask.name("张三"))
    }
}

/// An id is masked where it stands on its own, not inside a longer name.
struct IDInsideANameTests {
    @Test func digitsInsideAUUIDOrAHexNameAreNotAnId() {
        let path = "/tmp/hecha-e2e-D11EB8FC/19282345-5423-BEE8-A388/region.yaml"
        #expect(PrivacyMask.idsInText(path) == path)
        #expect(PrivacyMask.idsInText("sha 42052519490521255a1") == "sha 42052519490521255a1")
    }

    @Test func idsNextToChineseOrPunctuationAreStillMasked() {
        #expect(PrivacyMask.idsInText("身份证420525194905212552无效") == "身份证" + PrivacyMask.id("420525194905212552") + "无效")
        #expect(PrivacyMask.idsInText("(420525 1949 0521 2552)") == "(" + PrivacyMask.id("420525194905212552") + ")")
        #expect(PrivacyMask.idsInText("id 42052519490521255X.") == "id " + PrivacyMask.id("42052519490521255X") + ".")
    }
}
