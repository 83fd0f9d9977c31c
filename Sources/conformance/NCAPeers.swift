import Kube
import NetPolicy
import PalisadeCore

/// Pod-level endpoints as NCA sees a cluster: each Pod, Calico
/// WorkloadEndpoint (and HostEndpoint, made by the topology builder) is a peer of its own (two pods of one
/// Deployment talk to each other); workloads given as controllers
/// (Deployment, ...) are one peer each. NCA's fw-rules name peers by their
/// owner (`frontend`, `kube-dns-amd64-d66bf76db`), so owners are kept.
struct NCAPeers {
    struct Names {
        /// Pod name, owner name and `ns/owner(Kind)`: what a fw-rule pod list may name.
        var names: Set<String>
        /// The owner's name (the pod's own name when it has none).
        var owner: String
        /// `ns/owner(Kind)`.
        var workload: String
    }

    var endpoints: [Endpoint] = []
    var names: [String: Names] = [:]

    static let workloadEndpointKind = "WorkloadEndpoint"

    mutating func add(_ objects: [KubeObject]) {
        for object in objects {
            switch object.kind {
            case "Pod": addPod(object)
            case Self.workloadEndpointKind: addWorkloadEndpoint(object)
            default:
                if PodTemplates.hasPodSpec(object) && object.kind != "PodTemplate" { addWorkload(object) }
            }
        }
    }

    private mutating func append(_ endpoint: Endpoint, owner: String, ownerKind: String) {
        guard names[endpoint.displayName] == nil else { return }
        endpoints.append(endpoint)
        let ns = endpoint.namespace ?? ""
        names[endpoint.displayName] = Names(names: [endpoint.name, owner, "\(ns)/\(owner)(\(ownerKind))", "\(ns)/\(owner)"],
                                            owner: owner, workload: "\(ns)/\(owner)(\(ownerKind))")
    }

    private mutating func addPod(_ object: KubeObject) {
        var ignored: [String] = []
        guard var endpoint = WorkloadReader.endpoints(of: [object], warnings: &ignored).first else { return }
        let owner = endpoint.name, ownerKind = endpoint.workloadKind
        endpoint.name = object.name
        endpoint.workloadKind = "Pod"
        endpoint.replicas = 1
        append(endpoint, owner: owner, ownerKind: ownerKind)
    }

    private mutating func addWorkload(_ object: KubeObject) {
        var ignored: [String] = []
        guard let endpoint = WorkloadReader.endpoints(of: [object], warnings: &ignored).first else { return }
        append(endpoint, owner: endpoint.name, ownerKind: endpoint.workloadKind)
    }

    private mutating func addWorkloadEndpoint(_ object: KubeObject) {
        let spec = object.value["spec"] ?? .emptyObject
        let podName = spec["pod"]?.stringValue ?? object.name
        var ports: [Endpoint.NamedPort] = []
        for port in spec["ports"]?.arrayValue ?? [] {
            guard let name = port["name"]?.stringValue, let number = port["port"]?.intValue, (1...65535).contains(number) else { continue }
            let proto = port["protocol"]?.stringValue.flatMap(IPProtocol.init(name:)) ?? .tcp
            ports.append(.init(name: name, proto: proto, port: UInt32(number)))
        }
        let labels = object.labels
        let endpoint = Endpoint(kind: .pod, namespace: object.namespace ?? "default", name: podName, workloadKind: "Pod",
                                labels: labels, namedPorts: ports, containerPorts: ports,
                                serviceAccount: labels["projectcalico.org/serviceaccount"] ?? "default",
                                addresses: Self.addresses(spec["ipNetworks"]), origin: object.location?.description)
        var owner = object.metadata["generateName"]?.stringValue ?? podName
        if owner.hasSuffix("-") { owner.removeLast() }
        append(endpoint, owner: owner, ownerKind: "ReplicaSet")
    }

    /// A host endpoint the topology builder made.
    mutating func addHost(_ endpoint: Endpoint) {
        guard names[endpoint.displayName] == nil else { return }
        names[endpoint.displayName] = Names(names: [endpoint.name], owner: endpoint.name, workload: endpoint.name)
    }

    static func addresses(_ list: Value?) -> IntervalSet {
        var result = IntervalSet.empty
        for entry in list?.arrayValue ?? [] {
            guard let text = entry.stringValue else { continue }
            if let block = IPv4.cidr(text) { result = result.union(block) } else if let a = IPv4.address(Substring(text)) { result = result.union(IntervalSet(a, a)) }
        }
        return result
    }
}
