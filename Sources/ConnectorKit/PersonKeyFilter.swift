import HechaCore

/// The column of a file that holds the person a row is about, and the roster: tells the rows of
/// people outside the roster (most rows of an agency's file) before they are read field by field.
struct PersonKeyFilter {
    /// The key column's position in the header.
    let column: Int
    /// The roster's people.
    let index: PersonIndex

    /// Whether `bytes` (a key field, untrimmed) is a valid id written plainly of someone not on
    /// the roster. Anything else (an id on the roster, an invalid id, a 15-digit or full-width
    /// one) is `false`, and the row goes to the connector, which normalises, keeps or rejects it.
    @inline(__always)
    func isUnmatched(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let body = IDNumber.plainBody(bytes) else { return false }
        return !index.containsPerson(body: body)
    }

    /// ``isUnmatched(_:)`` for a key the SIMD scanner read: `body` is its ``IDNumber/plainBody(_:)``,
    /// 0 when it has none.
    @inline(__always)
    func isUnmatched(body: UInt64) -> Bool { body != 0 && !index.containsPerson(body: body) }

    /// ``isUnmatched(_:)`` for the key field of the record `reader` returned last (a field with
    /// doubled quotes is never plain).
    func isUnmatched(in reader: CSVReader) -> Bool {
        let span = reader.doneSpans[column]
        guard !span.escaped else { return false }
        return reader.buffer.withUnsafeBufferPointer { isUnmatched(UnsafeBufferPointer(rebasing: $0[span.start..<span.end])) }
    }
}
