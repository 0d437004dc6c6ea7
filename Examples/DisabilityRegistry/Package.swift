// swift-tools-version: 6.1
import PackageDescription

/// Hecha, by the URL of its git repository and a version: the way an agency's own package depends
/// on it. `.ci/run` sets `HECHA_PACKAGE_URL` to a tagged clone of this repository
/// (`file:///…/hecha`); an agency writes its mirror's URL here instead.
let hechaURL = Context.environment["HECHA_PACKAGE_URL"] ?? "https://git.example.org/civil-affairs/hecha.git"

let package = Package(
    name: "DisabilityRegistry",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: hechaURL, from: "0.1.0"),
    ],
    targets: [
        // The 残联 register of disability certificates: `import ConnectorKit` is all it needs.
        .target(name: "DisabilityRegistryConnector", dependencies: [.product(name: "ConnectorKit", package: "hecha")]),
        // This agency's `hecha`: the built-in connectors and its own.
        .executableTarget(name: "hecha-disability", dependencies: [
            "DisabilityRegistryConnector", .product(name: "HechaCLI", package: "hecha"),
        ]),
        .testTarget(name: "DisabilityRegistryTests", dependencies: [
            "DisabilityRegistryConnector",
            .product(name: "ConnectorKit", package: "hecha"),
            .product(name: "ConnectorTesting", package: "hecha"),
            .product(name: "HechaCLI", package: "hecha"),
        ], exclude: ["Fixtures"]),
    ]
)
