import Kube
import PalisadeCore

/// Turns workload objects into endpoints: a controller (Deployment,
/// StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ...) becomes one endpoint
/// from its pod template; a Pod becomes its owner's endpoint when it has an
/// owner reference, else an endpoint of its own (`[Pod]`).
public enum WorkloadReader {
    /// Endpoints of every object with a pod spec, merged per owner.
    public static func endpoints(of objects: [KubeObject], warnings: inout [String]) -> [Endpoint] {
        var byKey: [String: Endpoint] = [:]
        var order: [String] = []
        for object in objects {
            guard let spec = PodTemplates.podSpec(of: object), object.kind != "PodTemplate" else { continue }
            let endpoint = self.endpoint(object: object, spec: spec)
            let key = "\(endpoint.namespace ?? "")/\(endpoint.name)/\(endpoint.workloadKind)"
            if var existing = byKey[key] {
                existing.replicas += endpoint.replicas
                existing.namedPorts = Array(Set(existing.namedPorts).union(endpoint.namedPorts)).sorted { ($0.name, $0.port) < ($1.name, $1.port) }
                existing.containerPorts = Array(Set(existing.containerPorts).union(endpoint.containerPorts)).sorted { ($0.name, $0.port) < ($1.name, $1.port) }
                byKey[key] = existing
            } else {
                byKey[key] = endpoint
                order.append(key)
            }
        }
        return order.compactMap { byKey[$0] }
    }

    static func endpoint(object: KubeObject, spec: PodSpecView) -> Endpoint {
        var name = object.name
        var kind = object.kind
        if object.kind == "Pod", let owner = controllerOwner(object) {
            name = owner.name
            kind = owner.kind
        }
        let ports = containerPorts(spec)
        let replicas = object.kind == "Pod" ? 1 : (object.value["spec"]?["replicas"]?.intValue ?? 1)
        return Endpoint(kind: .pod, namespace: object.namespace ?? "default", name: name, workloadKind: kind,
                        labels: spec.labels, namedPorts: ports.filter { !$0.name.isEmpty }, containerPorts: ports,
                        serviceAccount: spec.spec["serviceAccountName"]?.stringValue ?? spec.spec["serviceAccount"]?.stringValue ?? "default",
                        hostNetwork: spec.spec["hostNetwork"]?.boolValue ?? false,
                        addresses: podAddresses(object), replicas: max(replicas, 0),
                        origin: object.location?.description)
    }

    /// The controlling owner reference (or the first one) of a Pod.
    static func controllerOwner(_ object: KubeObject) -> (name: String, kind: String)? {
        let owners = object.metadata["ownerReferences"]?.arrayValue ?? []
        let chosen = owners.first { $0["controller"]?.boolValue == true } ?? owners.first
        guard let chosen, let name = chosen["name"]?.stringValue, let kind = chosen["kind"]?.stringValue else { return nil }
        return (name, kind)
    }

    static func containerPorts(_ spec: PodSpecView) -> [Endpoint.NamedPort] {
        var ports: [Endpoint.NamedPort] = []
        for container in spec.containers where container.role == .container {
            for port in container.value["ports"]?.arrayValue ?? [] {
                guard let number = port["containerPort"]?.intValue, (1...65535).contains(number) else { continue }
                let proto = port["protocol"]?.stringValue.flatMap(IPProtocol.init(name:)) ?? .tcp
                ports.append(.init(name: port["name"]?.stringValue ?? "", proto: proto, port: UInt32(number)))
            }
        }
        return ports
    }

    static func podAddresses(_ object: KubeObject) -> IntervalSet {
        guard object.kind == "Pod" else { return .empty }
        var result = IntervalSet.empty
        let ips = (object.value["status"]?["podIPs"]?.arrayValue ?? []).compactMap { $0["ip"]?.stringValue }
            + [object.value["status"]?["podIP"]?.stringValue].compactMap { $0 }
        for ip in ips { if let a = IPv4.address(Substring(ip)) { result = result.union(IntervalSet(a, a)) } }
        return result
    }
}
