import Kube
import PalisadeCore
@testable import NetPolicy

/// Topologies built from YAML text, and finding lookups, for the findings tests.
enum NetpolFindingsFixture {
    static func topology(_ documents: [String]) throws -> Topology {
        let parsed = try YAMLReader.documents(documents.joined(separator: "\n---\n"), file: "findings.yaml")
        return TopologyBuilder().build(parsed.compactMap { KubeObject($0.value, location: $0.location) })
    }

    static func findings(_ documents: [String], rules: Set<NetworkFindingRule> = []) throws -> [Finding] {
        NetworkFindings(topology: try topology(documents), options: NetworkFindingOptions(rules: rules)).findings()
    }

    /// A one-container Deployment in flow style.
    static func deployment(_ name: String, namespace: String = "default", labels: String? = nil, port: Int? = nil) -> String {
        let ports = port.map { ", ports: [{containerPort: \($0)}]" } ?? ""
        return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name), namespace: \(namespace)}
        spec: {template: {metadata: {labels: {\(labels ?? "app: \(name)")}}, spec: {containers: [{name: main, image: example\(ports)}]}}}
        """
    }

    static func namespace(_ name: String) -> String {
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: \(name)}"
    }
}
