import ConnectorKit
import HechaCore
import Testing

struct DecimalTextTests {
    @Test(arguments: [
        ("89.5", "89.5"), ("1,089.50", "1089.5"), ("８９．５", "89.5"), (" 120 ", "120"), ("0.125", "0.125"),
        ("89.50㎡", "89.5"), ("89.50 平方米", "89.5"), ("1,234,567.1", "1234567.1"),
    ] as [(String, String)])
    func quantities(text: String, value: String) throws {
        #expect(try DecimalText.quantity(text, units: ["㎡", "平方米"]) == Exact(decimal: value))
    }

    @Test func emptyIsUnknown() throws {
        #expect(try DecimalText.quantity(" ") == nil)
    }

    @Test func badTextIsAProblem() {
        #expect(throws: ValueProblem("'-5' 不能为负数")) { try DecimalText.quantity("-5") }
        #expect(throws: ValueProblem("'1.23456' 超过 4 位小数")) { try DecimalText.quantity("1.23456") }
        #expect(throws: ValueProblem("'12,34.5' 的千位分隔符位置不对")) { try DecimalText.quantity("12,34.5") }
        #expect(throws: ValueProblem("'89.5元' 不是有效数值")) { try DecimalText.quantity("89.5元", units: ["㎡"]) }
        for bad in ["㎡", "1.", ".5", "1.2.3", "1e3", "约90", "1 000"] {
            #expect(throws: ValueProblem.self, "\(bad)") { try DecimalText.quantity(bad, units: ["㎡"]) }
        }
    }
}
