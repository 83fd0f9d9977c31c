import Foundation
import Kube
import PalisadeCore
@testable import Posture
import Rego

/// Small controls and objects the scan-engine tests share.
enum ScanEngineFixtures {
    static func control(id: String, slug: String, severity: String = "high", kinds: String = "[Deployment, Pod]",
                        frameworks: String = "", body: String) -> RegoSource {
        var text = """
        # METADATA
        # title: Test control \(id)
        # custom:
        #   id: \(id)
        #   severity: \(severity)
        #   kinds: \(kinds)

        """
        if !frameworks.isEmpty { text += "#   frameworks: \(frameworks)\n" }
        text += """
        package palisade.controls.\(slug)

        import rego.v1

        \(body)

        """
        return RegoSource(file: "\(slug).rego", text: text)
    }

    /// Fails every container that is privileged.
    static let privileged = control(id: "TST-001", slug: "privileged", frameworks: "{NSA-CISA: [\"hardening\"]}", body: """
    deny contains {"msg": sprintf("container %q is privileged", [c.name]), "path": sprintf("spec.template.spec.containers[%d].securityContext.privileged", [i])} if {
        some i, c in input.spec.template.spec.containers
        c.securityContext.privileged == true
    }
    """)

    /// Fails Deployments whose namespace has no NetworkPolicy in the inventory.
    static let networkPolicy = control(id: "TST-002", slug: "no_netpol", severity: "medium", kinds: "[Deployment]", body: """
    deny contains {"msg": sprintf("namespace %q has no NetworkPolicy", [ns])} if {
        ns := object.get(input.metadata, "namespace", "default")
        count(object.get(data.inventory.namespace, [ns, "networking.k8s.io/v1", "NetworkPolicy"], {})) == 0
    }
    """)

    /// Fails images from registries not in data.palisade.config.trusted_registries (default: none trusted).
    static let registry = control(id: "TST-003", slug: "registry", severity: "low", kinds: "[Deployment]", body: """
    deny contains {"msg": sprintf("untrusted image %q", [c.image])} if {
        trusted := object.get(data.palisade.config, "trusted_registries", [])
        some c in input.spec.template.spec.containers
        not startswith_any(c.image, trusted)
    }

    startswith_any(s, prefixes) if {
        some p in prefixes
        startswith(s, p)
    }
    """)

    static func library(_ sources: [RegoSource]) throws -> ControlLibrary {
        try ControlLibrary.load(sources: sources)
    }

    static func deployment(_ name: String, namespace: String = "apps", privileged: Bool = false, image: String = "registry.example.com/app:1.0",
                           annotations: [String: String] = [:]) -> KubeObject {
        var metadata: [String: Value] = ["name": .string(name), "namespace": .string(namespace)]
        if !annotations.isEmpty { metadata["annotations"] = .object(fields: annotations.mapValues(Value.string)) }
        let container = Value.object(fields: [
            "name": .string("app"), "image": .string(image),
            "securityContext": .object(fields: ["privileged": .bool(privileged)]),
        ])
        let value = Value.object(fields: [
            "apiVersion": .string("apps/v1"), "kind": .string("Deployment"), "metadata": .object(fields: metadata),
            "spec": .object(fields: ["template": .object(fields: ["spec": .object(fields: ["containers": .array([container])])])]),
        ])
        return KubeObject(value, location: SourceLocation(file: "\(name).yaml", line: 1, column: 1))!
    }

    static func object(_ kind: String, _ name: String, apiVersion: String = "v1", namespace: String? = "apps") -> KubeObject {
        var metadata: [String: Value] = ["name": .string(name)]
        if let namespace { metadata["namespace"] = .string(namespace) }
        return KubeObject(.object(fields: ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": .object(fields: metadata)]))!
    }

    static let day = Int64(86_400)
    /// 2027-03-31T12:00:00Z.
    static let midday = Timestamp(seconds: 1_806_494_400)

    static func scan(_ objects: [KubeObject], controls: [RegoSource], exceptions: [ScanException] = [], config: Value = .emptyObject,
                     now: Timestamp = midday, threads: Int = 2, podSecurity: PodSecurityControls? = nil) throws -> ScanReport {
        let scanner = try ControlScanner(library: try library(controls))
        let settings = ScanSettings(controlConfig: config, exceptions: exceptions, now: now, threads: threads)
        return PostureScan(scanner: scanner, podSecurity: podSecurity).scan(ScanInputs(objects: objects, descriptions: ["test"]), settings: settings)
    }
}
