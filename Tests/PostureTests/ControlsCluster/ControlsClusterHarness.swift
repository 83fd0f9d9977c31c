import Foundation
import PalisadeCore
import Rego

/// Loads the built-in control library from the source tree and evaluates one control's `deny`
/// against an object, with `data.inventory` built from every object of the test
/// (Gatekeeper sync layout).
enum ControlsClusterHarness {
    static let libraryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.pathComponents.count > 1, url.lastPathComponent != "Tests" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("Sources/Posture/Controls/Library")
    }()

    /// The areas this engineer owns; `lib/rbac.rego` is owned too.
    static let ownedAreas = ["rbac", "exposure", "network", "other"]

    static let clusterScopedKinds: Set<String> = [
        "Namespace", "Node", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass",
        "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "CustomResourceDefinition",
        "PriorityClass", "IngressClass", "CertificateSigningRequest", "RuntimeClass",
    ]

    static func regoFiles(under root: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while files.count < 10_000, let url = walker?.nextObject() as? URL {
            if url.pathExtension == "rego" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    static func ownedControlFiles() -> [URL] {
        ownedAreas.flatMap { regoFiles(under: libraryRoot.appendingPathComponent($0)) }
    }

    /// Every module of the library, all areas, so the controls compile the way the scanner loads them.
    static let engine: Result<RegoEngine, Error> = Result {
        let sources = try regoFiles(under: libraryRoot).map { url in
            RegoSource(file: url.path, text: try String(contentsOf: url, encoding: .utf8))
        }
        return try RegoEngine(sources: sources)
    }

    static func objects(fromYAML text: String) throws -> [Value] {
        try YAMLReader.documents(text).map(\.value).filter { $0.objectValue != nil }
    }

    static func inventory(_ objects: [Value]) -> Value {
        var namespaced: [String: [String: [String: [String: Value]]]] = [:]
        var cluster: [String: [String: [String: Value]]] = [:]
        for object in objects {
            let apiVersion = object["apiVersion"]?.stringValue ?? ""
            let kind = object["kind"]?.stringValue ?? ""
            let name = object["metadata"]?["name"]?.stringValue ?? ""
            if clusterScopedKinds.contains(kind) {
                cluster[apiVersion, default: [:]][kind, default: [:]][name] = object
            } else {
                let namespace = object["metadata"]?["namespace"]?.stringValue ?? "default"
                namespaced[namespace, default: [:]][apiVersion, default: [:]][kind, default: [:]][name] = object
            }
        }
        return .object(fields: [
            "namespace": .object(fields: namespaced.mapValues { .object(fields: $0.mapValues { .object(fields: $0.mapValues { .object(fields: $0) }) }) }),
            "cluster": .object(fields: cluster.mapValues { .object(fields: $0.mapValues { .object(fields: $0) }) }),
        ])
    }

    /// The findings of `data.palisade.controls.<slug>.deny` for `input`.
    static func deny(_ slug: String, input: Value, objects: [Value], config: Value? = nil) throws -> [Value] {
        var fields = ["inventory": inventory(objects)]
        if let config { fields["palisade"] = .object(fields: ["config": config]) }
        let data = Value.object(fields: fields)
        let value = try engine.get().evaluate(["palisade", "controls", slug, "deny"], input: input, data: data)
        switch value {
        case .set(let findings)?: return findings.sorted()
        case .array(let findings)?: return findings
        default: return []
        }
    }

    /// Messages of the findings for the first document of `yaml`; the other documents are context.
    static func messages(_ slug: String, _ yaml: String) throws -> [String] {
        let objects = try objects(fromYAML: yaml)
        guard let input = objects.first else { return [] }
        return try deny(slug, input: input, objects: objects).compactMap { $0["msg"]?.stringValue }.sorted()
    }
}
