import Kube
import PalisadeCore

/// The nodes of the input (Node objects) and the host-network pods placed on
/// them (`spec.nodeName`), so a `nodes` peer can stand for node traffic:
/// a host-network pod shares its node's address.
struct NodeInventory: Sendable {
    /// Node name → labels.
    var nodes: [String: [String: String]] = [:]
    /// Node name → endpoint keys of the host-network pods on it.
    var hostPods: [String: Set<String>] = [:]

    init(objects: [KubeObject]) {
        for object in objects where object.kind == "Node" && object.group.isEmpty {
            nodes[object.name] = object.labels
        }
        for object in objects where object.kind == "Pod" && object.group.isEmpty {
            let spec = object.value["spec"]
            guard spec?["hostNetwork"]?.boolValue == true, let node = spec?["nodeName"]?.stringValue else { continue }
            let name = WorkloadReader.controllerOwner(object)?.name ?? object.name
            hostPods[node, default: []].insert(Self.key(namespace: object.namespace ?? "default", name: name))
        }
    }

    var isEmpty: Bool { nodes.isEmpty }

    /// Keys of the host-network pods on nodes whose labels match `selector`.
    func hostNetworkPods(onNodesMatching selector: LabelSelector) -> Set<String> {
        var result: Set<String> = []
        for (node, labels) in nodes where selector.matches(labels) { result.formUnion(hostPods[node] ?? []) }
        return result
    }

    static func key(namespace: String?, name: String) -> String { "\(namespace ?? "")/\(name)" }
}
