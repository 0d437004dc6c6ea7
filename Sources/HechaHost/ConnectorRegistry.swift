import ConnectorKit
import HechaCore
import HechaRules

/// The connectors the host knows, by id. Region files pick them under `sources:`.
public struct ConnectorRegistry: Sendable {
    /// The connector types, in the order given.
    public let connectors: [any Connector.Type]

    /// A registry of exactly these connectors (the built-in ones plus any a package adds).
    public init(_ connectors: [any Connector.Type]) {
        self.connectors = connectors
    }

    /// The connector whose `id` a region file names under `sources:`, or nil when none has it.
    public func connector(id: String) -> (any Connector.Type)? {
        connectors.first { $0.id == id }
    }

    /// Every connector's id, for did-you-mean hints and listings.
    public var ids: [String] { connectors.map { $0.id } }

    /// Every connector's fact types, for type-checking rules.
    public var factCatalog: FactCatalog {
        FactCatalog(facts: connectors.flatMap { c in c.factSchemas.map { (connector: c.id, schema: $0) } })
    }
}
