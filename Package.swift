// swift-tools-version: 6.1
import PackageDescription

// Layers point inward only: CLI → Web → Persistence / Spreadsheet / Mail → Core. Core imports Foundation and nothing else.
let package = Package(
    name: "Traguardo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "traguardo", targets: ["traguardo"]),
        .executable(name: "traguardo-bench", targets: ["traguardo-bench"]),
        .library(name: "TraguardoCore", targets: ["TraguardoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.34.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.24.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
    ],
    targets: [
        .target(name: "TraguardoCore"),
        .target(
            name: "TraguardoPersistence",
            dependencies: [
                "TraguardoCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            resources: [.copy("DemoData"), .copy("DemoCampaigns"), .copy("Presets")]
        ),
        .target(
            name: "TraguardoSpreadsheet",
            dependencies: ["TraguardoCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "TraguardoFuzzing",
            dependencies: [
                "TraguardoCore", "TraguardoPersistence", "TraguardoSpreadsheet", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "TraguardoReports",
            dependencies: ["TraguardoCore", "TraguardoSpreadsheet"]
        ),
        .target(
            name: "TraguardoMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ]
        ),
        .target(
            name: "TraguardoWeb",
            dependencies: [
                "TraguardoCore",
                "TraguardoMail",
                "TraguardoPersistence",
                "TraguardoReports",
                "TraguardoSpreadsheet",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Views"), .copy("Public")]
        ),
        .executableTarget(
            name: "traguardo",
            dependencies: [
                "TraguardoCore",
                "TraguardoPersistence",
                "TraguardoWeb",
                "TraguardoReports",
                "TraguardoSpreadsheet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "traguardo-bench",
            dependencies: [
                "TraguardoCore",
                "TraguardoFuzzing",
                "TraguardoPersistence",
                "TraguardoReports",
                "TraguardoSpreadsheet",
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            ]
        ),
        .testTarget(name: "TraguardoCoreTests", dependencies: ["TraguardoCore"]),
        .testTarget(name: "TraguardoMailTests", dependencies: ["TraguardoMail"]),
        .testTarget(
            name: "TraguardoReportsTests",
            dependencies: [
                "TraguardoReports", "TraguardoCore", "TraguardoSpreadsheet", "TraguardoPersistence",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "TraguardoSpreadsheetTests", dependencies: ["TraguardoSpreadsheet", "TraguardoCore"], exclude: ["Fixtures"]),
        .testTarget(
            name: "TraguardoWebTests",
            dependencies: [
                "TraguardoWeb",
                "TraguardoCore",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "TraguardoAppTests",
            dependencies: [
                "TraguardoWeb",
                "TraguardoSpreadsheet",
                "TraguardoPersistence",
                "TraguardoMail",
                "TraguardoFuzzing",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
