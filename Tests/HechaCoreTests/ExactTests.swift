import HechaCore
import Testing

struct ExactTests {
    @Test func fractionsStayExactUntilRounded() {
        let third = Exact(2000).divided(by: Exact(3))!
        #expect(third.denominator == 3)
        #expect(third.decimalString() == "666.67")
        #expect((third * Exact(3)) == Exact(2000))
    }

    @Test func roundsHalfAwayFromZero() {
        #expect(Exact(decimal: "0.125")!.rounded(places: 2) == Exact(decimal: "0.13")!)
        #expect(Exact(decimal: "0.124")!.rounded(places: 2) == Exact(decimal: "0.12")!)
        #expect(Exact(decimal: "-0.125")!.rounded(places: 2) == Exact(decimal: "-0.13")!)
        #expect(Exact(decimal: "2.5")!.rounded(places: 0) == Exact(3))
    }

    @Test func decimalText() {
        #expect(Exact(fen: 123450).decimalString() == "1234.50")
        #expect(Exact(fen: -5).decimalString() == "-0.05")
        #expect(Exact(0).decimalString() == "0.00")
        #expect(Exact(1).divided(by: Exact(8))!.description == "0.125")
        #expect(Exact(1).divided(by: Exact(3))!.description == "1/3")
    }

    @Test func parsesPlainDecimals() {
        #expect(Exact(decimal: "1370") == Exact(1370))
        #expect(Exact(decimal: "1.00") == Exact(1))
        #expect(Exact(decimal: "-3.5") == Exact(-7).divided(by: Exact(2)))
        #expect(Exact(decimal: "1,234") == nil)
        #expect(Exact(decimal: "") == nil)
        #expect(Exact(decimal: "1.2.3") == nil)
        #expect(Exact(decimal: ".") == nil)
    }

    @Test func comparesExactly() {
        let a = Exact(1).divided(by: Exact(3))!
        let b = Exact(decimal: "0.3333333333")!
        #expect(b < a)
        #expect(Exact(0) < a)
    }

    @Test func divisionByZeroIsNil() {
        #expect(Exact(5).divided(by: .zero) == nil)
    }
}

struct ExactStorageTests {
    /// Facts hold many numbers: an amount stays small, and so does a value in the rule language.
    @Test func amountsAreStoredCompactly() {
        #expect(MemoryLayout<Exact>.size <= 17)
        #expect(MemoryLayout<Value>.stride <= 24)
    }

    @Test func largeFractionsStayExact() {
        let big = Exact(Int128(Int64.max) * 4, 3)  // does not fit 64 bits
        #expect(big.numerator == Int128(Int64.max) * 4 && big.denominator == 3)
        #expect(big * Exact(3) == Exact(Int128(Int64.max) * 4, 1))
        #expect((big - big) == .zero)
        #expect(Exact(Int128(Int64.max) * 2, 2) == Exact(Int128(Int64.max), 1))
        #expect(Set([Exact(Int128(Int64.max) * 2, 2), Exact(Int128(Int64.max), 1)]).count == 1)
    }
}

/// Results too large for 127-bit parts are errors on the checked path, never a trap.
struct ExactOverflowTests {
    let quintillion = Exact(1_000_000_000_000_000_000)

    @Test func productsThatDoNotFitAreErrors() throws {
        let big = try quintillion.multiplied(by: quintillion)
        #expect(big.description == "1" + String(repeating: "0", count: 36))
        #expect(throws: ExactError.overflow) { try big.multiplied(by: quintillion) }
        #expect(throws: ExactError.overflow) { try big.multiplied(by: big).adding(.one) }
        #expect(throws: ExactError.overflow) { try big.adding(big).multiplied(by: Exact(1000)) }
    }

    @Test func fortyEightDivisionsBySevenAreAnError() throws {
        var x = Exact(300)
        var failedAfter: Int?
        for i in 1...48 {
            do { x = try x.dividing(by: Exact(7)) } catch { failedAfter = i; break }
        }
        #expect(failedAfter != nil && failedAfter! > 40)
        #expect(throws: ExactError.divisionByZero) { try Exact.one.dividing(by: .zero) }
    }

    @Test func largeValuesCompareRoundAndPrintWithoutTrapping() throws {
        let big = try quintillion.multiplied(by: quintillion).multiplied(by: Exact(100))   // 10^38
        let almost = try big.subtracting(.one).dividing(by: Exact(3))
        #expect(almost < big)
        #expect(!(big < almost))
        #expect(try big.dividing(by: Exact(7)) > big.dividing(by: Exact(8)))
        #expect(throws: ExactError.overflow) { try big.checkedRounded(places: 2) }
        #expect(big.decimalString(places: 2) == "1" + String(repeating: "0", count: 38) + ".00")
        #expect(almost.decimalString(places: 1) == String(repeating: "3", count: 38) + ".0")
        #expect(try Exact(2).dividing(by: Exact(3)).checkedRounded(places: 2) == Exact(decimal: "0.67")!)
    }
}
