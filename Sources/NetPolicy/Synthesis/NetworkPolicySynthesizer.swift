/// Least-privilege `networking.k8s.io/v1` NetworkPolicies: one per workload,
/// isolating both directions and allowing exactly the planned connections.
public struct NetworkPolicySynthesizer: Sendable {
    public var topology: Topology
    /// Prefix of generated policy names.
    public var namePrefix: String

    public init(topology: Topology, namePrefix: String = "palisade-allow-") {
        self.topology = topology
        self.namePrefix = namePrefix
    }

    /// The policies, and warnings about what a policy cannot express exactly.
    public func policies(for plan: ConnectionPlan) -> (policies: [YAMLNode], warnings: [String]) {
        var warnings: [String] = []
        var policies: [YAMLNode] = []
        for workload in plan.workloads {
            warnings += WorkloadSelection.ambiguity(of: workload, in: topology)
            let ingress = plan.ingress(of: workload).peers.map { rule($0.peer, $0.connections, key: "from", local: workload, warnings: &warnings) }
            let egress = plan.egress(of: workload).peers.map { rule($0.peer, $0.connections, key: "to", local: workload, warnings: &warnings) }
            var spec: [(String, YAMLNode)] = [
                ("podSelector", .object([("matchLabels", .stringMap(workload.labels))])),
                ("policyTypes", .list([.string("Ingress"), .string("Egress")])),
            ]
            if !ingress.isEmpty { spec.append(("ingress", .list(ingress))) }
            if !egress.isEmpty { spec.append(("egress", .list(egress))) }
            policies.append(.object([
                ("apiVersion", .string("networking.k8s.io/v1")),
                ("kind", .string("NetworkPolicy")),
                ("metadata", PolicyMetadata.node(name: PolicyMetadata.name(namePrefix, workload.name), namespace: workload.namespace ?? "default")),
                ("spec", .object(spec)),
            ]))
        }
        return (policies, warnings)
    }

    private func rule(_ peer: ConnectionPlan.PlannedPeer, _ connections: ConnectionSet, key: String, local: Endpoint,
                      warnings: inout [String]) -> YAMLNode {
        var entries: [(String, YAMLNode)] = [(key, .list(peers(peer, local: local)))]
        let unsupported = connections.subtracting(.allKubernetes)
        if !unsupported.isEmpty {
            warnings.append("\(local.displayName): NetworkPolicy cannot name \(unsupported.analyzerText); left out (use --calico)")
        }
        let ports = Self.ports(connections.intersection(.allKubernetes))
        if !ports.isEmpty { entries.append(("ports", .list(ports))) }
        return .object(entries)
    }

    private func peers(_ peer: ConnectionPlan.PlannedPeer, local: Endpoint) -> [YAMLNode] {
        switch peer {
        case .addresses(let set):
            return set.intervals.flatMap(IPv4.cidrs(covering:)).map { .object([("ipBlock", .object([("cidr", .string($0))]))]) }
        case .workload(let other):
            let pods: (String, YAMLNode) = ("podSelector", .object([("matchLabels", .stringMap(other.labels))]))
            if other.namespace == local.namespace { return [.object([pods])] }
            let namespace = other.namespace ?? "default"
            return [.object([
                ("namespaceSelector", .object([("matchLabels", .stringMap([Topology.namespaceNameLabel: namespace]))])),
                pods,
            ])]
        }
    }

    /// NetworkPolicyPorts for `connections` (empty: every port of every protocol).
    static func ports(_ connections: ConnectionSet) -> [YAMLNode] {
        if connections.isSuperset(of: .allKubernetes) { return [] }
        var result: [YAMLNode] = []
        for proto in IPProtocol.kubernetes {
            let ports = connections.ports(of: proto)
            if ports.isEmpty { continue }
            if ports == ConnectionSet.portRange {
                result.append(.object([("protocol", .string(proto.description))]))
                continue
            }
            for interval in ports.intervals {
                var entry: [(String, YAMLNode)] = [("protocol", .string(proto.description)), ("port", .int(Int(interval.lower)))]
                if interval.upper > interval.lower { entry.append(("endPort", .int(Int(interval.upper)))) }
                result.append(.object(entry))
            }
        }
        return result
    }
}

/// Names and metadata of generated policies.
enum PolicyMetadata {
    static let managedBy: [String: String] = ["app.kubernetes.io/managed-by": "palisade"]

    static func node(name: String, namespace: String?) -> YAMLNode {
        var entries: [(String, YAMLNode)] = [("name", .string(name))]
        if let namespace { entries.append(("namespace", .string(namespace))) }
        entries.append(("labels", .stringMap(managedBy)))
        return .object(entries)
    }

    /// `prefix + name`, cut to the 253 characters object names allow.
    static func name(_ prefix: String, _ workload: String) -> String {
        String((prefix + workload).prefix(253))
    }
}

/// Checks that a workload's labels pick only that workload.
enum WorkloadSelection {
    static func ambiguity(of workload: Endpoint, in topology: Topology) -> [String] {
        if workload.labels.isEmpty {
            return ["\(workload.displayName) has no pod labels: its policy selects every pod of namespace \(workload.namespace ?? "default")"]
        }
        let selector = LabelSelector(matchLabels: workload.labels)
        let others = topology.endpoints.filter {
            $0.kind == .pod && $0.namespace == workload.namespace && $0.displayName != workload.displayName && selector.matches($0.labels)
        }
        guard !others.isEmpty else { return [] }
        return ["the labels of \(workload.displayName) also match \(others.map(\.displayName).joined(separator: ", ")): its policy and the rules naming it apply to those too"]
    }
}
