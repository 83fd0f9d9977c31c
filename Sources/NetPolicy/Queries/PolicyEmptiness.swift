/// Policies that select no endpoint and rules that match no peer.
public enum PolicyEmptiness {
    /// Empty findings of one policy.
    public struct Finding: Sendable {
        public var policy: PolicyRef
        /// The policy selects no endpoint.
        public var selectsNothing: Bool
        /// 0-based indexes of rules that match no peer.
        public var emptyIngressRules: [Int]
        public var emptyEgressRules: [Int]

        public var count: Int { (selectsNothing ? 1 : 0) + emptyIngressRules.count + emptyEgressRules.count }
    }

    public static func selectedEndpoints(_ policy: CompiledPolicy, in topology: Topology) -> [Endpoint] {
        topology.endpoints.filter { policy.selector.selects($0, in: topology) }
    }

    public static func finding(for policy: CompiledPolicy, in topology: Topology) -> Finding {
        let selected = selectedEndpoints(policy, in: topology)
        let portNames = Set(topology.endpoints.flatMap { $0.namedPorts.map(\.name) })
        let locals = (selected.isEmpty ? [stand(in: policy, topology: topology)] : selected).map { anyPort($0, portNames) }
        let peers = topology.endpoints.map { anyPort($0, portNames) } + Topology.externalRanges(cutBy: policy.namedAddressBlocks)
        func empty(_ direction: Direction) -> [Int] {
            (policy.rules(direction) ?? []).enumerated().compactMap { index, rule in
                matchesSomePeer(rule, direction, locals: locals, peers: peers, in: topology) ? nil : index
            }
        }
        return Finding(policy: policy.ref, selectsNothing: selected.isEmpty,
                       emptyIngressRules: empty(.ingress), emptyEgressRules: empty(.egress))
    }

    /// Every policy's findings, those with none left out.
    public static func findings(in configuration: PolicyConfiguration) -> [Finding] {
        configuration.policies.map { finding(for: $0, in: configuration.topology) }.filter { $0.count > 0 }
    }

    static func matchesSomePeer(_ rule: PolicyRule, _ direction: Direction, locals: [Endpoint], peers: [Endpoint],
                                in topology: Topology) -> Bool {
        for local in locals {
            for peer in peers {
                let (source, destination) = direction == .ingress ? (peer, local) : (local, peer)
                if !rule.condition.connections(from: source, to: destination, in: topology).isEmpty { return true }
            }
        }
        return false
    }

    /// Emptiness is about peers, not ports: every port name resolves on every
    /// endpoint, for every protocol, so that a rule is empty only when no peer matches.
    static func anyPort(_ endpoint: Endpoint, _ names: Set<String>) -> Endpoint {
        guard endpoint.kind != .external else { return endpoint }
        var copy = endpoint
        let protocols: [IPProtocol] = [.tcp, .udp, .sctp, .udplite]
        copy.namedPorts = names.sorted().flatMap { name in protocols.map { Endpoint.NamedPort(name: name, proto: $0, port: 1) } }
        return copy
    }

    /// A stand-in endpoint for a policy that selects nothing, so that its rules can still be tried.
    static func stand(in policy: CompiledPolicy, topology: Topology) -> Endpoint {
        let ports = topology.endpoints.flatMap(\.namedPorts)
        return Endpoint(kind: .pod, namespace: policy.ref.namespace ?? "default", name: "{stand-in}", namedPorts: ports)
    }
}
