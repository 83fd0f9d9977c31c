import Kube
@testable import NetPolicy

/// Builds a topology from YAML documents and renders what netpol-analyzer's
/// list and diff commands would print for it.
struct ConnlistFixture {
    let topology: Topology

    init(_ documents: [String]) {
        let set = ManifestLoader().load(text: documents.joined(separator: "\n---\n"), file: "test.yaml")
        topology = TopologyBuilder().build(set.objects)
    }

    /// The txt list, one line per allowed pair.
    func lines(focus: AnalysisFocus = AnalysisFocus()) -> [String] {
        ConnlistRequest(format: .txt, focus: focus).render(topology).split(separator: "\n").map(String.init)
    }

    var problems: [String] { topology.model.rejected.map(\.reason) + topology.warnings }

    static func deployment(_ name: String, namespace: String = "default", labels: String, ports: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
          template:
            metadata:
              labels: {\(labels)}
            spec:
              containers:
                - name: c
                  image: x\(ports.isEmpty ? "" : "\n          ports: [\(ports)]")
        """
    }

    static func pod(_ name: String, namespace: String = "default", labels: String, owner: String? = nil) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
          namespace: \(namespace)
          labels: {\(labels)}\(owner.map { "\n  ownerReferences: [\($0)]" } ?? "")
        spec:
          containers: [{name: c, image: x}]
        """
    }

    static func policy(_ name: String, namespace: String = "default", spec: String) -> String {
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
        \(spec)
        """
    }
}
