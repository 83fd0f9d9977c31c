/// A rule condition that can also be judged against an abstract peer
/// (`ExposurePeer`), the way exposure analysis needs: "would this rule let in
/// any pod matching S from any namespace matching N?".
///
/// A rule covers an abstract peer only when every pod the peer stands for is
/// one the rule names; a rule naming fewer pods says nothing about it.
protocol ExposureCondition: Sendable {
    /// The abstract peers the rule names (address blocks aside).
    var exposurePeers: [ExposurePeer] { get }
    /// The connections the rule covers between `local` (the policy's endpoint)
    /// and the abstract `peer`; named ports toward an abstract destination stay names.
    func exposure(to peer: ExposurePeer, local: Endpoint, in topology: Topology) -> ExposureConnections
}

extension KubeNetworkPolicy.Rule: ExposureCondition {
    var exposurePeers: [ExposurePeer] {
        guard let peers else { return [.entireCluster] }
        return peers.compactMap(\.exposurePeer)
    }

    func exposure(to peer: ExposurePeer, local: Endpoint, in topology: Topology) -> ExposureConnections {
        if let peers, !peers.contains(where: { $0.exposurePeer.map { peer.isContained(in: $0, topology: topology) } ?? false }) {
            return .none
        }
        return ExposureConnections.ports(ports, toward: direction == .ingress ? local : nil)
    }
}

extension KubePeer {
    /// The abstract peer a pod peer stands for; nil for address blocks.
    var exposurePeer: ExposurePeer? {
        guard case .pods(let namespaces, let pods, let policyNamespace) = self else { return nil }
        return ExposurePeer(namespaceSelector: namespaces, podSelector: pods, policyNamespace: policyNamespace)
    }
}

extension ExposureConnections {
    /// What a port list covers toward `destination` (nil: an abstract peer, named ports stay names).
    static func ports(_ specs: [PortSpec], toward destination: Endpoint?) -> ExposureConnections {
        if specs.isEmpty { return ExposureConnections(numbered: .allKubernetes) }
        var result = ExposureConnections.none
        for spec in specs {
            switch (spec.port, destination) {
            case (_, let destination?): result = result.union(ExposureConnections(numbered: spec.connections(toward: destination)))
            case (.named(let name), nil): result = result.union(ExposureConnections(named: [spec.proto.description: [name]]))
            case (.all, nil): result = result.union(ExposureConnections(numbered: ConnectionSet(spec.proto)))
            case (.range(let low, let high), nil):
                result = result.union(ExposureConnections(numbered: ConnectionSet(spec.proto, ports: IntervalSet(low, high))))
            }
        }
        return result
    }
}
