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
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
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
        .target(
            name: "Kube",
            dependencies: [
                "PalisadeCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "Posture",
            dependencies: ["PalisadeCore", "Kube", "Rego", .product(name: "Yams", package: "Yams")],
            exclude: ["NodeBenchmark/Definitions"],
            resources: [.copy("Controls/Library")]
        ),
        .target(name: "NetPolicy", dependencies: ["PalisadeCore", "Kube"]),
        .target(name: "Detection", dependencies: ["PalisadeCore", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "DetectionIO",
            dependencies: [
                "Detection", "PalisadeCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .executableTarget(
            name: "palisade",
            dependencies: [
                "PalisadeCore", "Rego", "Kube", "Posture", "Detection", "DetectionIO", "NetPolicy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "conformance",
            dependencies: ["PalisadeCore", "Rego", "Kube", "Posture", "Detection", "NetPolicy"]
        ),
        .testTarget(name: "PalisadeCoreTests", dependencies: ["PalisadeCore"]),
        .testTarget(name: "RegoTests", dependencies: ["Rego", "PalisadeCore"]),
        .testTarget(
            name: "KubeTests",
            dependencies: [
                "Kube", "PalisadeCore", "Posture",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "PostureTests", dependencies: ["Posture", "Kube", "Rego", "PalisadeCore"]),
        .testTarget(name: "NetPolicyTests", dependencies: ["NetPolicy", "Kube", "PalisadeCore"]),
        .testTarget(name: "DetectionTests", dependencies: ["Detection", "PalisadeCore"]),
        .testTarget(
            name: "DetectionIOTests",
            dependencies: [
                "DetectionIO", "Detection", "PalisadeCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ]
)
