import PalisadeCore
@testable import NetPolicy

/// A reproducible generator of small clusters with random NetworkPolicies,
/// for property tests.
struct RandomPolicies {
    var rng: SeededRandom
    let namespaces = ["x", "y", "z"]
    let apps = ["a", "b", "c"]

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    mutating func topology(policies count: Int) -> Topology {
        var endpoints: [Endpoint] = []
        for ns in namespaces {
            for app in apps {
                endpoints.append(Endpoint(namespace: ns, name: app, workloadKind: "Deployment",
                                          labels: ["app": app, "tier": Bool.random(using: &rng) ? "web" : "db"],
                                          namedPorts: [.init(name: "serve", proto: .tcp, port: Bool.random(using: &rng) ? 80 : 81)]))
            }
        }
        var warnings: [String] = []
        let policies = (0..<count).compactMap { i in
            try? KubeNetworkPolicy.compile(policy(i), namespace: namespaces.randomElement(using: &rng)!, origin: nil, warnings: &warnings)
        }
        let namespaceLabels = Dictionary(uniqueKeysWithValues: namespaces.map { ($0, ["ns": $0]) })
        let model = PolicyModel(tiers: [PolicyTier(name: "np", kind: .networkPolicy, defaultAction: .deny, policies: policies)])
        return Topology(namespaces: namespaceLabels, endpoints: endpoints, model: model)
    }

    private mutating func policy(_ i: Int) -> Value {
        var spec: [String: Value] = ["podSelector": selector()]
        var types: [Value] = []
        if Int.random(in: 0..<3, using: &rng) > 0 { spec["ingress"] = .array(rules(peerKey: "from")); types.append(.string("Ingress")) }
        if Bool.random(using: &rng) { spec["egress"] = .array(rules(peerKey: "to")); types.append(.string("Egress")) }
        if Bool.random(using: &rng) { spec["policyTypes"] = .array(types) }
        return .object(fields: ["metadata": .object(fields: ["name": .string("p\(i)")]), "spec": .object(fields: spec)])
    }

    private mutating func rules(peerKey: String) -> [Value] {
        (0..<Int.random(in: 0..<3, using: &rng)).map { _ in
            var rule: [String: Value] = [:]
            if Int.random(in: 0..<4, using: &rng) > 0 { rule[peerKey] = .array((0..<Int.random(in: 1..<3, using: &rng)).map { _ in peer() }) }
            if Bool.random(using: &rng) { rule["ports"] = .array([port()]) }
            return .object(fields: rule)
        }
    }

    private mutating func peer() -> Value {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return .object(fields: ["podSelector": selector()])
        case 1: return .object(fields: ["namespaceSelector": .object(fields: ["matchLabels": .object(fields: ["ns": .string(namespaces.randomElement(using: &rng)!)])])])
        case 2: return .object(fields: ["namespaceSelector": .emptyObject, "podSelector": selector()])
        default: return .object(fields: ["ipBlock": .object(fields: ["cidr": .string("10.0.0.0/8"), "except": .array([.string("10.1.0.0/16")])])])
        }
    }

    private mutating func port() -> Value {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return .object(fields: ["port": .int(80)])
        case 1: return .object(fields: ["port": .string("serve")])
        case 2: return .object(fields: ["protocol": .string("UDP"), "port": .int(53), "endPort": .int(60)])
        default: return .object(fields: ["protocol": .string("SCTP")])
        }
    }

    private mutating func selector() -> Value {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return .emptyObject
        case 1: return .object(fields: ["matchLabels": .object(fields: ["app": .string(apps.randomElement(using: &rng)!)])])
        default: return .object(fields: ["matchExpressions": .array([.object(fields: ["key": .string("tier"), "operator": .string("NotIn"), "values": .array([.string("db")])])])])
        }
    }
}
