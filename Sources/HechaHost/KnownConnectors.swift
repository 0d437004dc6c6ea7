import CivilAffairsConnector
import ConnectorKit
import PublicSecurityConnector
import VehicleRegistryConnector

extension ConnectorRegistry {
    /// The connectors shipped with Hecha. A new agency connector is added here and in Package.swift.
    public static let known = ConnectorRegistry([
        CivilAffairsConnector.self,
        PublicSecurityConnector.self,
        VehicleRegistryConnector.self,
    ])
}
