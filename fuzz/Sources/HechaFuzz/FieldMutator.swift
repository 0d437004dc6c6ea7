import TestSupport

/// Mutates an export file's text the way broken exports differ from good ones: mostly inside
/// one field of one row, keeping the text valid UTF-8, so that the row parsers (ids, dates,
/// money, choices, quoting) are reached, not only the first bad byte; sometimes whole rows, and
/// now and then raw bytes.
struct FieldMutator {
    var random: SplitMix64

    /// Values that exporters get wrong, and values that look like them.
    static let interesting: [String] = [
        "", " ", "　", "０", "-1", "0.00", "1,234.50元", "1e308", "NaN", "99999999999999999999.99",
        "420525194905212552", "42052519490521255X", "420525 1949 0521 2552", "420525-19490521-2552",
        "４２０５２５１９４９０５２１２５５２", "4205251949052", "2024-13-01", "2024-02-30", "2024年3月", "20240331",
        "1899-12-31", "是", "否", "Y", "N", "本人", "配偶", "\"", "\"\"", "a\"b", "\"unterminated", "\r", "\n",
        "\r\n", "=1+1", "\u{0}", "\u{1B}[31m", "鸣凤/镇", String(repeating: "长", count: 300), "🙂",
    ]
    static let alphabet: [Character] = Array("0123456789Xx ,\"\t\r\n-.:{}[]\\中文镇村元年月日　０")

    /// A mutated copy of `bytes`; `isJSONLines` picks mutations that keep a line a JSON object most of the time.
    mutating func mutate(_ bytes: [UInt8], isJSONLines: Bool) -> [UInt8] {
        guard let text = String(validating: bytes, as: UTF8.self), random.next(below: 20) != 0 else {
            return mutateBytes(bytes)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count > 1 else { return mutateBytes(bytes) }
        for _ in 0...random.next(below: 3) {
            // the header (a CSV's first line) is mutated rarely: most inputs should reach the rows
            let row = isJSONLines || random.next(below: 20) == 0 ? random.next(below: lines.count) : 1 + random.next(below: lines.count - 1)
            switch random.next(below: 10) {
            case 0: lines.insert(lines[row], at: random.next(below: lines.count))
            case 1: lines.remove(at: row)
            case 2: lines.swapAt(row, random.next(below: lines.count))
            default: lines[row] = isJSONLines ? mutateJSONLine(lines[row]) : mutateCSVLine(lines[row])
            }
            if lines.isEmpty { break }
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    private mutating func mutateCSVLine(_ line: String) -> String {
        var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let f = random.next(below: fields.count)
        switch random.next(below: 8) {
        case 0: fields.remove(at: f)
        case 1: fields.insert(fields[f], at: f)
        case 2, 3: fields[f] = mutateChars(fields[f])
        default: fields[f] = pick(Self.interesting)
        }
        return fields.joined(separator: ",")
    }

    /// Inside a string value (`"…"`) most of the time, anywhere in the line sometimes.
    private mutating func mutateJSONLine(_ line: String) -> String {
        var parts = line.split(separator: "\"", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 2, random.next(below: 5) != 0 else { return mutateChars(line) }
        let value = 1 + 2 * random.next(below: parts.count / 2)  // odd parts are inside quotes
        parts[value] = random.next(below: 2) == 0 ? mutateChars(parts[value])
            : pick(Self.interesting).replacingOccurrences(of: "\"", with: "\\\"")
        return parts.joined(separator: "\"")
    }

    private mutating func mutateChars(_ s: String) -> String {
        var chars = Array(s)
        let at = random.next(below: chars.count + 1)
        switch random.next(below: 3) {
        case 0 where at < chars.count: chars[at] = pick(Self.alphabet)
        case 1 where at < chars.count: chars.remove(at: at)
        default: chars.insert(pick(Self.alphabet), at: at)
        }
        return String(chars)
    }

    /// Raw byte damage: a flipped byte (perhaps breaking a character), a cut, a stray CR.
    private mutating func mutateBytes(_ bytes: [UInt8]) -> [UInt8] {
        var b = bytes
        guard !b.isEmpty else { return [0x0D] }
        let at = random.next(below: b.count)
        switch random.next(below: 4) {
        case 0: b[at] ^= UInt8(1 << random.next(below: 8))
        case 1: b.removeSubrange(at...)
        case 2: b.insert(contentsOf: [0xE4, 0xB8], at: at)
        default: b = b.map { $0 == 0x0A ? 0x0D : $0 }  // an old Mac export
        }
        return b
    }

    private mutating func pick<T>(_ all: [T]) -> T { all[random.next(below: all.count)] }
}
