import DisabilityRegistryConnector
import HechaCLI

await HechaCLI.main(connectors: HechaCLI.builtInConnectors + [DisabilityRegistryConnector.self])
