import Foundation
import PalisadeCore
import Rego

/// Loads the control library into a Rego engine and evaluates one control
/// against one object the way docs/controls.md describes: `input` is the
/// object, `data.inventory` holds every object of the scenario in
/// Gatekeeper's layout, `data.palisade.config` the control configuration.
final class ControlsWorkloadHarness: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let engine: RegoEngine
    /// Control metadata of the workload area, by slug.
    let controls: [String: ControlsWorkloadMetadata]
    /// Why only part of the library was loaded, when it was.
    let note: String?

    nonisolated(unsafe) private static var cached: Result<ControlsWorkloadHarness, Error>?
    private static let lock = NSLock()

    /// One harness per test process (compiling the library takes a moment).
    static func shared() throws -> ControlsWorkloadHarness {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return try cached.get() }
        let result = Result { try ControlsWorkloadHarness() }
        cached = result
        return try result.get()
    }

    private init() throws {
        let all = ControlsWorkloadPaths.regoFiles(below: ControlsWorkloadPaths.library)
        let own = all.filter { $0.path.hasPrefix(ControlsWorkloadPaths.workloadControls.path + "/") || $0.lastPathComponent == "workload.rego" }
        guard !own.isEmpty else { throw Failure(description: "no workload controls under \(ControlsWorkloadPaths.library.path)") }
        var modules: [Module] = []
        for url in own {
            let text = try String(contentsOf: url, encoding: .utf8)
            modules.append(try RegoParser.parseModule(text, file: url.path))
        }
        do {
            engine = try RegoEngine(sources: try all.map { RegoSource(file: $0.path, text: try String(contentsOf: $0, encoding: .utf8)) })
            note = nil
        } catch {
            // Another area's file is broken (being written): test ours alone,
            // but only when ours compile by themselves.
            engine = try RegoEngine(modules: modules)
            note = "whole library did not compile, tested the workload area alone: \(error)"
        }
        var controls: [String: ControlsWorkloadMetadata] = [:]
        for (url, module) in zip(own, modules) where url.lastPathComponent != "workload.rego" {
            let metadata = ControlsWorkloadMetadata(module: module, file: url.path)
            controls[metadata.slug] = metadata
        }
        self.controls = controls
    }

    /// The findings (`deny` elements) of control `slug` for `object`, sorted.
    /// `others` join `object` in `data.inventory`. The object's kind must be
    /// one the control declares, as the scanner only evaluates those.
    func findings(_ slug: String, _ object: Value, others: [Value] = [], config: Value? = nil) throws -> [Value] {
        guard let metadata = controls[slug] else { throw Failure(description: "no control \(slug)") }
        let kind = object["kind"]?.stringValue ?? ""
        guard metadata.kinds.contains(kind) || metadata.kinds.contains("*") else {
            throw Failure(description: "\(slug) does not apply to kind \(kind)")
        }
        var data: [String: Value] = ["inventory": ControlsWorkloadInventory.build([object] + others)]
        if let config { data["palisade"] = .object(fields: ["config": config]) }
        let deny = try engine.evaluate(["palisade", "controls", slug, "deny"], input: object, data: .object(fields: data))
        guard let deny else { throw Failure(description: "\(slug).deny is undefined") }
        guard let elements = deny.setValue else { throw Failure(description: "\(slug).deny is not a set: \(deny)") }
        return elements.sorted()
    }
}

/// Gatekeeper's sync layout: inventory.namespace[ns][apiVersion][kind][name]
/// and inventory.cluster[apiVersion][kind][name].
enum ControlsWorkloadInventory {
    static let clusterScopedKinds: Set<String> = [
        "Namespace", "Node", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass",
        "PriorityClass", "CustomResourceDefinition", "ValidatingWebhookConfiguration",
        "MutatingWebhookConfiguration", "RuntimeClass", "IngressClass", "CSIDriver", "APIService",
    ]

    static func build(_ objects: [Value]) -> Value {
        var inventory: Value = .emptyObject
        for object in objects {
            guard let kind = object["kind"]?.stringValue, let name = object["metadata"]?["name"]?.stringValue else { continue }
            let apiVersion = object["apiVersion"]?.stringValue ?? "v1"
            let path: [String]
            if clusterScopedKinds.contains(kind) {
                path = ["cluster", apiVersion, kind, name]
            } else {
                let namespace = object["metadata"]?["namespace"]?.stringValue ?? "default"
                path = ["namespace", namespace, apiVersion, kind, name]
            }
            inventory = setting(inventory, path[...], to: object)
        }
        return inventory
    }

    private static func setting(_ tree: Value, _ path: ArraySlice<String>, to value: Value) -> Value {
        guard let key = path.first else { return value }
        var fields = tree.objectValue ?? [:]
        fields[.string(key)] = setting(fields[.string(key)] ?? .emptyObject, path.dropFirst(), to: value)
        return .object(fields)
    }
}
