/// Rows of one schema numbered from 0 in the order they were added, held compactly like facts
/// (``FactChunk``: a narrow slot per field, text in a byte arena): the roster's households and members.
///
/// A city's roster has a million members; held as ``Record``s they took about 900 MiB, and the
/// roster is kept for the whole run. Rows are decoded again when they are asked for, one
/// household at a time.
///
/// Rows go into chunks of a fixed size, so a growing roster is never copied into a larger array.
struct RosterRows: Sendable {
    /// Rows per chunk (after the first, which starts small for the rosters of tests).
    static let chunkRows = 1 << 16

    let schema: RecordSchema
    private var chunks: [FactChunk] = []
    /// The number of rows added.
    private(set) var count = 0

    init(schema: RecordSchema) { self.schema = schema }

    /// Adds `record` as row number ``count``.
    mutating func append(_ record: Record) {
        if count % Self.chunkRows == 0 {
            chunks.last?.seal()
            chunks.append(FactChunk(schema: schema, capacity: chunks.isEmpty ? 256 : Self.chunkRows))
        }
        chunks[count / Self.chunkRows].append(record)
        count += 1
    }

    /// Gives back the room the last chunk reserved for rows that did not come; call it once, when
    /// every row is added.
    func seal() { chunks.last?.seal() }

    /// The bytes the rows take (see ``FactChunk/memory``).
    var memory: Int { chunks.reduce(0) { $0 + $1.memory } }

    /// Row `row` as a record.
    func record(_ row: Int) -> Record {
        chunks[row / Self.chunkRows].record(row % Self.chunkRows)
    }

    /// The field values of row `row`, with room for `reserving` values in all; fields left out
    /// by `decoding` (by position; nil: none) are `unknown`.
    func values(_ row: Int, decoding: [Bool]? = nil, reserving: Int = 0) -> [Value] {
        chunks[row / Self.chunkRows].values(row % Self.chunkRows, decoding: decoding, reserving: reserving)
    }

    /// Field number `field` of row `row`.
    func value(_ row: Int, field: Int) -> Value {
        chunks[row / Self.chunkRows].value(row % Self.chunkRows, field: field)
    }

    /// Where row `row` was read.
    func source(_ row: Int) -> SourceRef? {
        chunks[row / Self.chunkRows].source(row % Self.chunkRows)
    }
}
