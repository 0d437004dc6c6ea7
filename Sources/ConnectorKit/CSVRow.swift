import HechaCore

/// One data row of a ``CSVExportFile``, read by column name.
///
/// Every accessor trims blanks and throws a ``RowReject`` whose reason names the column, e.g.
/// `死亡日期 '2024-13-01' 不是有效日期` or `机动车状态 为空`. Required accessors reject an empty field;
/// `optional…` accessors return `nil` (unknown) for an empty field or a column the header lacks.
///
/// ```swift
/// let owner = try row.personID("所有人证件号码")
/// let price = try row.optionalMoney("购置价格")
/// let status = try row.oneOf("机动车状态", ["正常", "抵押", "注销", "报废"])
/// ```
///
/// A row is only valid inside the `decide` closure it is handed to: its fields are read from the
/// reader's buffer on demand, so a row of someone not on the roster never becomes Strings.
public struct CSVRow {
    /// The physical line where the row starts.
    public let line: Int
    let reader: CSVReader
    let record: RawRecord
    /// The file the row belongs to.
    public let file: CSVExportFile

    init(record: RawRecord, reader: CSVReader, file: CSVExportFile) {
        line = record.line
        self.record = record
        self.reader = reader
        self.file = file
    }

    /// The fields as read (not trimmed), in header order.
    public var fields: [String] { reader.doneSpans.map(reader.string) }

    /// The raw bytes of the row.
    public var raw: ArraySlice<UInt8> { reader.buffer[record.start..<record.end] }

    /// Where the row is, for ``Record/source``: source id, file name, line.
    public var origin: SourceRef { SourceRef(origin: file.origin, line: line) }

    /// The field's text as written (untrimmed), or `nil` when the header lacks the column.
    public func field(_ column: String) -> String? {
        guard let i = file.position(column) else { return nil }
        return reader.string(reader.doneSpans[i])
    }

    /// The position in `allowed` of the value the field holds byte for byte (no blanks, no quotes
    /// doubled): the common case, decided without making a String. `nil` sends the field down the
    /// general path, which trims it and names the allowed values when it is none of them.
    @inline(__always)
    private func exactChoice(_ column: String, _ allowed: [String]) -> Int? {
        guard let i = file.position(column) else { return nil }
        let span = reader.doneSpans[i]
        guard !span.escaped, span.end > span.start else { return nil }
        return reader.buffer.withUnsafeBufferPointer { p -> Int? in
            let bytes = UnsafeBufferPointer(rebasing: p[span.start..<span.end])
            return allowed.firstIndex { $0.utf8.count == bytes.count && $0.utf8.elementsEqual(bytes) }
        }
    }

    /// A month written plainly (`2024-03` or `202403` in ASCII), or `nil` when the field holds
    /// anything else — another form, a year, a bad value — for the caller's general path.
    public func plainMonth(_ column: String) -> Month? { plainASCII(column, DateText.isoMonth) }

    /// A year written plainly (four ASCII digits within ``DateText/years``), or `nil` when the
    /// field holds anything else, for the caller's general path.
    public func plainYear(_ column: String) -> Int? {
        plainASCII(column) { p -> Int? in
            guard p.count == 4, p.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            let y = p.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            return DateText.years.contains(y) ? y : nil
        }
    }

    /// The field's bytes without surrounding ASCII blanks, when it is plain ASCII with no doubled
    /// quotes: the form most values take, parsed here without a String. `nil` sends the value
    /// down the general path (trimming Unicode blanks, full-width digits, …).
    @inline(__always)
    private func plainASCII<T>(_ column: String, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        guard let i = file.position(column) else { return nil }
        let span = reader.doneSpans[i]
        if span.escaped { return nil }
        return reader.buffer.withUnsafeBufferPointer { p -> T? in
            var lo = span.start, hi = span.end
            while lo < hi && (p[lo] == 0x20 || p[lo] == 0x09) { lo += 1 }
            while hi > lo && (p[hi - 1] == 0x20 || p[hi - 1] == 0x09) { hi -= 1 }
            guard hi > lo else { return nil }
            return body(UnsafeBufferPointer(rebasing: p[lo..<hi]))
        }
    }

    private func present(_ column: String) -> String? {
        guard let f = field(column) else { return nil }
        let t = FieldText.trimmed(f)
        return t.isEmpty ? nil : t
    }

    private func required(_ column: String) throws(RowReject) -> String {
        guard file.position(column) != nil else {
            preconditionFailure("column '\(column)' of \(file.name) was not declared when the file was opened")
        }
        guard let t = present(column) else { throw RowReject("\(column) 为空") }
        return t
    }

    private func parse<T>(_ column: String, _ text: String, _ body: (String) throws(ValueProblem) -> T) throws(RowReject) -> T {
        do { return try body(text) } catch { throw RowReject("\(column) \(error.reason)") }
    }

    /// Whether a UTF-8 lead byte (or ASCII byte) can start a character that is never blank (see
    /// ``FieldText/isBlank(_:)``): printable ASCII, or a lead byte no blank begins with (blanks
    /// beyond ASCII start with C2, E2, E3 or EF — Chinese text starts with E4…E9).
    @inline(__always)
    private static func neverBlank(_ b: UInt8) -> Bool {
        (b > 0x20 && b < 0x80) || (b >= 0xC0 && b != 0xC2 && b != 0xE2 && b != 0xE3 && b != 0xEF)
    }

    /// The field's text when it needs no trimming (its first and last characters are never
    /// blank) and has no doubled quotes — most fields, Chinese text included — without the general
    /// path's String scans. `nil` when the column is absent or the field needs the general path.
    @inline(__always)
    private func untrimmedText(_ column: String) -> String? {
        untrimmed(column) { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` applied to the field's bytes when they are its text as ``text(_:)`` gives it (no
    /// trimming needed, no doubled quotes); `nil` when the column is absent or the field needs
    /// the general path. The bytes are valid only inside `body`.
    @inline(__always)
    func untrimmed<T>(_ column: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        guard let i = file.position(column) else { return nil }
        let span = reader.doneSpans[i]
        guard !span.escaped, span.end > span.start else { return nil }
        return reader.buffer.withUnsafeBufferPointer { p -> T? in
            var lead = span.end - 1
            while lead > span.start && p[lead] & 0xC0 == 0x80 && span.end - lead < 4 { lead -= 1 }
            guard CSVRow.neverBlank(p[span.start]), CSVRow.neverBlank(p[lead]) else { return nil }
            return body(UnsafeBufferPointer(rebasing: p[span.start..<span.end]))
        }
    }

    /// The trimmed text of a required column.
    public func text(_ column: String) throws(RowReject) -> String {
        if let plain = untrimmedText(column) { return plain }
        return try required(column)
    }

    /// The trimmed text, or `nil` when empty.
    public func optionalText(_ column: String) -> String? { untrimmedText(column) ?? present(column) }

    /// A required date (see ``DateText``).
    public func day(_ column: String) throws(RowReject) -> Day {
        if let d = plainASCII(column, DateText.isoDay) { return d }
        return try parse(column, try required(column), DateText.day)
    }

    /// An optional date.
    public func optionalDay(_ column: String) throws(RowReject) -> Day? {
        if let d = plainASCII(column, DateText.isoDay) { return d }
        guard let t = present(column) else { return nil }
        return try parse(column, t, DateText.day)
    }

    /// A required month.
    public func month(_ column: String) throws(RowReject) -> Month {
        if let m = plainASCII(column, DateText.isoMonth) { return m }
        return try parse(column, try required(column), DateText.month)
    }

    /// An optional month.
    public func optionalMonth(_ column: String) throws(RowReject) -> Month? {
        guard let t = present(column) else { return nil }
        return try parse(column, t, DateText.month)
    }

    /// A required year.
    public func year(_ column: String) throws(RowReject) -> Int {
        try parse(column, try required(column), DateText.year)
    }

    /// A required amount of money (see ``MoneyText``).
    public func money(_ column: String) throws(RowReject) -> Exact {
        if let v = plainASCII(column, MoneyText.plainAmount) { return v }
        let t = try required(column)
        guard let v = try parse(column, t, MoneyText.amount) else { throw RowReject("\(column) 为空") }
        return v
    }

    /// An optional amount: `nil` (unknown, never zero) when empty.
    public func optionalMoney(_ column: String) throws(RowReject) -> Exact? {
        if let v = plainASCII(column, MoneyText.plainAmount) { return v }
        guard let t = present(column) else { return nil }
        return try parse(column, t, MoneyText.amount)
    }

    /// A required `是` / `否`.
    public func yesNo(_ column: String) throws(RowReject) -> Bool {
        if let i = exactChoice(column, CSVRow.yesNoWords) { return i == 0 }
        return try parse(column, try required(column), ChoiceText.yesNo)
    }

    private static let yesNoWords = ["是", "否"]

    /// An optional `是` / `否`.
    public func optionalYesNo(_ column: String) throws(RowReject) -> Bool? {
        guard let t = present(column) else { return nil }
        return try parse(column, t, ChoiceText.yesNo)
    }

    /// A required value from a closed list.
    public func oneOf(_ column: String, _ allowed: [String]) throws(RowReject) -> String {
        if let i = exactChoice(column, allowed) { return allowed[i] }
        let t = try required(column)
        return try parse(column, t) { (s: String) throws(ValueProblem) in try ChoiceText.oneOf(s, allowed) }
    }

    /// An optional value from a closed list.
    public func optionalOneOf(_ column: String, _ allowed: [String]) throws(RowReject) -> String? {
        if let i = exactChoice(column, allowed) { return allowed[i] }
        guard let t = present(column) else { return nil }
        return try parse(column, t) { (s: String) throws(ValueProblem) in try ChoiceText.oneOf(s, allowed) }
    }

    /// A required, valid id number, normalised (see ``IDNumber``). An invalid one rejects the row:
    /// it can match nobody.
    public func personID(_ column: String) throws(RowReject) -> String {
        let id = IDNumber(try required(column))
        if let problem = id.problem { throw RowReject("\(column) \(problem)，不是有效的身份证号") }
        return id.text
    }

    /// The id number of a person on the roster: the normalised id when it is valid and in `index`,
    /// `nil` when it is valid but not on the roster (the row is unmatched); an invalid id rejects
    /// the row as ``personID(_:)`` does. A plain 18-character id is checked and looked up without
    /// building a String, so rows of people outside the roster cost no allocation.
    public func personID(_ column: String, in index: PersonIndex) throws(RowReject) -> String? {
        guard let i = file.position(column) else {
            preconditionFailure("column '\(column)' of \(file.name) was not declared when the file was opened")
        }
        let span = reader.doneSpans[i]
        if !span.escaped, let body = reader.buffer.withUnsafeBufferPointer({ IDNumber.plainBody(UnsafeBufferPointer(rebasing: $0[span.start..<span.end])) }) {
            return index.containsPerson(body: body) ? IDNumber.text(body: body) : nil
        }
        let id = try personID(column)
        return index.containsPerson(id) ? id : nil
    }

    /// The id number of a required column, normalised as far as possible, valid or not (an empty
    /// field rejects the row): ``idNumber(_:)`` for a column that must be filled.
    public func requiredIDNumber(_ column: String) throws(RowReject) -> IDNumber {
        if let id = plainIDNumber(column) { return id }
        return IDNumber(try text(column))
    }

    /// The id number normalised as far as possible, valid or not (empty counts as invalid), for
    /// files that keep rows with bad ids (the roster's members).
    public func idNumber(_ column: String) -> IDNumber {
        plainIDNumber(column) ?? IDNumber(field(column) ?? "")
    }

    /// A valid id written plainly, read without a String; `nil` for anything else.
    private func plainIDNumber(_ column: String) -> IDNumber? {
        guard let i = file.position(column) else { return nil }
        let span = reader.doneSpans[i]
        guard !span.escaped,
            let body = reader.buffer.withUnsafeBufferPointer({ IDNumber.plainBody(UnsafeBufferPointer(rebasing: $0[span.start..<span.end])) })
        else { return nil }
        return IDNumber(validBody: body)
    }
}
