import XCTest
import Kube
@testable import NetPolicy

/// Builds a topology from YAML manifests and answers "what may flow from A to B".
struct CalicoFixture {
    let topology: Topology
    let engine: ConnectivityEngine

    init(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) {
        let set = ManifestLoader().load(text: yaml, file: "test.yaml")
        XCTAssertEqual(set.errors.map(\.description), [], file: file, line: line)
        topology = TopologyBuilder().build(set.objects)
        engine = ConnectivityEngine(topology: topology)
    }

    /// A cluster endpoint by `ns/name` (pods) or `name` (host endpoints), or the external range holding an IPv4 address.
    func endpoint(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> Endpoint {
        if let address = IPv4.address(Substring(name)),
           let external = topology.externals.first(where: { $0.addresses.contains(address) }) {
            return external
        }
        if let found = topology.endpoints.first(where: { "\($0.namespace.map { "\($0)/" } ?? "")\($0.name)" == name }) {
            return found
        }
        XCTFail("no endpoint \(name) among \(topology.endpoints.map(\.displayName))", file: file, line: line)
        return Endpoint(kind: .external, namespace: nil, name: name)
    }

    func allowed(_ source: String, _ destination: String, file: StaticString = #filePath, line: UInt = #line) -> ConnectionSet {
        engine.allowed(from: endpoint(source, file: file, line: line), to: endpoint(destination, file: file, line: line))
    }

    var rejectedReasons: [String] { topology.model.rejected.map(\.reason) }
}

/// Manifest snippets.
enum CalicoYAML {
    static func pod(_ name: String, namespace: String = "default", labels: [String: String] = [:],
                    serviceAccount: String? = nil, ports: [(name: String, port: Int, proto: String)] = []) -> String {
        let labelLines = labels.sorted { $0.key < $1.key }.map { "    \($0.key): \"\($0.value)\"" }.joined(separator: "\n")
        let portLines = ports.map { "        - name: \($0.name)\n          containerPort: \($0.port)\n          protocol: \($0.proto)" }
            .joined(separator: "\n")
        return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
          namespace: \(namespace)
          labels:
        \(labels.isEmpty ? "    none: \"\"" : labelLines)
        spec:
        \(serviceAccount.map { "  serviceAccountName: \($0)" } ?? "")
          containers:
            - name: main
              image: nginx
        \(ports.isEmpty ? "" : "      ports:\n" + portLines)
        ---

        """
    }

    static func namespace(_ name: String, labels: [String: String] = [:]) -> String {
        let labelLines = labels.sorted { $0.key < $1.key }.map { "    \($0.key): \"\($0.value)\"" }.joined(separator: "\n")
        return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: \(name)
        \(labels.isEmpty ? "" : "  labels:\n" + labelLines)
        ---

        """
    }
}

extension ConnectionSet {
    static let tcpAll = ConnectionSet(.tcp)
    static func tcp(_ ports: UInt32...) -> ConnectionSet {
        ConnectionSet(.tcp, ports: IntervalSet(intervals: ports.map { IntervalSet.Interval($0, $0) }))
    }
}
