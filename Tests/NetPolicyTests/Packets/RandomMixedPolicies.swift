import NetPolicy

/// A random cluster whose policies mix every API the analyzer reads, as
/// manifests, reproducible from the seed: AdminNetworkPolicies (Allow, Deny,
/// Pass by priority), a BaselineAdminNetworkPolicy, Kubernetes
/// NetworkPolicies, and Calico NetworkPolicies and GlobalNetworkPolicies in
/// a tier of their own (default Deny or Pass) and in the default tier, with
/// selector expressions, orders, Allow/Deny/Pass/Log, ports, named ports,
/// ranges and notPorts. Pods, namespaces and NetworkPolicies come from
/// `RandomNetworkPolicies`.
struct RandomMixedPolicies {
    static let probePorts = RandomNetworkPolicies.probePorts

    private var random: SeededRandom
    private let seed: UInt64

    init(seed: UInt64) {
        self.seed = seed
        random = SeededRandom(seed: seed ^ 0x5DEE_CE66_D1CE_5EED)
    }

    mutating func items(pods: Int) -> [[String: Any]] {
        var base = RandomNetworkPolicies(seed: seed)
        var items = base.items(pods: pods, policies: 0...2)
        for index in 0..<random.between(0, 2) { items.append(adminPolicy(index)) }
        if random.chance(50) { items.append(baselinePolicy()) }
        items.append(["apiVersion": "projectcalico.org/v3", "kind": "Tier", "metadata": ["name": "security"],
                      "spec": ["order": 100, "defaultAction": random.pick(["Deny", "Pass"])]])
        for index in 0..<random.between(1, 3) { items.append(calicoPolicy(index)) }
        return items
    }

    // MARK: admin network policies

    private mutating func adminPolicy(_ index: Int) -> [String: Any] {
        var spec: [String: Any] = ["priority": index * 10 + random.between(0, 9), "subject": adminSubject()]
        spec["ingress"] = (0..<random.between(0, 2)).map { adminRule($0, peerKey: "from", actions: ["Allow", "Deny", "Pass"]) }
        spec["egress"] = (0..<random.between(0, 2)).map { adminRule($0, peerKey: "to", actions: ["Allow", "Deny", "Pass"]) }
        return ["apiVersion": "policy.networking.k8s.io/v1alpha1", "kind": "AdminNetworkPolicy",
                "metadata": ["name": "anp\(index)"], "spec": spec]
    }

    private mutating func baselinePolicy() -> [String: Any] {
        var spec: [String: Any] = ["subject": adminSubject()]
        spec["ingress"] = (0..<random.between(0, 2)).map { adminRule($0, peerKey: "from", actions: ["Allow", "Deny"]) }
        spec["egress"] = (0..<random.between(0, 2)).map { adminRule($0, peerKey: "to", actions: ["Allow", "Deny"]) }
        return ["apiVersion": "policy.networking.k8s.io/v1alpha1", "kind": "BaselineAdminNetworkPolicy",
                "metadata": ["name": "default"], "spec": spec]
    }

    private mutating func adminSubject() -> [String: Any] {
        if random.chance(40) { return ["namespaces": namespaceLabels()] }
        return ["pods": ["namespaceSelector": namespaceLabels(), "podSelector": podLabels()]]
    }

    private mutating func adminRule(_ index: Int, peerKey: String, actions: [String]) -> [String: Any] {
        let peer: [String: Any] = random.chance(40) ? ["namespaces": namespaceLabels()]
            : ["pods": ["namespaceSelector": namespaceLabels(), "podSelector": podLabels()]]
        var rule: [String: Any] = ["name": "r\(index)", "action": random.pick(actions), peerKey: [peer]]
        if random.chance(60) {
            rule["ports"] = [random.pick([
                ["portNumber": ["protocol": "TCP", "port": random.pick([80, 443, 8080])]],
                ["portNumber": ["protocol": "UDP", "port": random.pick([80, 5353])]],
                ["portRange": ["protocol": random.pick(["TCP", "UDP"]), "start": 80, "end": random.pick([81, 443])]],
                ["namedPort": random.pick(["web", "alt", "dns"])],
            ] as [[String: Any]])]
        }
        return rule
    }

    /// A Kubernetes label selector over namespaces (empty: all).
    private mutating func namespaceLabels() -> [String: Any] {
        random.chance(40) ? [:] : ["matchLabels": [random.pick(["team", "env"]): random.pick(["red", "blue", "prod", "dev"])]]
    }

    private mutating func podLabels() -> [String: Any] {
        random.chance(30) ? [:] : ["matchLabels": ["app": random.pick(["web", "api", "db"])]]
    }

    // MARK: Calico

    private mutating func calicoPolicy(_ index: Int) -> [String: Any] {
        let inTier = random.chance(60)
        let global = random.chance(50)
        var metadata: [String: Any] = ["name": inTier ? "security.c\(index)" : "c\(index)"]
        if !global { metadata["namespace"] = random.pick(["alpha", "beta", "gamma"]) }
        var spec: [String: Any] = ["selector": random.pick(Self.selectors), "order": random.pick([10, 100, 500])]
        if inTier { spec["tier"] = "security" }
        spec["ingress"] = (0..<random.between(0, 3)).map { _ in calicoRule(.ingress) }
        spec["egress"] = (0..<random.between(0, 2)).map { _ in calicoRule(.egress) }
        switch random.below(3) {
        case 0: spec["types"] = ["Ingress"]
        case 1: spec["types"] = ["Ingress", "Egress"]
        default: break
        }
        return ["apiVersion": "projectcalico.org/v3", "kind": global ? "GlobalNetworkPolicy" : "NetworkPolicy",
                "metadata": metadata, "spec": spec]
    }

    private static let selectors = ["all()", "app == 'web'", "app in {'web', 'api'}", "has(role)", "!has(role)",
                                    "role != 'front'", "app == 'db' || role == 'back'"]

    private mutating func calicoRule(_ direction: Direction) -> [String: Any] {
        var rule: [String: Any] = ["action": random.pick(["Allow", "Allow", "Deny", "Pass", "Log"])]
        var peer: [String: Any] = [:]
        if random.chance(60) { peer["selector"] = random.pick(Self.selectors) }
        if random.chance(30) { peer["namespaceSelector"] = random.pick(["team == 'red'", "env == 'dev'", "all()"]) }
        var destination: [String: Any] = direction == .egress ? peer : [:]
        if direction == .ingress && !peer.isEmpty { rule["source"] = peer }
        if random.chance(65) {
            rule["protocol"] = random.pick(["TCP", "UDP"])
            if random.chance(70) {
                destination["ports"] = [random.pick([80, 443, 5353] as [Any] + ["8080:8081", "web", "dns", "80:443"])]
            } else {
                destination["notPorts"] = [random.pick([80, 5353] as [Any] + ["8080:8081"])]
            }
        }
        if !destination.isEmpty { rule["destination"] = destination }
        return rule
    }
}
