/// `import ConnectorKit` is all a connector needs, also in a package that depends on Hecha (where
/// `HechaCore` is not a product): the types a connector reads into and reports with — `Record`,
/// `RecordSchema`, `FieldSchema`, `FactSchema`, `Diagnostic`, `PersonIndex`, `SourceConfig`,
/// `FactStore` — are HechaCore's, re-exported here.
@_exported import HechaCore
