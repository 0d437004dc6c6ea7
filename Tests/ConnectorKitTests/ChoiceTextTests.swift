import ConnectorKit
import Testing

struct ChoiceTextTests {
    @Test func yesNo() throws {
        #expect(try ChoiceText.yesNo("是") == true)
        #expect(try ChoiceText.yesNo(" 否 ") == false)
        #expect(throws: ValueProblem("'Y' 应为 是 或 否")) { try ChoiceText.yesNo("Y") }
        #expect(throws: ValueProblem.self) { try ChoiceText.yesNo("") }
    }

    @Test func closedLists() throws {
        let allowed = ["正常", "抵押", "注销", "报废"]
        #expect(try ChoiceText.oneOf(" 抵押", allowed) == "抵押")
        #expect(throws: ValueProblem("'被盗' 不在允许的取值中（正常 | 抵押 | 注销 | 报废）")) { try ChoiceText.oneOf("被盗", allowed) }
    }

    @Test func fieldText() throws {
        #expect(FieldText.trimmed("\u{3000} a b \u{FEFF}") == "a b")
        #expect(FieldText.halfWidth("Ａ１，ｘ\u{3000}") == "A1,x ")
        #expect(FieldText.normalized("\u{3000}１２\u{3000}") == "12")
    }
}
