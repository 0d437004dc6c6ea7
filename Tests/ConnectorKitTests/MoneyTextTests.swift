import ConnectorKit
import HechaCore
import Testing

struct MoneyTextTests {
    @Test(arguments: [
        ("1234.5", 123450), ("1,234.50", 123450), ("1234.50元", 123450), ("¥1234.50", 123450), ("￥1,234.5", 123450),
        ("１２３４．５０", 123450), (" 1234 ", 123400), ("0.01", 1), ("-12.30", -1230), ("1,234,567", 123456700), ("0", 0),
    ] as [(String, Int64)])
    func amounts(text: String, fen: Int64) throws {
        #expect(try MoneyText.amount(text) == Exact(fen: fen))
    }

    @Test func emptyIsUnknownNotZero() throws {
        #expect(try MoneyText.amount("") == nil)
        #expect(try MoneyText.amount("  ") == nil)
    }

    @Test func garbageIsRejected() throws {
        #expect(throws: ValueProblem("'12.345' 超过两位小数")) { try MoneyText.amount("12.345") }
        #expect(throws: ValueProblem("'12,34.5' 的千位分隔符位置不对")) { try MoneyText.amount("12,34.5") }
        #expect(throws: ValueProblem("'约1000' 不是有效金额")) { try MoneyText.amount("约1000") }
        for bad in ["元", "1.", ".5", "1.2.3", "1e3", "12a", "--1", "1 000", "99999999999999999999"] {
            #expect(throws: ValueProblem.self, "\(bad)") { try MoneyText.amount(bad) }
        }
    }
}
