/// The policy that isolates a compromised workload: no ingress, no egress
/// (DNS to kube-dns optionally allowed).
///
/// A Kubernetes NetworkPolicy only adds isolation: other NetworkPolicies that
/// allow traffic to or from the workload still do. The Calico form (explicit
/// Deny rules at the lowest order) and the AdminNetworkPolicy form (Deny at
/// priority 0) override them.
public struct QuarantinePolicy: Sendable {
    public enum Form: String, Sendable, CaseIterable {
        case networkPolicy = "networkpolicy"
        case calico
        case admin
    }

    public var namespace: String
    public var workload: String
    /// The pod labels that pick the workload's pods.
    public var labels: [String: String]
    public var allowDNS: Bool

    public init(namespace: String, workload: String, labels: [String: String], allowDNS: Bool = false) {
        self.namespace = namespace
        self.workload = workload
        self.labels = labels
        self.allowDNS = allowDNS
    }

    public var name: String { PolicyMetadata.name("palisade-quarantine-", workload) }

    static let dnsLabels = ["k8s-app": "kube-dns"]
    static let dnsNamespace = "kube-system"

    /// The policy documents of `form`. AdminNetworkPolicy ingress peers cannot
    /// name addresses outside the cluster, so the admin form comes with the
    /// NetworkPolicy form, which isolates the workload from them.
    public func documents(_ form: Form) -> [YAMLNode] {
        switch form {
        case .networkPolicy: return [networkPolicy]
        case .calico: return [calicoPolicy]
        case .admin: return [adminPolicy, networkPolicy]
        }
    }

    /// The documents as one YAML stream.
    public func text(_ form: Form) -> String { YAMLNode.stream(documents(form)) }

    private var networkPolicy: YAMLNode {
        var spec: [(String, YAMLNode)] = [
            ("podSelector", .object([("matchLabels", .stringMap(labels))])),
            ("policyTypes", .list([.string("Ingress"), .string("Egress")])),
        ]
        if allowDNS {
            spec.append(("egress", .list([.object([
                ("to", .list([.object([
                    ("namespaceSelector", .object([("matchLabels", .stringMap([Topology.namespaceNameLabel: Self.dnsNamespace]))])),
                    ("podSelector", .object([("matchLabels", .stringMap(Self.dnsLabels))])),
                ])])),
                ("ports", .list(NetworkPolicySynthesizer.ports(Self.dnsConnections))),
            ])])))
        }
        return document("networking.k8s.io/v1", "NetworkPolicy", namespace: namespace, spec: spec)
    }

    private var calicoPolicy: YAMLNode {
        var egress: [YAMLNode] = []
        if allowDNS {
            for proto in ["UDP", "TCP"] {
                egress.append(.object([
                    ("action", .string("Allow")), ("protocol", .string(proto)),
                    ("destination", .object([
                        ("namespaceSelector", .string(CalicoSelectorText.matching([Topology.namespaceNameLabel: Self.dnsNamespace]))),
                        ("selector", .string(CalicoSelectorText.matching(Self.dnsLabels))),
                        ("ports", .list([.int(53)])),
                    ])),
                ]))
            }
        }
        egress.append(.object([("action", .string("Deny"))]))
        let spec: [(String, YAMLNode)] = [
            ("order", .int(0)),
            ("selector", .string(CalicoSelectorText.matching(labels))),
            ("types", .list([.string("Ingress"), .string("Egress")])),
            ("ingress", .list([.object([("action", .string("Deny"))])])),
            ("egress", .list(egress)),
        ]
        return document("projectcalico.org/v3", "NetworkPolicy", namespace: namespace, spec: spec)
    }

    private var adminPolicy: YAMLNode {
        let everything: YAMLNode = .list([.object([("namespaces", .map([]))])])
        var egress: [YAMLNode] = []
        if allowDNS {
            egress.append(.object([
                ("name", .string("allow-dns")), ("action", .string("Allow")),
                ("to", .list([.object([("pods", .object([
                    ("namespaceSelector", .object([("matchLabels", .stringMap([Topology.namespaceNameLabel: Self.dnsNamespace]))])),
                    ("podSelector", .object([("matchLabels", .stringMap(Self.dnsLabels))])),
                ]))])])),
                ("ports", .list([
                    .object([("portNumber", .object([("protocol", .string("UDP")), ("port", .int(53))]))]),
                    .object([("portNumber", .object([("protocol", .string("TCP")), ("port", .int(53))]))]),
                ])),
            ]))
        }
        egress.append(.object([("name", .string("deny-all-egress")), ("action", .string("Deny")), ("to", .list([
            .object([("namespaces", .map([]))]), .object([("networks", .list([.string("0.0.0.0/0")]))]),
        ]))]))
        let spec: [(String, YAMLNode)] = [
            ("priority", .int(0)),
            ("subject", .object([("pods", .object([
                ("namespaceSelector", .object([("matchLabels", .stringMap([Topology.namespaceNameLabel: namespace]))])),
                ("podSelector", .object([("matchLabels", .stringMap(labels))])),
            ]))])),
            ("ingress", .list([.object([("name", .string("deny-all-ingress")), ("action", .string("Deny")), ("from", everything)])])),
            ("egress", .list(egress)),
        ]
        return document("policy.networking.k8s.io/v1alpha1", "AdminNetworkPolicy", namespace: nil, spec: spec)
    }

    static let dnsConnections = ConnectionSet(.udp, ports: IntervalSet(53, 53)).union(ConnectionSet(.tcp, ports: IntervalSet(53, 53)))

    private func document(_ apiVersion: String, _ kind: String, namespace: String?, spec: [(String, YAMLNode)]) -> YAMLNode {
        let metadataName = namespace == nil ? PolicyMetadata.name("palisade-quarantine-\(self.namespace)-", workload) : name
        return .object([
            ("apiVersion", .string(apiVersion)), ("kind", .string(kind)),
            ("metadata", PolicyMetadata.node(name: metadataName, namespace: namespace)),
            ("spec", .object(spec)),
        ])
    }
}
