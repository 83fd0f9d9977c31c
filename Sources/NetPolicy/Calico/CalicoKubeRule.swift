/// A Kubernetes NetworkPolicy rule evaluated by Calico (in its `default`
/// tier): Calico converts a rule without ports into one without a protocol,
/// so it covers every protocol, not only TCP, UDP and SCTP.
struct CalicoKubeRule: PeerScopedCondition, AddressBlockNaming {
    var rule: KubeNetworkPolicy.Rule

    var direction: Direction { rule.direction }
    var addressBlocks: [IntervalSet] { rule.addressBlocks }
    var dependsOnDestination: Bool { rule.dependsOnDestination }
    var peerNamespace: String? { rule.peerNamespace }

    func matchesPeer(_ peer: Endpoint, in topology: Topology) -> Bool { rule.matchesPeer(peer, in: topology) }

    func connections(toward destination: Endpoint) -> ConnectionSet {
        rule.ports.isEmpty ? .allProtocols : rule.connections(toward: destination)
    }

    func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet {
        let peer = direction == .ingress ? source : destination
        return matchesPeer(peer, in: topology) ? connections(toward: destination) : .none
    }

    /// The policy as Calico runs it: order 1000 in the default tier, port-less rules over every protocol.
    static func converted(_ policy: CompiledPolicy) -> CompiledPolicy {
        var result = policy
        result.order = 1000
        result.ingress = policy.ingress.map(convert)
        result.egress = policy.egress.map(convert)
        return result
    }

    private static func convert(_ rules: [PolicyRule]) -> [PolicyRule] {
        rules.map { rule in
            guard let kube = rule.condition as? KubeNetworkPolicy.Rule else { return rule }
            var converted = rule
            converted.condition = CalicoKubeRule(rule: kube)
            return converted
        }
    }
}
