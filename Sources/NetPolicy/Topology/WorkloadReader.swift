import Kube
import PalisadeCore

/// Turns workload objects into endpoints: a controller (Deployment,
/// StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ...) becomes one endpoint
/// from its pod template; a Pod becomes its owner's endpoint when it has an
/// owner reference, else an endpoint of its own (`[Pod]`).
///
/// Pods of one owner merge into one endpoint. When their labels differ, the
/// endpoint keeps the first pod's labels; `labelVariants` lists the others
/// so that `WorkloadLabelGaps` can report policies that tell them apart.
public enum WorkloadReader {
    /// A pod of a merged workload and its labels.
    public struct PodLabels: Sendable, Hashable {
        public var pod: String
        public var labels: [String: String]
        public var origin: String?
    }

    /// Endpoints of every object with a pod spec, merged per owner.
    /// A workload whose container ports are malformed is left out with a warning.
    public static func endpoints(of objects: [KubeObject], warnings: inout [String]) -> [Endpoint] {
        for object in objects where object.kind == "Pod" && !object.group.isEmpty {
            warnings.append("\(object.location.map { "\($0): " } ?? "")Pod \(object.namespace ?? "default")/\(object.name) has apiVersion \(object.apiVersion); Pods are core v1 objects, read as one")
        }
        let objects = objects.map(coreGroupPod)
        for object in objects {
            guard let spec = PodTemplates.podSpec(of: object), let problem = malformedPorts(spec) else { continue }
            warnings.append("\(object.location.map { "\($0): " } ?? "")\(object.kind) \(object.namespace ?? "default")/\(object.name): \(problem); the workload is left out")
        }
        return read(objects).endpoints
    }

    /// Per workload display name, one pod per distinct label set, for workloads
    /// whose pods do not all carry the same labels.
    public static func labelVariants(of objects: [KubeObject]) -> [String: [PodLabels]] {
        read(objects.map(coreGroupPod)).variants.filter { Set($0.value.map(\.labels)).count > 1 }
    }

    /// One endpoint per Pod object, named by the pod (kind `Pod`), for pod-level queries.
    public static func pods(of objects: [KubeObject]) -> [Endpoint] {
        objects.map(coreGroupPod).compactMap { object -> Endpoint? in
            guard object.kind == "Pod", object.group.isEmpty, let spec = PodTemplates.podSpec(of: object),
                  malformedPorts(spec) == nil else { return nil }
            var pod = endpoint(object: object, spec: spec)
            pod.name = object.name
            pod.workloadKind = "Pod"
            return pod
        }
    }

    /// A Pod written with a group (`apps/v1`) as the core `v1` Pod it means;
    /// every other object unchanged.
    static func coreGroupPod(_ object: KubeObject) -> KubeObject {
        guard object.kind == "Pod", !object.group.isEmpty, case .object(var fields) = object.value else { return object }
        fields[.string("apiVersion")] = .string("v1")
        return KubeObject(.object(fields), location: object.location, template: object.template) ?? object
    }

    private static func read(_ objects: [KubeObject]) -> (endpoints: [Endpoint], variants: [String: [PodLabels]]) {
        var byKey: [String: Endpoint] = [:]
        var variants: [String: [PodLabels]] = [:]
        var order: [String] = []
        for object in objects {
            let endpoint: Endpoint
            if let machine = VirtualMachineWorkload.endpoint(of: object) {
                endpoint = machine
            } else {
                guard let spec = PodTemplates.podSpec(of: object), object.kind != "PodTemplate" else { continue }
                endpoint = self.endpoint(object: object, spec: spec)
            }
            let key = endpoint.displayName
            let podLabels = PodLabels(pod: object.name, labels: endpoint.labels, origin: endpoint.origin)
            if var existing = byKey[key] {
                existing.replicas += endpoint.replicas
                existing.namedPorts = merged(existing.namedPorts, endpoint.namedPorts)
                existing.containerPorts = merged(existing.containerPorts, endpoint.containerPorts)
                existing.addresses = existing.addresses.union(endpoint.addresses)
                byKey[key] = existing
                if !(variants[key] ?? []).contains(where: { $0.labels == podLabels.labels }) { variants[key, default: []].append(podLabels) }
            } else {
                byKey[key] = endpoint
                variants[key] = [podLabels]
                order.append(key)
            }
        }
        return (order.compactMap { byKey[$0] }, variants)
    }

    private static func merged(_ a: [Endpoint.NamedPort], _ b: [Endpoint.NamedPort]) -> [Endpoint.NamedPort] {
        Array(Set(a).union(b)).sorted { ($0.name, $0.proto.number, $0.port) < ($1.name, $1.proto.number, $1.port) }
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

    /// Owner kinds that do not make a workload: a static pod's Node.
    static let nonWorkloadOwners: Set<String> = ["Node"]

    /// The workload a Pod belongs to: its controlling owner reference (or the
    /// first one), with kind `Pod` when the reference names no kind. Nil for
    /// pods without an owner and for static pods (owned by their Node).
    static func controllerOwner(_ object: KubeObject) -> (name: String, kind: String)? {
        let owners = object.metadata["ownerReferences"]?.arrayValue ?? []
        let chosen = owners.first { $0["controller"]?.boolValue == true } ?? owners.first
        guard let chosen, let name = chosen["name"]?.stringValue, !name.isEmpty else { return nil }
        let kind = chosen["kind"]?.stringValue ?? ""
        if nonWorkloadOwners.contains(kind) { return nil }
        return (name, kind.isEmpty ? "Pod" : kind)
    }

    /// Why the containers' `ports` lists cannot be read, or nil when they can.
    static func malformedPorts(_ spec: PodSpecView) -> String? {
        for container in spec.containers {
            guard let raw = container.value["ports"], raw != .null else { continue }
            let field = "\(container.path).ports"
            guard let list = raw.arrayValue else {
                let found = raw.objectValue != nil ? "an object (cannot restore slice from map)" : raw.typeName
                return "\(field) must be a list, found \(found)"
            }
            for (index, port) in list.enumerated() {
                guard port.objectValue != nil else { return "\(field)[\(index)] must be an object, found \(port.typeName)" }
                if let number = port["containerPort"], number.intValue == nil {
                    return "\(field)[\(index)].containerPort: unrecognized type \(number.typeName), expected an integer"
                }
            }
        }
        return nil
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
