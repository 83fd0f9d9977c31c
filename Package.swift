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
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            // The evaluator's recursive continuation-passing functions make the
            // closure-specialization pass explode (minutes per build); without it
            // a release build of this module takes seconds. Exclusivity is proven
            // statically for the evaluator's state; the dynamic checks cost ~5%.
            swiftSettings: [.unsafeFlags(["-Xllvm", "-sil-disable-pass=closure-specialize", "-enforce-exclusivity=unchecked"])]
        ),
        .target(name: "Kube", dependencies: ["PalisadeCore"]),
        .target(
            name: "Posture",
            dependencies: ["PalisadeCore", "Kube", "Rego", .product(name: "Yams", package: "Yams")],
            exclude: ["NodeBenchmark/Definitions"]
        ),
        .target(name: "Detection", dependencies: ["PalisadeCore", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "palisade",
            dependencies: [
                "PalisadeCore", "Rego", "Kube", "Posture", "Detection",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "conformance",
            dependencies: ["PalisadeCore", "Rego", "Kube", "Posture", "Detection"]
        ),
        .testTarget(name: "PalisadeCoreTests", dependencies: ["PalisadeCore"]),
        .testTarget(name: "RegoTests", dependencies: ["Rego", "PalisadeCore"]),
        .testTarget(name: "KubeTests", dependencies: ["Kube", "PalisadeCore"]),
        .testTarget(name: "PostureTests", dependencies: ["Posture", "Kube", "Rego", "PalisadeCore"]),
        .testTarget(name: "DetectionTests", dependencies: ["Detection", "PalisadeCore"]),
    ]
)
