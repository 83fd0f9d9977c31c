/// One rule of a cluster-scoped policy: the connections to or from any of
/// its peers on its ports (every port when it names none).
struct AdminRule: RuleCondition, AddressBlockNaming {
    var peers: [AdminPeer]
    /// Nil: every port of every protocol.
    var ports: [PortSpec]?
    var direction: Direction

    /// The `networks` CIDRs, each one a cut of the external space on the rule's remote side.
    var addressBlocks: [IntervalSet] { peers.flatMap(\.cidrs) }

    func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet {
        let (local, other) = direction == .ingress ? (destination, source) : (source, destination)
        guard peers.contains(where: { $0.matches(other, local: local, in: topology) }) else { return .none }
        guard let ports else { return .allKubernetes }
        return PortSpec.connections(ports, toward: destination, universe: .allKubernetes)
    }
}
