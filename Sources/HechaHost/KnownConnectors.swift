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

extension ConnectorRegistry {
    /// The connectors shipped with Hecha. A new agency connector is added here and in Package.swift.
    public static let known = ConnectorRegistry([
        CivilAffairsConnector.self,
        PublicSecurityConnector.self,
        VehicleRegistryConnector.self,
        RealEstateConnector.self,
        MarketRegulationConnector.self,
        BankingConnector.self,
        IncomeConnector.self,
        OfficialsConnector.self,
        AgriSubsidyConnector.self,
    ])
}
