import HechaCore

extension SourceConfig {
    /// Opens the CSV file `name` in this source's folder (see ``CSVExportFile``).
    public func openCSV(_ name: String, required: [String], optional: [String] = [],
                        defaultEncoding: TextEncoding = .utf8) throws(Diagnostic) -> CSVExportFile {
        try CSVExportFile(name, in: self, required: required, optional: optional, defaultEncoding: defaultEncoding)
    }

    /// Opens the CSV file `name` in this source's folder with the header columns of `schema`
    /// (see ``SchemaColumns``).
    public func openCSV(_ name: String, schema: RecordSchema, alsoRequired: [FieldSchema] = [],
                        defaultEncoding: TextEncoding = .utf8) throws(Diagnostic) -> CSVExportFile {
        let columns = SchemaColumns(schema, alsoRequired: alsoRequired)
        return try openCSV(name, required: columns.required, optional: columns.optional, defaultEncoding: defaultEncoding)
    }
}

extension ReadRequest {
    /// How many kept facts a reader hands to the ``FactStore`` at once.
    static let factBatch = 16_384

    /// Opens the CSV file `name` in the source's folder (see ``CSVExportFile``).
    public func openCSV(_ name: String, required: [String], optional: [String] = [],
                        defaultEncoding: TextEncoding = .utf8) throws(Diagnostic) -> CSVExportFile {
        try source.openCSV(name, required: required, optional: optional, defaultEncoding: defaultEncoding)
    }

    /// Opens the CSV file `name` in the source's folder with the header columns of `schema`
    /// (see ``SchemaColumns``).
    public func openCSV(_ name: String, schema: RecordSchema, alsoRequired: [FieldSchema] = [],
                        defaultEncoding: TextEncoding = .utf8) throws(Diagnostic) -> CSVExportFile {
        try source.openCSV(name, schema: schema, alsoRequired: alsoRequired, defaultEncoding: defaultEncoding)
    }

    /// Reads one CSV file of facts: opens it, lets `decide` turn each row into a fact (or reject it,
    /// or call it unmatched), stores the kept facts in `collection` and records the file's counts.
    ///
    /// `decide` must depend on the row alone (the index may be consulted; no state is kept between
    /// rows): exact duplicates are then recognised after it, and only for rows it keeps or rejects.
    ///
    /// `personKey` names the column that holds the id of the person a row is about, when `decide`
    /// starts by looking it up with ``CSVRow/personID(_:in:)-(String,_)`` and gives `.unmatched`
    /// for someone not on the roster. Such rows are then counted unmatched without `decide`, and
    /// the plain ones among them are skipped by the SIMD scanner before they are split into fields:
    /// most rows of a large agency file, read at the speed of memory.
    ///
    /// With ``threads`` above 1, a large file is read in pieces on that many threads at once
    /// (``CSVExportFile/readFactsSplit(into:personKey:threads:smallestPiece:store:collection:_:)``),
    /// so `decide` may be called on several threads at once; the facts, counts and rejects are
    /// those of reading it on one thread.
    public func readFacts(_ name: String, required: [String], optional: [String] = [], defaultEncoding: TextEncoding = .utf8,
                          collection: String, personKey: String? = nil,
                          _ decide: (CSVRow) throws(RowReject) -> RowDecision<KeyedRecord>) throws(Diagnostic) {
        let file = try openCSV(name, required: required, optional: optional, defaultEncoding: defaultEncoding)
        let filter = personKey.map { column -> PersonKeyFilter in
            guard let position = file.position(column) else {
                preconditionFailure("the person key '\(column)' of \(name) is not one of the columns declared")
            }
            return PersonKeyFilter(column: position, index: index)
        }
        if try file.readFactsSplit(into: report, personKey: filter, threads: threads, smallestPiece: smallestPiece,
                                   store: facts, collection: collection, decide) {
            return
        }
        var gathering = FactGathering(into: facts, collection: collection)
        try file.readRows(into: report, pure: true, personKey: filter, onKept: { gathering.add($0) }, decide)
        gathering.finish()
    }

    /// Reads one CSV file of facts of `schema`, as ``readFacts(_:required:optional:defaultEncoding:collection:personKey:_:)``
    /// does, with the header columns the schema declares (see ``SchemaColumns``): the columns of
    /// its fields that are not optional and of the fields in `alsoRequired` must be present. The
    /// schema's ``RecordSchema/personKey`` is the person key: `decide` must start by looking it up
    /// (`guard let id = try row.personID(Field.id, in: request.index) else { return .unmatched }`).
    public func readFacts(_ name: String, schema: RecordSchema, alsoRequired: [FieldSchema] = [],
                          defaultEncoding: TextEncoding = .utf8, collection: String,
                          _ decide: (CSVRow) throws(RowReject) -> RowDecision<KeyedRecord>) throws(Diagnostic) {
        let columns = SchemaColumns(schema, alsoRequired: alsoRequired)
        try readFacts(name, required: columns.required, optional: columns.optional, defaultEncoding: defaultEncoding,
                      collection: collection, personKey: schema.personKey?.exportColumn, decide)
    }
}

extension RosterRequest {
    /// Opens the CSV file `name` in the source's folder (see ``CSVExportFile``).
    public func openCSV(_ name: String, required: [String], optional: [String] = [],
                        defaultEncoding: TextEncoding = .utf8) throws(Diagnostic) -> CSVExportFile {
        try source.openCSV(name, required: required, optional: optional, defaultEncoding: defaultEncoding)
    }

    /// Opens the CSV file `name` in the source's folder with the header columns of `schema`
    /// (see ``SchemaColumns``).
    public func openCSV(_ name: String, schema: RecordSchema, alsoRequired: [FieldSchema] = [],
                        defaultEncoding: TextEncoding = .utf8) throws(Diagnostic) -> CSVExportFile {
        try source.openCSV(name, schema: schema, alsoRequired: alsoRequired, defaultEncoding: defaultEncoding)
    }
}
