import Foundation
import Kube
import PalisadeCore

/// The checks NCA makes on a Kubernetes NetworkPolicy beyond the API
/// server's (unknown keys, a required podSelector, policyTypes that leave out
/// a direction with rules, mixed address families), and NCA's leniency: a
/// CIDR without a prefix length is a single address.
enum NCAPolicyValidation {
    static let keys: [String: Set<String>] = [
        "object": ["apiVersion", "kind", "metadata", "spec", "status"],
        "metadata": ["name", "namespace", "labels", "annotations", "uid", "resourceVersion", "generation", "creationTimestamp",
                     "selfLink", "managedFields", "finalizers", "ownerReferences", "deletionTimestamp", "generateName", "clusterName"],
        "spec": ["podSelector", "policyTypes", "ingress", "egress"],
        "ingress": ["from", "ports"],
        "egress": ["to", "ports"],
        "peer": ["podSelector", "namespaceSelector", "ipBlock"],
        "ipBlock": ["cidr", "except"],
        "port": ["port", "endPort", "protocol"],
        "selector": ["matchLabels", "matchExpressions"],
        "expression": ["key", "operator", "values"],
    ]

    static func isKubernetesPolicy(_ object: KubeObject) -> Bool {
        object.kind == "NetworkPolicy" && !object.apiVersion.hasPrefix("projectcalico.org")
    }

    static func problems(_ object: KubeObject) -> [String] {
        guard isKubernetesPolicy(object) else { return [] }
        var problems: [String] = []
        func check(_ value: Value?, _ kind: String, _ path: String) {
            guard let fields = value?.objectValue else { return }
            for key in fields.keys.compactMap(\.stringValue) where !(keys[kind] ?? []).contains(key) {
                problems.append("\(path).\(key): unknown field")
            }
        }
        if object.apiVersion != "networking.k8s.io/v1" { problems.append("apiVersion \(object.apiVersion) is not networking.k8s.io/v1") }
        check(object.value, "object", "")
        check(object.metadata, "metadata", "metadata")
        let spec = object.value["spec"]
        guard let specFields = spec?.objectValue, !specFields.isEmpty else { return problems + ["spec must be a non-empty map"] }
        check(spec, "spec", "spec")
        if spec?["podSelector"]?.objectValue == nil { problems.append("spec.podSelector is required and must be a map") }
        check(spec?["podSelector"], "selector", "spec.podSelector")
        let types = spec?["policyTypes"]?.arrayValue?.compactMap(\.stringValue)
        for (direction, peersKey) in [("ingress", "from"), ("egress", "to")] {
            let rules = spec?[direction]?.arrayValue ?? []
            if let types, !rules.isEmpty, !types.contains(direction.capitalized) {
                problems.append("spec.\(direction) is given but policyTypes leaves out \(direction.capitalized)")
            }
            for (i, rule) in rules.enumerated() {
                let path = "spec.\(direction)[\(i)]"
                check(rule, direction, path)
                for (j, peer) in (rule[peersKey]?.arrayValue ?? []).enumerated() {
                    check(peer, "peer", "\(path).\(peersKey)[\(j)]")
                    check(peer["podSelector"], "selector", "\(path).\(peersKey)[\(j)].podSelector")
                    check(peer["namespaceSelector"], "selector", "\(path).\(peersKey)[\(j)].namespaceSelector")
                    for selector in [peer["podSelector"], peer["namespaceSelector"]] {
                        for expression in selector?["matchExpressions"]?.arrayValue ?? [] { check(expression, "expression", path) }
                    }
                    if let block = peer["ipBlock"] { problems += blockProblems(block, "\(path).\(peersKey)[\(j)].ipBlock") }
                }
                for port in rule["ports"]?.arrayValue ?? [] { check(port, "port", "\(path).ports") }
            }
        }
        return problems
    }

    static func blockProblems(_ block: Value, _ path: String) -> [String] {
        var problems: [String] = []
        guard block.objectValue != nil else { return problems }
        if let fields = block.objectValue {
            for key in fields.keys.compactMap(\.stringValue) where !(keys["ipBlock"] ?? []).contains(key) {
                problems.append("\(path).\(key): unknown field")
            }
        }
        let cidr = block["cidr"]?.stringValue ?? ""
        if cidr.contains(":") && !isIPv6CIDR(cidr) { problems.append("\(path).cidr: invalid IPv6 CIDR \(cidr)") }
        if let except = block["except"], except != .null {
            guard let list = except.arrayValue else { return problems + ["\(path).except must be a list"] }
            for entry in list.compactMap(\.stringValue) where entry.contains(":") != cidr.contains(":") {
                problems.append("\(path).except: \(entry) is not of the address family of \(cidr)")
            }
        }
        return problems
    }

    static func isIPv6CIDR(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        if parts.count == 2 { guard let bits = Int(parts[1]), (0...128).contains(bits) else { return false } }
        var address = in6_addr()
        return inet_pton(AF_INET6, String(parts[0]), &address) == 1
    }

    /// NCA reads `cidr: 10.0.0.0` as `10.0.0.0/32`.
    static func normalized(_ object: KubeObject) -> KubeObject {
        guard isKubernetesPolicy(object), case .object(var root) = object.value, case .object(var spec)? = root[.string("spec")] else { return object }
        for (direction, peersKey) in [("ingress", "from"), ("egress", "to")] {
            guard case .array(var rules)? = spec[.string(direction)] else { continue }
            for i in rules.indices {
                guard case .object(var rule) = rules[i], case .array(var peers)? = rule[.string(peersKey)] else { continue }
                for j in peers.indices {
                    guard case .object(var peer) = peers[j], case .object(var block)? = peer[.string("ipBlock")],
                          let cidr = block[.string("cidr")]?.stringValue, !cidr.contains("/"), !cidr.contains(":") else { continue }
                    block[.string("cidr")] = .string(cidr + "/32")
                    peer[.string("ipBlock")] = .object(block)
                    peers[j] = .object(peer)
                }
                rule[.string(peersKey)] = .array(peers)
                rules[i] = .object(rule)
            }
            spec[.string(direction)] = .array(rules)
        }
        root[.string("spec")] = .object(spec)
        return KubeObject(.object(root), location: object.location, template: object.template) ?? object
    }
}
