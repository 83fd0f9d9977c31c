@testable import NetPolicy

/// Random policy models with several tiers and every rule action (Allow,
/// Deny, Pass, Log) and tier default (Deny, Pass), built directly on the
/// engine's model so that tier evaluation is exercised beyond what
/// Kubernetes NetworkPolicies (allow-only, one tier) can express.
/// Reproducible from the seed.
struct RandomTieredPolicies {
    static let probePorts: [UInt32] = [80, 81, 443, 5353, 8080, 9999]

    /// Matches the other side of a connection by pod and namespace labels.
    struct LabelCondition: RuleCondition {
        var direction: Direction
        var pods: LabelSelector
        /// Nil: any namespace.
        var namespaces: LabelSelector?
        var covered: ConnectionSet

        func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet {
            let other = direction == .ingress ? source : destination
            guard other.kind == .pod, let ns = other.namespace, pods.matches(other.labels) else { return .none }
            if let namespaces, !namespaces.matches(topology.namespaceLabels(ns)) { return .none }
            return covered
        }
    }

    struct LabelSelection: EndpointSelector {
        var pods: LabelSelector

        func selects(_ endpoint: Endpoint, in topology: Topology) -> Bool {
            endpoint.kind == .pod && pods.matches(endpoint.labels)
        }
    }

    private var random: SeededRandom
    private let apps = ["web", "api", "db"]

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func topology(pods: Int) -> Topology {
        let namespaces = ["north": ["zone": "a"], "south": ["zone": "b"]]
        let endpoints = (0..<pods).map { index in
            Endpoint(namespace: random.pick(["north", "south"]), name: "pod\(index)", workloadKind: "Pod",
                     labels: ["app": random.pick(apps), "tier": random.pick(["1", "2"])])
        }
        let count = random.between(2, 3)
        let tiers = (0..<count).map { index -> PolicyTier in
            let last = index == count - 1
            let (kind, defaultAction) = last ? random.pick(Self.lastTiers) : random.pick(Self.earlierTiers)
            let policies = (0..<random.between(1, 3)).map { policy(tier: index, index: $0, last: last) }
            return PolicyTier(name: "tier\(index)", kind: kind, defaultAction: defaultAction, policies: policies)
        }
        return Topology(namespaces: namespaces, endpoints: endpoints, model: PolicyModel(tiers: tiers))
    }

    /// Earlier tiers mostly pass what they leave undecided; the last one
    /// mostly denies it, so that what Pass hands on meets a different verdict.
    private static let earlierTiers: [(PolicyTier.Kind, RuleAction)] = [(.admin, .pass), (.calico, .pass), (.calico, .deny)]
    private static let lastTiers: [(PolicyTier.Kind, RuleAction)] = [(.networkPolicy, .deny), (.calico, .deny), (.baseline, .pass)]

    private mutating func policy(tier: Int, index: Int, last: Bool) -> CompiledPolicy {
        let selector = random.chance(last ? 50 : 30) ? LabelSelector.everything : LabelSelector(matchLabels: ["app": random.pick(apps)])
        let actions: [RuleAction] = last ? [.allow, .allow, .deny, .log] : [.allow, .deny, .pass, .pass, .log]
        return CompiledPolicy(ref: PolicyRef(kind: "TestPolicy", name: "t\(tier)p\(index)"), selector: LabelSelection(pods: selector),
                              ingress: random.chance(70) ? rules(.ingress, actions) : nil,
                              egress: random.chance(60) ? rules(.egress, actions) : nil)
    }

    private mutating func rules(_ direction: Direction, _ actions: [RuleAction]) -> [PolicyRule] {
        (0..<random.between(1, 3)).map { index in
            let pods = random.chance(35) ? LabelSelector.everything
                : random.chance(60) ? LabelSelector(matchLabels: ["app": random.pick(apps)])
                : LabelSelector(matchLabels: ["tier": random.pick(["1", "2"])])
            let namespaces = random.chance(30) ? LabelSelector(matchLabels: ["zone": random.pick(["a", "b"])]) : nil
            return PolicyRule(action: random.pick(actions),
                              condition: LabelCondition(direction: direction, pods: pods, namespaces: namespaces, covered: connections()),
                              index: index)
        }
    }

    private mutating func connections() -> ConnectionSet {
        let choices: [ConnectionSet] = [
            .allKubernetes, ConnectionSet(.tcp), ConnectionSet(.udp),
            ConnectionSet(.tcp, ports: IntervalSet(80, 80)), ConnectionSet(.tcp, ports: IntervalSet(80, 443)),
            ConnectionSet(.udp, ports: IntervalSet(5353, 5353)), ConnectionSet(.udp, ports: IntervalSet(81, 8080)),
            ConnectionSet(.tcp, ports: IntervalSet(8080, 9999)),
        ]
        return (0..<random.between(1, 2)).reduce(ConnectionSet.none) { set, _ in set.union(random.pick(choices)) }
    }
}
