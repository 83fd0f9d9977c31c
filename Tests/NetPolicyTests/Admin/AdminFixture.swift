import Kube
import XCTest
@testable import NetPolicy

/// A topology built from YAML text: namespaces `a` and `b` (label `team`),
/// pods given by the test, and policies.
struct AdminFixture {
    let topology: Topology
    let engine: ConnectivityEngine

    init(_ yaml: String, file: String = "fixture.yaml") {
        let set = ManifestLoader().load(text: yaml, file: file)
        topology = TopologyBuilder().build(set.objects)
        engine = ConnectivityEngine(topology: topology)
    }

    func endpoint(_ qualified: String) -> Endpoint? {
        topology.endpoints.first { "\($0.namespace ?? "")/\($0.name)" == qualified }
    }

    func allowed(_ source: String, _ destination: String) -> ConnectionSet {
        guard let s = endpoint(source), let d = endpoint(destination) else { return .none }
        return engine.allowed(from: s, to: d)
    }

    func allowed(_ source: String, toAddress address: String) -> ConnectionSet {
        guard let s = endpoint(source), let ip = IPv4.address(Substring(address)),
              let external = topology.externals.first(where: { $0.addresses.contains(ip) }) else { return .none }
        return engine.allowed(from: s, to: external)
    }

    var rejections: [String] { topology.model.rejected.map(\.reason) }

    static let cluster = """
    apiVersion: v1
    kind: Namespace
    metadata: {name: a, labels: {team: red}}
    ---
    apiVersion: v1
    kind: Namespace
    metadata: {name: b, labels: {team: blue}}
    ---
    \(pod("client", "a", labels: "app: client"))
    ---
    \(pod("server", "b", labels: "app: server", ports: [("web", 8080, "TCP"), ("dns", 53, "UDP")]))
    ---
    \(pod("other", "b", labels: "app: other"))
    """

    static func pod(_ name: String, _ namespace: String, labels: String, ports: [(String, Int, String)] = [],
                    hostNetwork: Bool = false, ip: String? = nil, node: String? = nil) -> String {
        let portLines = ports.map { "\n        - {name: \($0.0), containerPort: \($0.1), protocol: \($0.2)}" }.joined()
        return """
        apiVersion: v1
        kind: Pod
        metadata: {name: \(name), namespace: \(namespace), labels: {\(labels)}}
        spec:
          hostNetwork: \(hostNetwork)\(node.map { "\n  nodeName: \($0)" } ?? "")
          containers:
            - name: c
              image: img\(ports.isEmpty ? "" : "\n      ports:" + portLines)
        \(ip.map { "status: {podIP: \($0)}" } ?? "")
        """
    }

    /// An AdminNetworkPolicy header with subject pods of namespace `subjectNamespace`.
    static func anp(_ name: String, priority: Int, subjectNamespace: String, body: String) -> String {
        """
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: \(name)}
        spec:
          priority: \(priority)
          subject:
            namespaces: {matchLabels: {kubernetes.io/metadata.name: \(subjectNamespace)}}
        \(body)
        """
    }

    static func banp(_ name: String = "default", subjectNamespace: String, body: String) -> String {
        """
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        metadata: {name: \(name)}
        spec:
          subject:
            namespaces: {matchLabels: {kubernetes.io/metadata.name: \(subjectNamespace)}}
        \(body)
        """
    }

    /// A NetworkPolicy in `namespace` selecting every pod, allowing ingress from namespace `from`.
    static func allowIngressNP(namespace: String, from: String) -> String {
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: np, namespace: \(namespace)}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
          ingress:
            - from:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: \(from)}}
        """
    }
}

extension ConnectionSet {
    static func tcp(_ port: UInt32) -> ConnectionSet { ConnectionSet(.tcp, ports: IntervalSet(port, port)) }
}
