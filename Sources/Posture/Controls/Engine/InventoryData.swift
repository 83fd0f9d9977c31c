import Kube
import PalisadeCore

/// `data.inventory` in Gatekeeper's sync layout, built once per scan:
/// `namespace[ns][apiVersion][kind][name]` and `cluster[apiVersion][kind][name]`.
/// Namespaced objects without `metadata.namespace` go to `default`, where
/// `kubectl apply` would put them. A later duplicate replaces an earlier one.
enum InventoryData {
    typealias Tree = [String: [String: [String: Value]]]

    static func build(_ objects: [KubeObject]) -> Value {
        var namespaced: [String: Tree] = [:]
        var cluster: Tree = [:]
        for object in objects {
            if object.isClusterScoped {
                cluster[object.apiVersion, default: [:]][object.kind, default: [:]][object.name] = object.value
            } else {
                let namespace = object.namespace ?? "default"
                namespaced[namespace, default: [:]][object.apiVersion, default: [:]][object.kind, default: [:]][object.name] = object.value
            }
        }
        return .object(fields: [
            "cluster": value(cluster),
            "namespace": .object(fields: namespaced.mapValues(value)),
        ])
    }

    private static func value(_ tree: Tree) -> Value {
        .object(fields: tree.mapValues { kinds in .object(fields: kinds.mapValues { .object(fields: $0) }) })
    }
}
