/// Exposure view of admin (ANP / BANP / ClusterNetworkPolicy) rules: the
/// `namespaces` and `pods` peers are abstract peers; `networks` and `nodes`
/// peers speak about addresses, not pods.
extension AdminRule: ExposureCondition {
    var exposurePeers: [ExposurePeer] { peers.compactMap(\.exposurePeer) }

    func exposure(to peer: ExposurePeer, local: Endpoint, in topology: Topology) -> ExposureConnections {
        guard peers.contains(where: { $0.exposurePeer.map { peer.isContained(in: $0, topology: topology) } ?? false }) else {
            return .none
        }
        guard let ports else { return ExposureConnections(numbered: .allKubernetes) }
        let destination = direction == .ingress ? local : nil
        var result = ExposureConnections.none
        for spec in ports {
            if case .named(let name) = spec.port, destination == nil {
                // Admin named ports carry no protocol of their own.
                result = result.union(ExposureConnections(named: ["": [name]]))
            } else {
                result = result.union(ExposureConnections.ports([spec], toward: destination))
            }
        }
        return result
    }
}

extension AdminPeer {
    /// The abstract peer a pod peer stands for; nil for addresses, nodes and
    /// namespaces chosen relative to the subject's own (`sameLabels`).
    var exposurePeer: ExposurePeer? {
        guard case .pods(let namespaces, let pods) = self, namespaces.sameLabels.isEmpty, namespaces.notSameLabels.isEmpty else {
            return nil
        }
        return ExposurePeer(namespaceSelector: namespaces.selector, podSelector: pods, policyNamespace: nil)
    }
}
