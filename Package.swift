// swift-tools-version: 6.1
import PackageDescription

/// Agency connectors: one SwiftPM target each, living under `connectors/<Name>/`. An agency's
/// connector is a line here and its type in `Sources/BuiltInConnectors/BuiltInConnectors.swift`
/// (`swift package --allow-writing-to-package-directory new-connector NAME` writes both;
/// `BuiltInConnectorsTests` fails naming the one that is missing).
let connectors: [(target: String, folder: String)] = [
    ("CivilAffairsConnector", "CivilAffairs"),
    ("PublicSecurityConnector", "PublicSecurity"),
    ("VehicleRegistryConnector", "VehicleRegistry"),
    ("RealEstateConnector", "RealEstate"),
    ("MarketRegulationConnector", "MarketRegulation"),
    ("BankingConnector", "Banking"),
    ("IncomeConnector", "Income"),
    ("OfficialsConnector", "Officials"),
    ("AgriSubsidyConnector", "AgriSubsidy"),
]

/// `HECHA_UNCHECKED_EXCLUSIVITY=1 swift build -c release` leaves out the run-time checks of exclusive
/// access (benchmarks/README.md has what that still saves). Only a build of this package that asks
/// for it gets the flag: a package that depends on a tagged Hecha never sees an unsafe flag (SwiftPM
/// refuses them in a versioned dependency), and debug builds, which the tests use, always keep the
/// checks, so an overlapping access still traps there.
let releaseSettings: [SwiftSetting] = Context.environment["HECHA_UNCHECKED_EXCLUSIVITY"] == "1"
    ? [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
    : []

let package = Package(
    name: "Hecha",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hecha", targets: ["hecha"]),
        // `hecha` as a library: a package of its own builds its `hecha` with more connectors.
        .library(name: "HechaCLI", targets: ["HechaCLI"]),
        .library(name: "ConnectorKit", targets: ["ConnectorKit"]),
        .library(name: "ConnectorTesting", targets: ["ConnectorTesting"]),
        .plugin(name: "LintRulesets", targets: ["LintRulesets"]),
        .plugin(name: "NewConnector", targets: ["NewConnector"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // SHA-256 of the inputs (gigabytes) comes from swift-crypto: benchmarks/sha256.sh, benchmarks/README.md.
        .target(name: "HechaCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: releaseSettings),
        // The fast scanner of CSV exports (AVX2, NEON, portable; chosen at run time): ConnectorKit's only C.
        .target(name: "CHechaScan"),
        .target(name: "ConnectorKit", dependencies: ["HechaCore", "CHechaScan"], swiftSettings: releaseSettings),
        // The conformance suite a connector's tests run, here or in a package of its own (a product).
        .target(name: "ConnectorTesting", dependencies: ["ConnectorKit"]),
        // `swift package new-connector NAME`: the files it writes (ConnectorScaffold), the tool that
        // writes them, and the command plugin that runs the tool.
        .target(name: "ConnectorScaffold"),
        .executableTarget(name: "hecha-new-connector", dependencies: ["ConnectorScaffold"]),
        .plugin(
            name: "NewConnector",
            capability: .command(
                intent: .custom(verb: "new-connector", description: "Write a connector, its fixture and tests under connectors/ and Tests/, and register it"),
                permissions: [.writeToPackageDirectory(reason: "new-connector writes the connector's files and registers it in Package.swift")]
            ),
            dependencies: ["hecha-new-connector"]
        ),
        .target(name: "HechaRules", dependencies: ["HechaCore", .product(name: "Yams", package: "Yams")], swiftSettings: releaseSettings),
        .target(name: "HechaReports", dependencies: ["HechaCore", "HechaRules", "ConnectorKit"], swiftSettings: releaseSettings),
        // Synthetic regions at any size, with the findings they must produce (no dependency on the evaluator).
        .target(name: "HechaGenerator", swiftSettings: releaseSettings),
        // The lead ledger: every lead across runs, its status and its case workers' outcomes, in a
        // SQLite file or a PostgreSQL database.
        .target(name: "HechaLedger", dependencies: [
            "HechaCore", "HechaRules", "HechaReports", .product(name: "GRDB", package: "GRDB.swift"),
            "HechaPostgres", .product(name: "PostgresNIO", package: "postgres-nio"),
            // the workbench's password hashes (PBKDF2) and random session ids
            .product(name: "Crypto", package: "swift-crypto"), .product(name: "CryptoExtras", package: "swift-crypto"),
        ]),
        // What the warehouse sources and the ledger on PostgreSQL share: the passfile, and the queue
        // postgres-nio's work runs on while a thread of the host waits for it.
        .target(name: "HechaPostgres", dependencies: [.product(name: "PostgresNIO", package: "postgres-nio")]),
        // Agency sources in a PostgreSQL-wire warehouse: the roster's keys sent, the join done there.
        .target(name: "HechaWarehouse", dependencies: [
            "HechaCore", "ConnectorKit", "HechaRules", "HechaReports", "HechaPostgres", .product(name: "PostgresNIO", package: "postgres-nio"),
        ], swiftSettings: releaseSettings),
        .target(
            name: "HechaHost",
            dependencies: ["HechaCore", "ConnectorKit", "HechaRules", "HechaReports", "HechaLedger", "HechaWarehouse"],
            swiftSettings: releaseSettings
        ),
        // The case workers' web workbench over the lead ledger (`hecha serve`): pages and a JSON API.
        .target(name: "HechaServer", dependencies: [
            "HechaCore", "HechaRules", "HechaReports", "HechaLedger", "HechaHost",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        // A fuzzing driver for the readers: mutated demo exports through the real connectors (fuzz/run.sh).
        .executableTarget(
            name: "hecha-fuzz",
            dependencies: ["HechaHost", "HechaRules", "ConnectorKit", "BuiltInConnectors", "TestSupport"],
            path: "fuzz/Sources/HechaFuzz"
        ),
        // The connectors shipped here, as one list (`BuiltInConnectors.all`).
        .target(name: "BuiltInConnectors", dependencies: ["ConnectorKit"] + connectors.map { .target(name: $0.target) }),
        // The command line: `hecha`'s commands, run with the connectors given to `HechaCLI.main`.
        .target(
            name: "HechaCLI",
            dependencies: ["HechaHost", "HechaReports", "HechaLedger", "HechaServer", "HechaGenerator", "BuiltInConnectors",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: releaseSettings
        ),
        .executableTarget(name: "hecha", dependencies: ["HechaCLI"]),
        .plugin(
            name: "LintRulesets",
            capability: .command(
                intent: .custom(verb: "lint-rulesets", description: "Check every YAML file under rulesets/ and print file:line:column diagnostics")
            ),
            dependencies: ["hecha"]
        ),
        .testTarget(name: "HechaCLITests", dependencies: ["HechaCLI", "HechaHost", "ConnectorKit", "BuiltInConnectors",
                                                      .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "ConnectorScaffoldTests", dependencies: ["ConnectorScaffold"]),
        .testTarget(name: "HechaCoreTests", dependencies: ["HechaCore"]),
        .testTarget(name: "ConnectorKitTests", dependencies: ["ConnectorKit", "HechaCore", "CHechaScan", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "HechaRulesTests", dependencies: ["HechaRules", "HechaCore"]),
        .testTarget(
            name: "ConnectorsTests",
            dependencies: ["ConnectorKit", "ConnectorTesting", "HechaCore"] + connectors.map { .target(name: $0.target) },
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "HechaReportsTests", dependencies: ["HechaReports", "HechaCore", "HechaRules", "ConnectorKit"],
                    exclude: ["Golden"]),
        // the repository's paths and the scratch folder, for every test target that needs them
        .target(name: "TestSupport", dependencies: ["HechaPostgres", .product(name: "PostgresNIO", package: "postgres-nio")],
                path: "Tests/TestSupport"),
        .testTarget(name: "HechaLedgerTests", dependencies: ["HechaLedger", "HechaHost", "BuiltInConnectors", "HechaCore", "HechaRules", "HechaReports",
                                                     "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "HechaServerTests", dependencies: [
            "HechaServer", "HechaLedger", "HechaHost", "HechaCore", "HechaReports", "BuiltInConnectors", "TestSupport",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(name: "HechaWarehouseTests", dependencies: ["HechaWarehouse", "HechaHost", "HechaCore", "HechaRules", "ConnectorKit",
                                                       "HechaGenerator", "BuiltInConnectors", "TestSupport", "HechaPostgres",
                                                       .product(name: "PostgresNIO", package: "postgres-nio")]),
        .testTarget(name: "EndToEndTests", dependencies: ["HechaHost", "HechaCore", "HechaRules", "HechaReports", "ConnectorKit", "HechaGenerator",
                                                  "BuiltInConnectors", "TestSupport"],
                    exclude: ["Golden"]),
    ]
        + connectors.map {
            .target(name: $0.target, dependencies: ["ConnectorKit"], path: "connectors/\($0.folder)", swiftSettings: releaseSettings)
        }
)
