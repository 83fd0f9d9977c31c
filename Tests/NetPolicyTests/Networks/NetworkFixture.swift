import XCTest
import Kube
@testable import NetPolicy

/// Manifests analysed per network, with helpers to read the result.
struct NetworkFixture {
    let objects: [KubeObject]
    let topology: Topology
    let analysis: MultiNetworkAnalysis

    init(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) {
        let set = ManifestLoader().load(text: yaml, file: "test.yaml")
        XCTAssertEqual(set.errors.map(\.description), [], file: file, line: line)
        objects = set.objects
        topology = TopologyBuilder().build(set.objects)
        analysis = MultiNetworkAnalysis(objects: set.objects)
    }

    /// `src => dst : conns` lines of one network, as netpol-analyzer names the peers.
    func lines(_ network: ClusterNetwork, focus: AnalysisFocus = AnalysisFocus()) -> [String] {
        guard let result = analysis.connectivity(topology, focus: focus).first(where: { $0.network == network }) else { return [] }
        return result.connections.map {
            "\(network.peerName($0.source)) => \(network.peerName($0.destination)) : \($0.connections.analyzerText)"
        }.sorted()
    }

    func render(_ format: ConnlistFormat, focus: AnalysisFocus = AnalysisFocus(),
                focusConnection: (proto: IPProtocol, port: UInt32)? = nil) -> String {
        MultiNetworkConnlist(analysis: analysis, format: format, focus: focus, focusConnection: focusConnection).render(topology)
    }
}

/// Manifest snippets for network tests.
enum NetworkYAML {
    static func namespace(_ name: String, primaryUDN: Bool = false, labels: [String: String] = [:]) -> String {
        var all = labels
        if primaryUDN { all["k8s.ovn.org/primary-user-defined-network"] = "" }
        let labelLines = all.sorted { $0.key < $1.key }.map { "    \($0.key): \"\($0.value)\"" }.joined(separator: "\n")
        return """
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: \(name)
        \(all.isEmpty ? "" : "  labels:\n" + labelLines)
        """
    }

    static func udn(_ name: String, namespace: String, topology: String = "Layer2", layerKey: String? = nil, role: String = "Primary") -> String {
        """
        ---
        apiVersion: k8s.ovn.org/v1
        kind: UserDefinedNetwork
        metadata:
          name: \(name)
          namespace: \(namespace)
        spec:
          topology: \(topology)
          \(layerKey ?? topology.prefix(1).lowercased() + topology.dropFirst()):
            role: \(role)
        """
    }

    static func cudn(_ name: String, namespaces: [String]) -> String {
        """
        ---
        apiVersion: k8s.ovn.org/v1
        kind: ClusterUserDefinedNetwork
        metadata:
          name: \(name)
        spec:
          namespaceSelector:
            matchExpressions:
            - key: kubernetes.io/metadata.name
              operator: In
              values: [\(namespaces.joined(separator: ", "))]
          network:
            topology: Layer3
            layer3:
              role: Primary
        """
    }

    static func pod(_ name: String, namespace: String, labels: [String: String] = ["app": "x"], networks: String? = nil) -> String {
        let labelLines = labels.sorted { $0.key < $1.key }.map { "    \($0.key): \($0.value)" }.joined(separator: "\n")
        let annotation = networks.map { "\n  annotations:\n    k8s.v1.cni.cncf.io/networks: \($0)" } ?? ""
        return """
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
          namespace: \(namespace)\(annotation)
          labels:
        \(labelLines)
        spec:
          containers:
          - name: c
            image: busybox
        """
    }

    static func denyAll(namespace: String) -> String {
        """
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-all
          namespace: \(namespace)
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        """
    }
}
