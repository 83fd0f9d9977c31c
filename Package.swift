// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Palisade",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "palisade", targets: ["palisade"]),
        .library(name: "PalisadeCore", targets: ["PalisadeCore"]),
        .library(name: "Rego", targets: ["Rego"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    ],
    targets: [
        .target(
            name: "PalisadeCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "BigInt", package: "BigInt"),
            ],
            exclude: ["Regex/README.md"]
        ),
        .target(
            name: "Rego",
            dependencies: [
                "PalisadeCore",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .executableTarget(
            name: "palisade",
            dependencies: [
                "PalisadeCore", "Rego",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "conformance",
            dependencies: ["PalisadeCore", "Rego"]
        ),
        .testTarget(name: "PalisadeCoreTests", dependencies: ["PalisadeCore"]),
        .testTarget(name: "RegoTests", dependencies: ["Rego", "PalisadeCore"]),
    ]
)
