import Kube
@testable import NetPolicy

/// A topology from YAML: namespace `hello` with pods `a` (app=a, ports 8000/TCP
/// and `http` 8090/TCP) and `b` (app=b), plus the policies a test adds.
struct ExposureFixture {
    let topology: Topology

    init(policies: String, extra: String = "") {
        let yaml = [Self.cluster, extra, policies].filter { !$0.isEmpty }.joined(separator: "\n---\n")
        topology = TopologyBuilder().build(ManifestLoader().load(text: yaml, file: "exposure.yaml").objects)
    }

    /// The text exposure report with no connectivity list.
    func exposureText(focus: AnalysisFocus = AnalysisFocus()) -> [String] {
        let analysis = ConnectivityAnalysis(topology: topology)
        let connections = analysis.connections(focus: focus)
        let result = ExposureAnalysis(topology: topology).result(focus: focus, connections: connections)
        return ExposureReport(format: .txt, connections: [], endpoints: [], result: result).exposureLines()
    }

    static let cluster = """
    apiVersion: v1
    kind: Namespace
    metadata: {name: hello}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: a, namespace: hello, labels: {app: a}}
    spec:
      containers:
        - name: c
          image: img
          ports:
            - {containerPort: 8000}
            - {name: http, containerPort: 8090}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: b, namespace: hello, labels: {app: b}}
    spec:
      containers: [{name: c, image: img}]
    """

    /// A NetworkPolicy in `hello` selecting app=a with the given spec lines.
    static func policy(_ name: String, _ spec: String) -> String {
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: \(name), namespace: hello}
        spec:
          podSelector: {matchLabels: {app: a}}
        \(spec)
        """
    }
}
