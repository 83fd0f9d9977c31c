import Foundation
import Kube
@testable import NetPolicy

/// A random cluster with `networking.k8s.io/v1` NetworkPolicies, as manifest
/// text, reproducible from its seed: namespaces with labels, single-pod
/// Deployments with labels and named ports (the same port name means
/// different numbers on different pods), and policies drawing on every
/// field: selectors with each operator, policyTypes present or defaulted,
/// missing and empty peer lists, namespace/pod selector peers, ipBlocks,
/// numbered, named and ranged (endPort) ports over TCP and UDP.
struct RandomNetworkPolicies {
    /// Every port the policies and pods use, plus one nothing names.
    static let probePorts: [UInt32] = [80, 81, 443, 5353, 8080, 8081, 9999]

    private var random: SeededRandom
    private let namespaces = ["alpha", "beta", "gamma"]
    private let apps = ["web", "api", "db"]
    private let roles = ["front", "back"]

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// Namespaces, `pods` Deployments and `policies` (a count range) NetworkPolicies.
    mutating func items(pods: Int, policies: ClosedRange<Int> = 1...5) -> [[String: Any]] {
        var items: [[String: Any]] = namespaces.map { name in
            ["apiVersion": "v1", "kind": "Namespace",
             "metadata": ["name": name, "labels": ["team": random.pick(["red", "blue"]), "env": random.pick(["prod", "dev"])]]]
        }
        for index in 0..<pods { items.append(deployment(index)) }
        for index in 0..<random.between(policies.lowerBound, policies.upperBound) { items.append(policy(index)) }
        return items
    }

    /// The topology of a generated set of objects, with any load or policy problem.
    static func topology(_ items: [[String: Any]], file: String) -> (Topology, [String]) {
        let list: [String: Any] = ["apiVersion": "v1", "kind": "List", "items": items]
        let data = (try? JSONSerialization.data(withJSONObject: list, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        let set = ManifestLoader().load(text: String(decoding: data, as: UTF8.self), file: file)
        let topology = TopologyBuilder().build(set.objects)
        return (topology, set.errors.map { "\($0)" } + topology.model.rejected.map(\.reason))
    }

    static func topology(seed: UInt64, pods: Int) -> (Topology, [String]) {
        var generator = RandomNetworkPolicies(seed: seed)
        return topology(generator.items(pods: pods), file: "random-\(seed).json")
    }

    private mutating func deployment(_ index: Int) -> [String: Any] {
        var labels = ["app": random.pick(apps)]
        if random.chance(60) { labels["role"] = random.pick(roles) }
        var ports: [[String: Any]] = [["name": "web", "containerPort": random.pick([80, 81])]]
        if random.chance(50) { ports.append(["name": "alt", "containerPort": random.pick([8080, 8081])]) }
        if random.chance(50) { ports.append(["name": "dns", "containerPort": 5353, "protocol": "UDP"]) }
        let name = "pod\(index)"
        return ["apiVersion": "apps/v1", "kind": "Deployment",
                "metadata": ["name": name, "namespace": random.pick(namespaces)],
                "spec": ["selector": ["matchLabels": labels],
                         "template": ["metadata": ["labels": labels],
                                      "spec": ["containers": [["name": "main", "image": "example/\(name)", "ports": ports]]]]]]
    }

    private mutating func policy(_ index: Int) -> [String: Any] {
        var spec: [String: Any] = ["podSelector": selector(podLabels: true)]
        switch random.below(4) {
        case 0: break
        case 1: spec["policyTypes"] = ["Ingress"]
        case 2: spec["policyTypes"] = ["Egress"]
        default: spec["policyTypes"] = ["Ingress", "Egress"]
        }
        for (key, peerKey) in [("ingress", "from"), ("egress", "to")] where random.chance(75) {
            spec[key] = (0..<random.between(0, 2)).map { _ in rule(peerKey: peerKey) }
        }
        return ["apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                "metadata": ["name": "policy\(index)", "namespace": random.pick(namespaces)], "spec": spec]
    }

    private mutating func rule(peerKey: String) -> [String: Any] {
        var rule: [String: Any] = [:]
        var peers: [[String: Any]] = []
        switch random.below(5) {
        case 0: break
        case 1: rule[peerKey] = peers
        default:
            peers = (0..<random.between(1, 2)).map { _ in peer() }
            rule[peerKey] = peers
        }
        // The API rejects named ports toward address blocks (they name no pod to resolve on).
        let named = peerKey == "from" || !peers.contains { $0["ipBlock"] != nil }
        if random.chance(70) { rule["ports"] = (0..<random.between(1, 2)).map { _ in port(named: named) } }
        return rule
    }

    private mutating func peer() -> [String: Any] {
        switch random.below(5) {
        case 0: return ["podSelector": selector(podLabels: true)]
        case 1: return ["namespaceSelector": selector(podLabels: false)]
        case 2: return ["podSelector": selector(podLabels: true), "namespaceSelector": selector(podLabels: false)]
        case 3: return ["ipBlock": ["cidr": "10.0.0.0/8", "except": ["10.123.0.0/16"]]]
        default: return ["ipBlock": ["cidr": "0.0.0.0/0"]]
        }
    }

    private mutating func port(named: Bool) -> [String: Any] {
        switch random.below(7) {
        case 0: return ["port": random.pick([80, 81, 443])]
        case 1: return ["protocol": "UDP", "port": random.pick([80, 5353])]
        case 2 where named: return ["port": random.pick(["web", "alt"])]
        case 3 where named: return ["protocol": "UDP", "port": "dns"]
        case 2, 3: return ["port": random.pick([80, 8080])]
        case 4: return ["port": 80, "endPort": random.pick([81, 443])]
        case 5: return ["protocol": random.pick(["TCP", "UDP"]), "port": 8080, "endPort": 8081]
        default: return ["protocol": random.pick(["TCP", "UDP"])]
        }
    }

    /// An empty selector, labels, or an expression with any operator.
    private mutating func selector(podLabels: Bool) -> [String: Any] {
        let key = podLabels ? random.pick(["app", "role"]) : random.pick(["team", "env"])
        let values = podLabels ? (key == "app" ? apps : roles) : (key == "team" ? ["red", "blue"] : ["prod", "dev"])
        switch random.below(6) {
        case 0: return [:]
        case 1, 2: return ["matchLabels": [key: random.pick(values)]]
        case 3: return ["matchExpressions": [["key": key, "operator": random.pick(["In", "NotIn"]), "values": [random.pick(values)]]]]
        case 4: return ["matchExpressions": [["key": key, "operator": "Exists"]]]
        default: return ["matchExpressions": [["key": key, "operator": "DoesNotExist"]]]
        }
    }
}
