import AgriSubsidyConnector
import BankingConnector
import CivilAffairsConnector
import ConnectorKit
import IncomeConnector
import MarketRegulationConnector
import OfficialsConnector
import PublicSecurityConnector
import RealEstateConnector
import VehicleRegistryConnector

/// The agency connectors shipped with Hecha: every target of the `connectors` list in
/// Package.swift, registered here (`swift package new-connector` writes both lines).
public enum BuiltInConnectors {
    /// Each connector type, in the order `hecha rules` lists their facts.
    public static let all: [any Connector.Type] = [
        CivilAffairsConnector.self,
        PublicSecurityConnector.self,
        VehicleRegistryConnector.self,
        RealEstateConnector.self,
        MarketRegulationConnector.self,
        BankingConnector.self,
        IncomeConnector.self,
        OfficialsConnector.self,
        AgriSubsidyConnector.self,
    ]
}
