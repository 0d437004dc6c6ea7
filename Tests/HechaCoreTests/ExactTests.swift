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

/// The 64-bit shortcuts of products, sums, comparisons and rounding (``Exact``'s small parts)
/// give exactly the fraction that 128-bit arithmetic on the parts gives, on parts of every size.
struct ExactSmallPathTests {
    /// Deterministic pseudo-random numbers (SplitMix64), so that a failure can be replayed.
    struct Numbers {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// A fraction whose parts have anything from 1 to 63 bits: amounts, shares, and parts near
        /// the 64-bit limit where the shortcut must give way to the general path.
        mutating func fraction() -> Exact {
            let bits = [4, 10, 20, 31, 40, 62, 63][Int(next() % 7)]
            let mask: UInt64 = bits == 63 ? UInt64(Int64.max) : (1 << bits) - 1
            var n = Int128(next() & mask)
            if next() & 1 == 0 { n = -n }
            let denominators: [Int128] = [1, 2, 3, 12, 100, 10000, Int128(next() & 0xFFFF) + 1, Int128(next() & mask) + 1]
            let d = denominators[Int(next() % UInt64(denominators.count))]
            return Exact(n, min(d, Int128(Int64.max)))
        }
    }

    @Test func productsSumsAndComparisonsMatch128BitArithmetic() throws {
        var numbers = Numbers(state: 20_261_203)
        for _ in 0..<20_000 {
            let a = numbers.fraction(), b = numbers.fraction()
            let product = try a.multiplied(by: b)
            let reference = Exact(a.numerator * b.numerator, a.denominator * b.denominator)
            #expect(product.numerator == reference.numerator && product.denominator == reference.denominator, "\(a) × \(b)")
            let sum = try a.adding(b)
            let expected = Exact(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
            #expect(sum.numerator == expected.numerator && sum.denominator == expected.denominator, "\(a) + \(b)")
            #expect((a < b) == (a.numerator * b.denominator < b.numerator * a.denominator), "\(a) < \(b)")
            #expect((b < a) == (b.numerator * a.denominator < a.numerator * b.denominator), "\(b) < \(a)")
        }
    }

    @Test func roundingMatches128BitArithmetic() throws {
        var numbers = Numbers(state: 7)
        for _ in 0..<20_000 {
            let x = numbers.fraction()
            for places in [0, 1, 2, 4, 18] {
                var scale: Int128 = 1
                for _ in 0..<places { scale *= 10 }
                let m = x.numerator.magnitude, d = x.denominator.magnitude
                // half away from zero: floor((2 m scale + d) / 2d)
                let units = Int128((2 * m * UInt128(scale) + d) / (2 * d))
                let expected = Exact(x.isNegative ? -units : units, scale)
                #expect(try x.checkedRounded(places: places) == expected, "\(x) to \(places) places")
            }
        }
    }

    @Test func zeroAndSignsAreKeptInLowestTerms() throws {
        let third = Exact(1, 3), minusHalf = Exact(-1, 2)
        #expect(try Exact.zero.multiplied(by: third).denominator == 1)
        #expect(try third.multiplied(by: Exact(3)) == .one)
        #expect(try minusHalf.multiplied(by: minusHalf) == Exact(1, 4))
        #expect(try third.adding(minusHalf) == Exact(-1, 6))
        #expect(try third.adding(Exact(2, 3)).denominator == 1)
        #expect(try minusHalf.checkedRounded(places: 0) == Exact(-1))
        #expect(try Exact(-1, 3).checkedRounded(places: 0) == .zero)
    }
}
