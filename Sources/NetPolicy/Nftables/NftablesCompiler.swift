/// Compiles the effective policy of one endpoint into an nftables table for
/// the endpoint's own network namespace: ingress is enforced on the input
/// hook, egress on the output hook.
///
/// The compiler walks the policy model itself rather than asking the
/// connectivity engine, so that packets sent through the result check the
/// engine's tier evaluation: each tier that applies to the endpoint becomes
/// one chain holding its policies' rules in order (Allow accepts, Deny
/// refuses, Pass returns to the next tier, Log logs and goes on) and ends
/// with the tier default. Replies of allowed connections pass by conntrack;
/// what no tier decided is accepted for pods and dropped for host endpoints.
///
/// Rules are expanded over concrete peers: every cluster endpoint with known
/// addresses, and the external ranges minus those addresses. Endpoints
/// without addresses cannot be named in a ruleset and are left out as peers.
public struct NftablesCompiler: Sendable {
    /// How refused connections end.
    public enum Refusal: String, Sendable {
        /// Silently, as most network plugins do.
        case drop
        /// With an ICMP administratively-prohibited error (TCP: connect fails at once).
        case reject
    }

    public let topology: Topology
    public let table: String
    public let refusal: Refusal
    private let peers: [(endpoint: Endpoint, addresses: IntervalSet)]

    public init(topology: Topology, table: String = "palisade", refusal: Refusal = .drop) {
        self.topology = topology
        self.table = table
        self.refusal = refusal
        peers = Self.addressedPeers(topology)
    }

    /// The endpoints a ruleset can be made for: pods and host endpoints with known addresses.
    public var enforceable: [Endpoint] {
        topology.endpoints.filter { ($0.kind == .pod || $0.kind == .host) && !$0.addresses.isEmpty }
    }

    /// The table to load into `local`'s network namespace.
    public func ruleset(for local: Endpoint) -> NftablesRuleset {
        var bases: [NftablesRuleset.Chain] = []
        var tierChains: [NftablesRuleset.Chain] = []
        for direction in Direction.allCases {
            var base = baseChain(direction, local)
            for (tierIndex, policies) in applicableTiers(direction, local) {
                let chain = tierChain(direction, tierIndex, policies, local)
                base.rules.append("jump \(chain.name)")
                tierChains.append(chain)
            }
            bases.append(base)
        }
        let addresses = NftablesSyntax.addressSet(local.addresses)
        return NftablesRuleset(table: table, header: ["Palisade: effective network policy of \(local.displayName) at \(addresses)"],
                               chains: bases + tierChains)
    }

    private func baseChain(_ direction: Direction, _ local: Endpoint) -> NftablesRuleset.Chain {
        let loopback = direction == .ingress ? "iifname \"lo\" accept" : "oifname \"lo\" accept"
        return NftablesRuleset.Chain(name: direction.rawValue.lowercased(), hook: direction == .ingress ? "input" : "output",
                                     policy: local.kind == .pod ? "accept" : "drop",
                                     rules: ["ct state established,related accept", loopback])
    }

    /// The tiers with a policy that selects `local` for `direction`, with those policies in order.
    private func applicableTiers(_ direction: Direction, _ local: Endpoint) -> [(Int, [CompiledPolicy])] {
        topology.model.tiers.enumerated().compactMap { index, tier in
            let selecting = tier.policies.filter { $0.rules(direction) != nil && $0.selector.selects(local, in: topology) }
            return selecting.isEmpty ? nil : (index, selecting)
        }
    }

    private func tierChain(_ direction: Direction, _ tierIndex: Int, _ policies: [CompiledPolicy],
                           _ local: Endpoint) -> NftablesRuleset.Chain {
        let tier = topology.model.tiers[tierIndex]
        var chain = NftablesRuleset.Chain(name: "\(direction.rawValue.lowercased())_tier\(tierIndex)",
                                          notes: ["tier \(tier.name) (\(tier.kind.rawValue)), default \(tier.defaultAction.rawValue)"]
                                              + policies.map { "\($0.ref)" })
        for policy in policies {
            for rule in policy.rules(direction) ?? [] {
                chain.rules += rules(rule, of: policy, direction, local)
            }
        }
        if let verdict = tierDefault(tier.defaultAction) {
            chain.rules.append("\(verdict) comment \(NftablesSyntax.quoted("tier \(tier.name) default"))")
        }
        return chain
    }

    /// The nft rules of one policy rule: one per group of peers that the rule
    /// covers with the same connections, and per protocol match.
    private func rules(_ rule: PolicyRule, of policy: CompiledPolicy, _ direction: Direction, _ local: Endpoint) -> [String] {
        let label = "\(policy.ref.kind) \(policy.ref.qualifiedName) \(direction.rawValue.lowercased())[\(rule.index)]"
            + (rule.name.map { " \($0)" } ?? "")
        let statement = self.statement(rule.action, label: label)
        let field = direction == .ingress ? "ip saddr" : "ip daddr"
        return peerGroups(rule, direction, local).flatMap { addresses, connections in
            let addressMatch = addresses == IPv4.all ? "meta nfproto ipv4" : "\(field) \(NftablesSyntax.addressSet(addresses))"
            return NftablesSyntax.matches(connections).map { protocolMatch in
                [addressMatch, protocolMatch, statement, "comment \(NftablesSyntax.quoted(label))"]
                    .filter { !$0.isEmpty }.joined(separator: " ")
            }
        }
    }

    /// Peers the rule covers, grouped by the connections it covers toward them, in address order.
    private func peerGroups(_ rule: PolicyRule, _ direction: Direction, _ local: Endpoint) -> [(IntervalSet, ConnectionSet)] {
        var groups: [ConnectionSet: IntervalSet] = [:]
        for peer in peers {
            let (source, destination) = direction == .ingress ? (peer.endpoint, local) : (local, peer.endpoint)
            let covered = rule.condition.connections(from: source, to: destination, in: topology).intersection(topology.model.universe)
            if covered.isEmpty { continue }
            groups[covered, default: .empty] = groups[covered, default: .empty].union(peer.addresses)
        }
        return groups.map { ($0.value, $0.key) }.sorted { a, b in
            (a.0.intervals.first?.lower ?? 0, NftablesSyntax.addressSet(a.0)) < (b.0.intervals.first?.lower ?? 0, NftablesSyntax.addressSet(b.0))
        }
    }

    private func statement(_ action: RuleAction, label: String) -> String {
        switch action {
        case .allow: return "accept"
        case .deny: return refusalStatement
        case .pass: return "return"
        case .log: return "log prefix \(NftablesSyntax.quoted(String(label.prefix(60)) + ": "))"
        }
    }

    private func tierDefault(_ action: RuleAction) -> String? {
        switch action {
        case .deny: return refusalStatement
        case .allow: return "accept"
        case .pass, .log: return nil
        }
    }

    private var refusalStatement: String {
        refusal == .drop ? "drop" : "reject with icmpx admin-prohibited"
    }

    /// Cluster endpoints with addresses, then the external ranges without any cluster address.
    private static func addressedPeers(_ topology: Topology) -> [(endpoint: Endpoint, addresses: IntervalSet)] {
        let cluster = topology.endpoints.filter { !$0.addresses.isEmpty }
        let taken = cluster.reduce(IntervalSet.empty) { $0.union($1.addresses) }
        let outside = topology.externals.compactMap { external -> (endpoint: Endpoint, addresses: IntervalSet)? in
            let free = external.addresses.subtracting(taken)
            return free.isEmpty ? nil : (external, free)
        }
        return cluster.map { ($0, $0.addresses) } + outside
    }
}
