/// One rule of a cluster-scoped policy: the connections to or from any of
/// its peers on its ports (every port when it names none). Whether a peer
/// matches depends on the peer alone, so the all-pairs computation can test
/// it once per peer class.
struct AdminRule: PeerScopedCondition, AddressBlockNaming {
    var peers: [AdminPeer]
    /// Nil: every port of every protocol.
    var ports: [PortSpec]?
    var direction: Direction

    /// The `networks` CIDRs, each one a cut of the external space on the rule's remote side.
    var addressBlocks: [IntervalSet] { peers.flatMap(\.cidrs) }

    func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet {
        matchesPeer(direction == .ingress ? source : destination, in: topology) ? connections(toward: destination) : .none
    }

    func matchesPeer(_ peer: Endpoint, in topology: Topology) -> Bool {
        peers.contains { $0.matches(peer, local: nil, in: topology) }
    }

    func connections(toward destination: Endpoint) -> ConnectionSet {
        guard let ports else { return .allKubernetes }
        return PortSpec.connections(ports, toward: destination, universe: .allKubernetes)
    }

    var dependsOnDestination: Bool {
        (ports ?? []).contains { if case .named = $0.port { return true } else { return false } }
    }

    /// True when some peer's namespaces are relative to the subject's (`sameLabels` / `notSameLabels`).
    var isRelativeToSubject: Bool { peers.contains(where: \.isRelativeToSubject) }
}

/// A rule with `sameLabels` / `notSameLabels` peers: which namespaces match
/// depends on the subject pod's namespace as well as on the peer.
struct SubjectRelativeAdminRule: RuleCondition, AddressBlockNaming {
    var rule: AdminRule

    var addressBlocks: [IntervalSet] { rule.addressBlocks }

    func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet {
        let (local, other) = rule.direction == .ingress ? (destination, source) : (source, destination)
        guard rule.peers.contains(where: { $0.matches(other, local: local, in: topology) }) else { return .none }
        return rule.connections(toward: destination)
    }
}
