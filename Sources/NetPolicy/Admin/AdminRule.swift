/// One rule of a cluster-scoped policy: the connections to or from any of
/// its peers on its ports (every port when it names none).
struct AdminRule: RuleCondition {
    var peers: [AdminPeer]
    /// Nil: every port of every protocol.
    var ports: [PortSpec]?
    var direction: Direction

    func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet {
        let (local, other) = direction == .ingress ? (destination, source) : (source, destination)
        guard peers.contains(where: { $0.matches(other, local: local, in: topology) }) else { return .none }
        guard let ports else { return .allKubernetes }
        return PortSpec.connections(ports, toward: destination, universe: .allKubernetes)
    }
}
