import HechaCore

/// What an out-of-process connector declared about itself when asked (its `spec` answer): the
/// region loader adds its fact types to the catalog before any rule is checked.
public struct ExternalSourceSpec: Sendable {
    /// The program's own id (informative; the region's key under `sources:` names the source).
    public var id: String
    /// A human title, e.g. `残联残疾人证`.
    public var title: String
    /// The fact types the program yields.
    public var factSchemas: [FactSchema]
    /// The field of each record (by record name) that holds its key: a person's id number or a household id.
    public var keyFields: [String: String]

    /// A spec as answered by a program.
    public init(id: String, title: String, factSchemas: [FactSchema], keyFields: [String: String]) {
        self.id = id
        self.title = title
        self.factSchemas = factSchemas
        self.keyFields = keyFields
    }
}

/// Asks the program of a `command:` source for its spec; throws a diagnostic naming the program
/// and what is wrong with its answer.
public typealias ExternalSpecProvider = @Sendable (SourceEntry) throws(Diagnostic) -> ExternalSourceSpec

extension FactCatalog {
    /// This catalog with the fact types of `entry`'s program added, or the problems that make
    /// them unusable (a collection or record name already taken).
    func adding(_ spec: ExternalSourceSpec, of entry: SourceEntry) -> (catalog: FactCatalog, problems: [String]) {
        var problems: [String] = []
        var taken = Set(facts.map { "\($0.schema.key.rawValue).\($0.schema.collection)" })
        var records = Set(schemas.keys)
        for f in spec.factSchemas {
            if !taken.insert("\(f.key.rawValue).\(f.collection)").inserted {
                problems.append("collection '\(f.collection)' of the \(f.key.rawValue) facts is already used by another source")
            }
            if !records.insert(f.record.name).inserted {
                problems.append("record name '\(f.record.name)' is already used by another source")
            }
        }
        return (FactCatalog(facts: facts + spec.factSchemas.map { (connector: entry.id, schema: $0) }), problems)
    }
}
