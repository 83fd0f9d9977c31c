/// A rule condition that splits into "does the far end match" and "which
/// connections toward the destination", the shape of every Kubernetes and
/// admin network policy rule. The all-pairs computation uses it to test each
/// rule once per peer class instead of once per pair.
///
/// Conforming types must keep `connections(from:to:in:)` equal to
/// `matchesPeer(other) ? connections(toward: destination) : none`.
public protocol PeerScopedCondition: RuleCondition {
    /// The direction whose far end `matchesPeer` judges (the source for ingress rules).
    var direction: Direction { get }
    /// True when the rule speaks about `peer`, the end that is not the policy's own endpoint.
    func matchesPeer(_ peer: Endpoint, in topology: Topology) -> Bool
    /// The connections the rule covers toward `destination` once the peer matched.
    func connections(toward destination: Endpoint) -> ConnectionSet
    /// True when `connections(toward:)` depends on the destination (named ports).
    var dependsOnDestination: Bool { get }
    /// When every matching peer lives in one namespace, that namespace (lets the
    /// matrix skip the others); nil otherwise.
    var peerNamespace: String? { get }
}

extension PeerScopedCondition {
    public var peerNamespace: String? { nil }
}

extension KubeNetworkPolicy.Rule: PeerScopedCondition {
    func matchesPeer(_ peer: Endpoint, in topology: Topology) -> Bool {
        guard let peers else { return true }
        return peers.contains { $0.matches(peer, in: topology) }
    }

    func connections(toward destination: Endpoint) -> ConnectionSet {
        PortSpec.connections(ports, toward: destination, universe: .allKubernetes)
    }

    var dependsOnDestination: Bool {
        ports.contains { if case .named = $0.port { return true } else { return false } }
    }

    var peerNamespace: String? {
        guard let peers, let first = peers.first, case .pods(nil, _, let ns) = first else { return nil }
        let allLocal = peers.allSatisfy { if case .pods(nil, _, ns) = $0 { return true } else { return false } }
        return allLocal ? ns : nil
    }
}
