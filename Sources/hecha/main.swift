import HechaCLI

await HechaCLI.main(connectors: HechaCLI.builtInConnectors)
