/// Least-privilege `projectcalico.org/v3` NetworkPolicies from a plan: one per
/// workload, both directions, one Allow rule per peer and protocol; what no
/// rule allows falls to the tier's end-of-tier deny.
public struct CalicoPolicySynthesizer: Sendable {
    public var topology: Topology
    public var namePrefix: String
    /// Calico `order` of the generated policies (lower runs first).
    public var order: Int

    public init(topology: Topology, namePrefix: String = "palisade-allow-", order: Int = 1000) {
        self.topology = topology
        self.namePrefix = namePrefix
        self.order = order
    }

    public func policies(for plan: ConnectionPlan) -> (policies: [YAMLNode], warnings: [String]) {
        var warnings: [String] = []
        var policies: [YAMLNode] = []
        for workload in plan.workloads {
            warnings += WorkloadSelection.ambiguity(of: workload, in: topology)
            let ingress = plan.ingress(of: workload).peers.flatMap { rules($0.peer, $0.connections, side: "source", local: workload) }
            let egress = plan.egress(of: workload).peers.flatMap { rules($0.peer, $0.connections, side: "destination", local: workload) }
            var spec: [(String, YAMLNode)] = [
                ("order", .int(order)),
                ("selector", .string(CalicoSelectorText.matching(workload.labels))),
                ("types", .list([.string("Ingress"), .string("Egress")])),
            ]
            if !ingress.isEmpty { spec.append(("ingress", .list(ingress))) }
            if !egress.isEmpty { spec.append(("egress", .list(egress))) }
            policies.append(.object([
                ("apiVersion", .string("projectcalico.org/v3")),
                ("kind", .string("NetworkPolicy")),
                ("metadata", PolicyMetadata.node(name: PolicyMetadata.name(namePrefix, workload.name), namespace: workload.namespace ?? "default")),
                ("spec", .object(spec)),
            ]))
        }
        return (policies, warnings)
    }

    /// One rule per protocol: Calico rules name a single protocol.
    private func rules(_ peer: ConnectionPlan.PlannedPeer, _ connections: ConnectionSet, side: String, local: Endpoint) -> [YAMLNode] {
        connections.protocols.map { proto in
            var rule: [(String, YAMLNode)] = [("action", .string("Allow")), ("protocol", .string(proto.description))]
            let peerEntity = entity(peer, local: local)
            let ports = connections.ports(of: proto)
            let portList = proto.hasPorts && ports != ConnectionSet.portRange ? ports.intervals.map(Self.port) : []
            if side == "source" {
                rule.append(("source", .object(peerEntity)))
                if !portList.isEmpty { rule.append(("destination", .object([("ports", .list(portList))]))) }
            } else {
                rule.append(("destination", .object(peerEntity + (portList.isEmpty ? [] : [("ports", .list(portList))]))))
            }
            return .object(rule)
        }
    }

    private func entity(_ peer: ConnectionPlan.PlannedPeer, local: Endpoint) -> [(String, YAMLNode)] {
        switch peer {
        case .addresses(let set):
            return [("nets", .list(set.intervals.flatMap(IPv4.cidrs(covering:)).map(YAMLNode.string)))]
        case .workload(let other):
            var entries: [(String, YAMLNode)] = [("selector", .string(CalicoSelectorText.matching(other.labels)))]
            if other.namespace != local.namespace {
                entries.insert(("namespaceSelector", .string(CalicoSelectorText.matching([Topology.namespaceNameLabel: other.namespace ?? "default"]))), at: 0)
            }
            return entries
        }
    }

    /// `80` or `"8000:8080"`.
    static func port(_ interval: IntervalSet.Interval) -> YAMLNode {
        interval.lower == interval.upper ? .int(Int(interval.lower)) : .string("\(interval.lower):\(interval.upper)")
    }
}

/// Calico selector expressions for label sets.
enum CalicoSelectorText {
    /// `a == 'x' && b == 'y'`; `all()` for no labels.
    static func matching(_ labels: [String: String]) -> String {
        if labels.isEmpty { return "all()" }
        return labels.sorted { $0.key < $1.key }.map { "\($0.key) == '\($0.value)'" }.joined(separator: " && ")
    }
}
