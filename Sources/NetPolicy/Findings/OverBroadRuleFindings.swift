import PalisadeCore

/// Allow rules that open more than a workload is likely to need: any IP
/// address (NP-006), every port (NP-007), every pod of every namespace (NP-008).
///
/// Rules are probed through their conditions against the input's peers, so
/// the check works for every policy API; only the endpoints a policy selects
/// are used as its local side (a few suffice: breadth does not depend on them
/// beyond named ports).
struct OverBroadRuleFindings {
    var topology: Topology
    var options: NetworkFindingOptions

    /// Half the IPv4 space: a rule reaching more than this is treated as 0.0.0.0/0 (with a few excepts).
    static let anyAddressThreshold: UInt64 = 1 << 31
    static let probedEndpoints = 3

    func findings() -> [Finding] {
        var findings: [Finding] = []
        for tier in topology.model.tiers {
            for policy in tier.policies {
                let locals = Array(topology.endpoints.filter { policy.selector.selects($0, in: topology) }.prefix(Self.probedEndpoints))
                if locals.isEmpty { continue }
                for direction in Direction.allCases {
                    for rule in policy.rules(direction) ?? [] where rule.action == .allow {
                        findings += check(rule, direction, of: policy, in: tier, locals: locals)
                    }
                }
            }
        }
        return findings
    }

    private func check(_ rule: PolicyRule, _ direction: Direction, of policy: CompiledPolicy, in tier: PolicyTier,
                       locals: [Endpoint]) -> [Finding] {
        let resource = FindingResources.policy(policy, tierKind: tier.kind)
        let path = FindingResources.rulePath(direction, rule)
        let where_ = "\(direction.rawValue.lowercased()) rule [\(rule.index)] of \(policy.ref)"
        let peerWord = direction == .ingress ? "from" : "to"
        var findings: [Finding] = []
        let addresses = reachableAddresses(rule, direction, locals: locals)
        if options.runs(.anyAddressRule) && addresses.count >= Self.anyAddressThreshold {
            findings.append(NetworkFindingRule.anyAddressRule.finding(
                resource: resource, path: path,
                message: "The \(where_) allows traffic \(peerWord) \(addresses.count) IPv4 addresses (\(Self.summary(addresses)))."))
        }
        if options.runs(.allPortsRule) && allowsEveryPort(rule, direction, locals: locals) {
            findings.append(NetworkFindingRule.allPortsRule.finding(
                resource: resource, path: path, message: "The \(where_) allows every TCP port (it lists no ports)."))
        }
        if options.runs(.allNamespacesRule) && spansAllNamespaces(rule, direction, locals: locals) {
            findings.append(NetworkFindingRule.allNamespacesRule.finding(
                resource: resource, path: path, message: "The \(where_) allows traffic \(peerWord) every pod of every namespace."))
        }
        return findings
    }

    private func connections(_ rule: PolicyRule, _ direction: Direction, local: Endpoint, peer: Endpoint) -> ConnectionSet {
        direction == .ingress
            ? rule.condition.connections(from: peer, to: local, in: topology)
            : rule.condition.connections(from: local, to: peer, in: topology)
    }

    private func reachableAddresses(_ rule: PolicyRule, _ direction: Direction, locals: [Endpoint]) -> IntervalSet {
        var addresses = IntervalSet.empty
        for external in topology.externals
        where locals.contains(where: { !connections(rule, direction, local: $0, peer: external).isEmpty }) {
            addresses = addresses.union(external.addresses)
        }
        return addresses
    }

    private func allowsEveryPort(_ rule: PolicyRule, _ direction: Direction, locals: [Endpoint]) -> Bool {
        let everyTCPPort = ConnectionSet(.tcp)
        return locals.contains { local in
            topology.peers.contains { connections(rule, direction, local: local, peer: $0).isSuperset(of: everyTCPPort) }
        }
    }

    private func spansAllNamespaces(_ rule: PolicyRule, _ direction: Direction, locals: [Endpoint]) -> Bool {
        let kubeRule = (rule.condition as? KubeNetworkPolicy.Rule) ?? (rule.condition as? CalicoKubeRule)?.rule
        if let kubeRule {
            guard let peers = kubeRule.peers else { return true }
            return peers.contains { peer in
                if case .pods(let namespaces?, let pods, _) = peer { return namespaces.isEmpty && pods.isEmpty }
                return false
            }
        }
        let pods = topology.endpoints.filter { $0.kind == .pod }
        let namespaces = Set(pods.compactMap(\.namespace))
        guard namespaces.count > 1 else { return false }
        return locals.contains { local in pods.allSatisfy { !connections(rule, direction, local: local, peer: $0).isEmpty } }
    }

    /// `0.0.0.0/0 except 10.0.0.0/8`-like text: the ranges, at most three.
    static func summary(_ addresses: IntervalSet) -> String {
        let ranges = addresses.intervals.map(IPv4.formatRange)
        return ranges.prefix(3).joined(separator: ", ") + (ranges.count > 3 ? ", …" : "")
    }
}
