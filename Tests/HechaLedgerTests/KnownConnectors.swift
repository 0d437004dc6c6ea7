import BuiltInConnectors
import HechaHost

extension ConnectorRegistry {
    /// The connectors shipped with Hecha, as the `hecha` executable registers them.
    static let known = ConnectorRegistry(BuiltInConnectors.all)
}
