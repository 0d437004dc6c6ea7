import ConnectorKit
import HechaCore
import HechaRules

/// The connectors the host knows, by id. Region files pick them under `sources:`.
public struct ConnectorRegistry: Sendable {
    public let connectors: [any Connector.Type]

    public init(_ connectors: [any Connector.Type]) {
        self.connectors = connectors
    }

    public func connector(id: String) -> (any Connector.Type)? {
        connectors.first { $0.id == id }
    }

    public var ids: [String] { connectors.map { $0.id } }

    /// Every connector's fact types, for type-checking rules.
    public var factCatalog: FactCatalog {
        FactCatalog(facts: connectors.flatMap { c in c.factSchemas.map { (connector: c.id, schema: $0) } })
    }
}
