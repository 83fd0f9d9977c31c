import PalisadeCore
import XCTest

/// Image tags, digests, pull policy and trusted registries.
final class ControlsWorkloadImageTests: XCTestCase {
    func testImageTagLatest() throws {
        try workloadDenies("image_tag_latest", """
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers: [{name: init, image: "registry.local:5000/tools"}]
              containers:
              - {name: a, image: nginx}
              - {name: b, image: "nginx:latest"}
              - {name: c, image: "nginx:1.27"}
              - {name: d, image: "nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000"}
            """, [
                ("spec.initContainers[0].image", "registry.local:5000/tools"),
                ("spec.containers[0].image", "container \"a\" uses image nginx without a fixed tag"),
                ("spec.containers[1].image", "nginx:latest"),
            ])
        try workloadPasses("image_tag_latest", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: a, image: "registry.local:5000/team/app:v1.2.3"}]
            """)
    }

    func testImageWithoutDigest() throws {
        try workloadDenies("image_without_digest", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: "nginx:1.27"}
              - {name: b, image: "nginx:1.27@sha256:0000000000000000000000000000000000000000000000000000000000000000"}
            """, [("spec.containers[0].image", "nginx:1.27 without a digest")])
        try workloadPasses("image_without_digest", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: b, image: "ghcr.io/org/app@sha256:0000000000000000000000000000000000000000000000000000000000000000"}]
            """)
    }

    func testImagePullPolicyNotAlways() throws {
        try workloadDenies("image_pull_policy_not_always", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: "nginx:1.27"}
              - {name: b, image: "nginx:1.27", imagePullPolicy: IfNotPresent}
              - {name: c, image: "nginx:1.27", imagePullPolicy: Always}
            """, [
                ("spec.containers[0].imagePullPolicy", "container \"a\" has imagePullPolicy \"\""),
                ("spec.containers[1].imagePullPolicy", "\"IfNotPresent\" instead of Always"),
            ])
        try workloadPasses("image_pull_policy_not_always", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: c, image: "nginx:1.27", imagePullPolicy: Always}]
            """)
    }

    static let mixedRegistries = """
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - {name: a, image: "nginx:1.27"}
          - {name: b, image: "registry.example.com/team/app:1"}
          - {name: c, image: "ghcr.io/org/tool:2"}
          - {name: d, image: "ghcr.io/organisation/tool:2"}
        """

    func testUntrustedRegistryWithConfiguration() throws {
        let config = try JSONReader.decode(#"{"trusted_registries": ["registry.example.com", "GHCR.io/org/"]}"#)
        try workloadDenies("untrusted_registry", Self.mixedRegistries, [
            ("spec.containers[0].image", "container \"a\" uses image nginx:1.27 from registry docker.io"),
            ("spec.containers[3].image", "ghcr.io/organisation/tool:2 from registry ghcr.io"),
        ], config: config)
        let dockerHub = try JSONReader.decode(#"{"trusted_registries": ["docker.io/library"]}"#)
        try workloadPasses("untrusted_registry", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: a, image: "nginx:1.27"}, {name: b, image: "docker.io/library/redis:7"}]
            """, config: dockerHub)
    }

    func testUntrustedRegistryWithoutConfigurationReportsEveryImage() throws {
        try workloadDenies("untrusted_registry", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: a, image: "registry.example.com/app:1"}]
            """, [("spec.containers[0].image", "no trusted_registries are configured")])
        try workloadDenies("untrusted_registry", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: a, image: "registry.example.com/app:1"}]
            """, [("spec.containers[0].image", "no trusted_registries are configured")],
            config: try JSONReader.decode(#"{"trusted_registries": []}"#))
    }
}
